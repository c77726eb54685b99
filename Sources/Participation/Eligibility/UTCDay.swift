#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A date's day in UTC on the proleptic Gregorian calendar, and how far into that day it is:
/// the arithmetic that ages need, without a `Calendar` (whose general machinery cost more
/// than the rest of an eligibility check).
struct UTCDay {
    var year: Int
    var month: Int
    var day: Int
    /// Seconds since the day's midnight, fractions kept.
    var secondsIntoDay: Double

    init(_ date: Date) {
        let seconds = date.timeIntervalSince1970
        let days = (seconds / 86_400).rounded(.down)
        secondsIntoDay = seconds - days * 86_400
        (year, month, day) = Self.civil(daysSince1970: Int(days))
    }

    /// Year, month and day of the `days`-th day after 1970-01-01 (negative before it).
    /// Howard Hinnant's `civil_from_days`, exact for every day an `Int` holds here.
    ///
    /// Reference: <https://howardhinnant.github.io/date_algorithms.html#civil_from_days>
    static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Whole years from `start` to `end`, as a Gregorian calendar in UTC counts them: the
    /// anniversary of `start` in `end`'s year, with February 29 falling on February 28 in a
    /// common year, has to be reached (passed, going backwards) for the last year to count.
    static func wholeYears(from start: UTCDay, to end: UTCDay) -> Int {
        var years = end.year - start.year
        let anniversaryDay = start.month == 2 && start.day == 29 && !isLeap(end.year) ? 28 : start.day
        let anniversary = (start.month, anniversaryDay, start.secondsIntoDay)
        let target = (end.month, end.day, end.secondsIntoDay)
        if years > 0, anniversary > target { years -= 1 }
        if years < 0, anniversary < target { years += 1 }
        return years
    }
}
