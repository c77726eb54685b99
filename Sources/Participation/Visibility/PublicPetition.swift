#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A petition as the public sees it: visible, redacted, its authors shown as the process's
/// ``DisplayPolicy`` says.
public struct PublicPetition: Hashable, Sendable, Identifiable {
    public let id: PetitionID
    public let processID: ProcessID
    public let authors: [PublicAuthor]
    public let title: String
    public let body: String
    public let threshold: Int
    public let thresholdStatus: PetitionStatus
    public let status: PetitionStatus
    public let signatureCount: Int
    public let createdAt: Date

    init(_ petition: Petition, authors: AuthorDisplay) {
        id = petition.id
        processID = petition.processID
        self.authors = petition.authors.map(authors.author)
        title = petition.title
        body = petition.body
        threshold = petition.threshold
        thresholdStatus = petition.thresholdStatus
        status = petition.status
        signatureCount = petition.signatureCount
        createdAt = petition.createdAt
    }
}

/// An entry of a public petition's status history.
public struct PublicPetitionStatusChange: Hashable, Sendable {
    public let petitionID: PetitionID
    public let status: PetitionStatus
    public let justification: String
    /// Who changed it, or nil when the petition changed by itself (threshold reached).
    public let by: PublicAuthor?
    public let at: Date

    init(_ change: PetitionStatusChange, redact: (String) -> String, authors: AuthorDisplay) {
        petitionID = change.petitionID
        status = change.status
        justification = redact(change.justification)
        by = change.by.map(authors.author)
        at = change.at
    }
}

/// What signing a petition did, as the signer may see it: the public petition after the
/// signature, and the status change it triggered (it was exactly the threshold-th), if any.
public struct PublicSignatureReceipt: Hashable, Sendable {
    public let petition: PublicPetition
    public let statusChange: PublicPetitionStatusChange?
}
