#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension AgeBracket {
    /// "18-24", or "65+" for an open bracket.
    public var label: String { upperBound.map { "\(lowerBound)-\($0)" } ?? "\(lowerBound)+" }

    /// Whether `age` (whole years) falls in the bracket.
    public func contains(_ age: Int) -> Bool { age >= lowerBound && upperBound.map { age <= $0 } ?? true }

    /// Whether `other` lies entirely inside this bracket.
    public func contains(_ other: AgeBracket) -> Bool {
        guard other.lowerBound >= lowerBound else { return false }
        guard let upperBound else { return true }
        guard let otherUpper = other.upperBound else { return false }
        return otherUpper <= upperBound
    }

    /// The brackets open data and the default statistics use: under 18, 18-24, 25-34, 35-49,
    /// 50-64, 65 and over.
    public static let standard: [AgeBracket] = [
        AgeBracket(0, 17), AgeBracket(18, 24), AgeBracket(25, 34), AgeBracket(35, 49), AgeBracket(50, 64), AgeBracket(65),
    ]
}

/// Places a profile in one of a list of age brackets.
public enum AgeGrouping {
    /// The bracket of `brackets` the profile's age on `date` falls in: from the birth date when
    /// given, else from the declared bracket when it lies inside one of them; nil when unknown
    /// or ambiguous (a declared 16-30 does not fit 18-24 nor 25-34).
    public static func bracket(of profile: Profile, on date: Date, among brackets: [AgeBracket]) -> AgeBracket? {
        if let birthDate = profile.birthDate {
            let age = EligibilityRule.age(bornOn: birthDate, on: date)
            return brackets.first { $0.contains(age) }
        }
        if let declared = profile.ageBracket { return brackets.first { $0.contains(declared) } }
        return nil
    }
}
