/// Everything the access policy decides on: staff operations, participants' actions in a
/// process, and reporting content.
public enum AccessOperation: Hashable, Sendable, CustomStringConvertible {
    /// An act reserved to staff roles.
    case staff(StaffOperation)
    /// A participant's action in a process, governed by its phase, eligibility and charter.
    case participate(ParticipationAction)
    /// Reporting content to moderators: any registered participant who is not blocked, in any phase.
    case report
    /// A new act of one's own outside any process (following, accepting the charter, removing
    /// one's tag): any account that is neither erased nor blocked.
    case act
    /// Reading or managing one's own account and data (one's ballot, profile, consents,
    /// notification settings, personal-data export, erasure): any account not erased, even
    /// a blocked one.
    case ownAccount

    /// Every operation, for tables and tests that walk the whole policy.
    public static var allCases: [AccessOperation] {
        StaffOperation.allCases.map { .staff($0) } + ParticipationAction.allCases.map { .participate($0) }
            + [.report, .act, .ownAccount]
    }

    public var description: String {
        switch self {
        case .staff(let operation): operation.rawValue
        case .participate(let action): action.rawValue
        case .report: "report"
        case .act: "act"
        case .ownAccount: "own-account"
        }
    }
}
