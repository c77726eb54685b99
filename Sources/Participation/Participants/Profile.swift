#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Voluntary profile data, used only to decide eligibility and for aggregate statistics.
/// Every field is optional: a rule that needs a missing field refuses with a reason saying so.
public struct Profile: Hashable, Sendable, Codable {
    /// The birth date, when the participant gave it.
    public var birthDate: Date?
    /// An age bracket, when the participant gave a bracket rather than a date.
    public var ageBracket: AgeBracket?
    /// The district the participant lives (or works) in.
    public var districtID: DistrictID?
    /// How the participant is attached to the tenant's territory.
    public var statuses: Set<TerritorialStatus>

    public init(
        birthDate: Date? = nil, ageBracket: AgeBracket? = nil, districtID: DistrictID? = nil,
        statuses: Set<TerritorialStatus> = []
    ) {
        self.birthDate = birthDate
        self.ageBracket = ageBracket
        self.districtID = districtID
        self.statuses = statuses
    }
}

/// How someone is attached to a territory: the survey's cities let residents vote and, in some,
/// people who work or study there.
public enum TerritorialStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case resident, worksThere, studiesThere
}

/// An age range in whole years, `lowerBound...upperBound` (upper bound absent for "and over").
public struct AgeBracket: Hashable, Sendable, Codable {
    public let lowerBound: Int
    public let upperBound: Int?

    /// Creates a bracket; `upperBound` nil means "and over".
    public init(_ lowerBound: Int, _ upperBound: Int? = nil) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

/// How far a participant's identity and profile have been checked. Levels are ordered:
/// a rule that requires `.confirmed` accepts `.verified`.
public struct VerificationLevel: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Nothing checked.
    public static let unverified = VerificationLevel(rawValue: 0)
    /// The account is confirmed (an e-mail or phone answered).
    public static let confirmed = VerificationLevel(rawValue: 1)
    /// The profile was checked against a source: a census file, a document seen by an agent.
    public static let verified = VerificationLevel(rawValue: 2)

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Consents a participant gives or withdraws, each on its own.
public struct Consents: Hashable, Sendable, Codable {
    /// Notifications about followed themes, processes and propositions.
    public var followNotifications: Bool
    /// Reuse of contact data by the collectivité for its own communication.
    public var contactReuse: Bool

    public init(followNotifications: Bool = false, contactReuse: Bool = false) {
        self.followNotifications = followNotifications
        self.contactReuse = contactReuse
    }
}
