#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A moderator's block of a participant, with its written justification.
public struct ParticipantBlock: Hashable, Sendable, Codable {
    /// How far a block goes.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// No new actions (every action refuses with ``ParticipationError/Code/participantBlocked``).
        case soft
        /// No new actions, and everything the participant posted is hidden from the public
        /// while the block lasts. Unblocking shows again exactly what the block hid.
        case hard
    }

    public let tenantID: TenantID
    public let participantID: ParticipantID
    public let kind: Kind
    public let justification: String
    public let by: ParticipantID
    public let at: Date

    public init(
        tenantID: TenantID, participantID: ParticipantID, kind: Kind, justification: String, by: ParticipantID, at: Date
    ) {
        self.tenantID = tenantID
        self.participantID = participantID
        self.kind = kind
        self.justification = justification
        self.by = by
        self.at = at
    }
}
