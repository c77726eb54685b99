#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The facts the access policy decides from: who asks (roles, profile, block), where (the
/// process and its phase), and their charter standing. The service gathers them from storage.
public struct AccessRequest: Sendable {
    public let participant: Participant
    /// The participant's block, if a moderator blocked them.
    public let block: ParticipantBlock?
    /// The process the action is in (needed for ``AccessOperation/participate(_:)``).
    public let process: ParticipatoryProcess?
    public let charter: CharterStanding
    /// When: eligibility rules read ages on this date.
    public let now: Date

    public init(
        participant: Participant, block: ParticipantBlock? = nil, process: ParticipatoryProcess? = nil,
        charter: CharterStanding = .notRequired, now: Date
    ) {
        self.participant = participant
        self.block = block
        self.process = process
        self.charter = charter
        self.now = now
    }
}

/// Where a participant stands with the charter an action requires.
public enum CharterStanding: Hashable, Sendable {
    /// The process does not require it, or the tenant has none.
    case notRequired
    /// They accepted the current version.
    case accepted
    /// They must accept this version first.
    case notAccepted(Charter)
}

/// The policy's answer.
public enum AccessDecision: Hashable, Sendable {
    case allow
    /// Refused, with the error (and its stable code) the operation throws.
    case refuse(ParticipationError)

    /// Whether the operation may go ahead.
    public var isAllowed: Bool { self == .allow }

    /// The refusal, or nil when allowed.
    public var refusal: ParticipationError? {
        if case .refuse(let error) = self { return error }
        return nil
    }
}
