#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Who may do an action in a process, as data: a minimum age, a territory, the accepted
/// attachments to it, and the verification level required.
///
/// The default rule lets any registered participant act. Grenoble's petitions, for example,
/// are `EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident])`.
public struct EligibilityRule: Hashable, Sendable, Codable {
    /// The minimum age in whole years on the day of the action, if any.
    public var minimumAge: Int?
    /// If not empty, the participant's district must be one of these.
    public var districts: Set<DistrictID>
    /// If not empty, the participant must hold one of these statuses (resident, works there…).
    public var acceptedStatuses: Set<TerritorialStatus>
    /// The lowest verification level accepted.
    public var requiredVerification: VerificationLevel

    public init(
        minimumAge: Int? = nil, districts: Set<DistrictID> = [], acceptedStatuses: Set<TerritorialStatus> = [],
        requiredVerification: VerificationLevel = .unverified
    ) {
        self.minimumAge = minimumAge
        self.districts = districts
        self.acceptedStatuses = acceptedStatuses
        self.requiredVerification = requiredVerification
    }

    /// Anyone registered in the tenant.
    public static let anyone = EligibilityRule()

    /// Checks `participant` against the rule on `date`; returns the first rule that fails, or nil.
    public func failure(for participant: Participant, on date: Date) -> EligibilityFailure? {
        if let minimumAge, let failure = Self.ageFailure(participant.profile, minimumAge: minimumAge, on: date) {
            return failure
        }
        if !acceptedStatuses.isEmpty, participant.profile.statuses.isDisjoint(with: acceptedStatuses) {
            return .statusNotAccepted(accepted: acceptedStatuses)
        }
        if !districts.isEmpty {
            guard let district = participant.profile.districtID else { return .districtUnknown }
            if !districts.contains(district) { return .outsideDistricts(district, accepted: districts) }
        }
        if participant.verification < requiredVerification {
            return .verificationTooLow(required: requiredVerification, actual: participant.verification)
        }
        return nil
    }

    private static func ageFailure(_ profile: Profile, minimumAge: Int, on date: Date) -> EligibilityFailure? {
        if let birthDate = profile.birthDate {
            let age = Self.age(bornOn: birthDate, on: date)
            return age >= minimumAge ? nil : .tooYoung(minimumAge: minimumAge, age: age)
        }
        if let bracket = profile.ageBracket {
            if bracket.lowerBound >= minimumAge { return nil }
            if let upper = bracket.upperBound, upper < minimumAge {
                return .tooYoung(minimumAge: minimumAge, age: upper)
            }
            return .ageNotProven(minimumAge: minimumAge)
        }
        return .ageNotProven(minimumAge: minimumAge)
    }

    /// Whole years between `birthDate` and `date`, in UTC (a birthday counts from its first
    /// second; someone born on February 29 is a year older on February 28 of a common year).
    static func age(bornOn birthDate: Date, on date: Date) -> Int {
        UTCDay.wholeYears(from: UTCDay(birthDate), to: UTCDay(date))
    }
}

/// The eligibility rule that refused a participant, with what it expected.
public enum EligibilityFailure: Hashable, Sendable, CustomStringConvertible {
    case tooYoung(minimumAge: Int, age: Int)
    case ageNotProven(minimumAge: Int)
    case statusNotAccepted(accepted: Set<TerritorialStatus>)
    case districtUnknown
    case outsideDistricts(DistrictID, accepted: Set<DistrictID>)
    case verificationTooLow(required: VerificationLevel, actual: VerificationLevel)

    /// The profile field the failing rule reads.
    public var field: String {
        switch self {
        case .tooYoung, .ageNotProven: "age"
        case .statusNotAccepted: "statuses"
        case .districtUnknown, .outsideDistricts: "district"
        case .verificationTooLow: "verification"
        }
    }

    public var description: String {
        switch self {
        case .tooYoung(let minimum, let age):
            "minimum age is \(minimum), participant is \(age)"
        case .ageNotProven(let minimum):
            "minimum age is \(minimum) and the participant's profile does not prove it"
        case .statusNotAccepted(let accepted):
            "reserved to participants who are: \(accepted.map(\.rawValue).sorted().joined(separator: ", "))"
        case .districtUnknown:
            "reserved to some districts and the participant's district is unknown"
        case .outsideDistricts(let district, let accepted):
            "district '\(district)' is not one of: \(accepted.map(\.rawValue).sorted().joined(separator: ", "))"
        case .verificationTooLow(let required, let actual):
            "verification level \(required.rawValue) required, participant has \(actual.rawValue)"
        }
    }

    /// The library error for this failure.
    public var error: ParticipationError {
        ParticipationError(.notEligible, "not eligible: \(description)", field: field)
    }
}
