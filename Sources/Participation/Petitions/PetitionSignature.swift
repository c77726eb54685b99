#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One eligible participant's signature of a petition: one per participant and petition.
public struct PetitionSignature: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let petitionID: PetitionID
    public let signerID: ParticipantID
    public let at: Date

    public init(tenantID: TenantID, petitionID: PetitionID, signerID: ParticipantID, at: Date) {
        self.tenantID = tenantID
        self.petitionID = petitionID
        self.signerID = signerID
        self.at = at
    }
}

/// What storage reports after recording a signature.
public struct SignatureReceipt: Hashable, Sendable {
    /// The petition as stored after the signature.
    public let petition: Petition
    /// The status change this signature triggered (it was exactly the threshold-th), if any.
    public let statusChange: PetitionStatusChange?

    public init(petition: Petition, statusChange: PetitionStatusChange?) {
        self.petition = petition
        self.statusChange = statusChange
    }
}
