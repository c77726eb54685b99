import Foundation
@testable import Participation
import Testing

/// Ages are counted with integer day arithmetic (``UTCDay``); a Gregorian `Calendar` in UTC is
/// the reference they must agree with.
@Suite("Age arithmetic")
struct AgeArithmeticTests {
    static let reference: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    static func referenceAge(_ birth: Date, _ date: Date) -> Int? {
        reference.dateComponents([.year], from: birth, to: date).year
    }

    static func date(_ text: String) throws -> Date { try Date(text, strategy: .iso8601) }

    @Test func civilDatesMatchTheCalendarFrom1900To2100() {
        // Every day of two centuries, either side of 1970 and across 2000 (a leap century).
        for days in -25_567...47_482 {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400 + 43_200)
            let components = Self.reference.dateComponents([.year, .month, .day], from: date)
            let day = UTCDay(date)
            #expect([day.year, day.month, day.day] == [components.year, components.month, components.day], "day \(days)")
        }
    }

    @Test func agesMatchTheCalendarOnRandomPairs() {
        var random = SeededRandom(seed: 2026)
        let range = -2_208_988_800...4_102_444_800  // 1900 to 2100, in seconds
        for _ in 0..<20_000 {
            let birth = Date(timeIntervalSince1970: Double(Int.random(in: range, using: &random)))
            let date = Date(timeIntervalSince1970: Double(Int.random(in: range, using: &random)))
            #expect(EligibilityRule.age(bornOn: birth, on: date) == Self.referenceAge(birth, date), "\(birth) → \(date)")
        }
    }

    @Test(arguments: [
        // Born on February 29: a year older on February 28 of a common year.
        ("2000-02-29T00:00:00Z", "2001-02-28T00:00:00Z", 1),
        ("2000-02-29T00:00:00Z", "2001-02-27T23:59:59Z", 0),
        ("2000-02-29T10:00:00Z", "2004-02-29T09:59:59Z", 3),
        ("2000-02-29T10:00:00Z", "2004-02-29T10:00:00Z", 4),
        // A birthday counts from its first second.
        ("2007-06-15T00:00:00Z", "2025-06-14T23:59:59Z", 17),
        ("2007-06-15T00:00:00Z", "2025-06-15T00:00:00Z", 18),
        // Backwards (a birth date after the day asked about) counts towards zero.
        ("2001-02-28T00:00:00Z", "2000-02-29T00:00:00Z", 0),
        ("2001-03-01T00:00:00Z", "2000-02-29T00:00:00Z", -1),
        ("1969-12-31T23:59:59Z", "1987-12-31T23:59:58Z", 17),
    ])
    func edgeCasesMatchTheCalendar(birth: String, date: String, age: Int) throws {
        let (birth, date) = (try Self.date(birth), try Self.date(date))
        #expect(EligibilityRule.age(bornOn: birth, on: date) == age)
        #expect(Self.referenceAge(birth, date) == age)
    }
}
