#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A participant's support ("je soutiens") for a proposition. One per participant and
/// proposition; storage enforces it, and the per-process quota, in the same transaction.
public struct Support: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let processID: ProcessID
    public let propositionID: PropositionID
    public let supporterID: ParticipantID
    public let at: Date

    public init(tenantID: TenantID, processID: ProcessID, propositionID: PropositionID, supporterID: ParticipantID, at: Date) {
        self.tenantID = tenantID
        self.processID = processID
        self.propositionID = propositionID
        self.supporterID = supporterID
        self.at = at
    }
}

/// What storage reports after recording a support.
public struct SupportReceipt: Hashable, Sendable {
    /// The supporter's supports in the process, this one included.
    public let participantSupports: Int
    /// The proposition's supports, this one included.
    public let propositionSupports: Int

    public init(participantSupports: Int, propositionSupports: Int) {
        self.participantSupports = participantSupports
        self.propositionSupports = propositionSupports
    }
}
