/// Everything the access policy decides on: staff operations, participants' actions in a
/// process, and reporting content.
public enum AccessOperation: Hashable, Sendable, CustomStringConvertible {
    /// An act reserved to staff roles.
    case staff(StaffOperation)
    /// A participant's action in a process, governed by its phase, eligibility and charter.
    case participate(ParticipationAction)
    /// Reporting content to moderators: any registered participant who is not blocked, in any phase.
    case report

    /// Every operation, for tables and tests that walk the whole policy.
    public static var allCases: [AccessOperation] {
        StaffOperation.allCases.map { .staff($0) } + ParticipationAction.allCases.map { .participate($0) } + [.report]
    }

    public var description: String {
        switch self {
        case .staff(let operation): operation.rawValue
        case .participate(let action): action.rawValue
        case .report: "report"
        }
    }
}
