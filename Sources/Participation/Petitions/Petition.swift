#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A petition (Grenoble's "interpellation"): it collects signatures from eligible
/// participants and, when they reach ``threshold``, changes by itself to
/// ``thresholdStatus`` ("to be debated in council"); after the debate the authority records
/// its decision (adopt, reject, or send to votation).
public struct Petition: Hashable, Sendable, Codable, Identifiable {
    public let id: PetitionID
    public let tenantID: TenantID
    public let processID: ProcessID
    /// The authors: a participant, co-authors, or a collective.
    public var authors: [ParticipantID]
    public var title: String
    public var body: String
    /// The number of eligible signatures that triggers ``thresholdStatus``.
    public let threshold: Int
    /// The status the petition takes by itself at the threshold.
    public let thresholdStatus: PetitionStatus
    public var status: PetitionStatus
    /// The number of signatures, kept by storage in the transaction that records each one.
    public var signatureCount: Int
    /// Incremented by storage on every update; writers pass the revision they read.
    public var revision: Int
    public let createdAt: Date

    public init(
        id: PetitionID, tenantID: TenantID, processID: ProcessID, authors: [ParticipantID], title: String, body: String,
        threshold: Int, thresholdStatus: PetitionStatus = .toBeDebated, status: PetitionStatus = .open,
        signatureCount: Int = 0, revision: Int = 0, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.authors = authors
        self.title = title
        self.body = body
        self.threshold = threshold
        self.thresholdStatus = thresholdStatus
        self.status = status
        self.signatureCount = signatureCount
        self.revision = revision
        self.createdAt = createdAt
    }

    /// Whether it still takes signatures: open, or past the threshold and awaiting its decision.
    public var collectsSignatures: Bool { status == .open || status == thresholdStatus }

    /// The petition after one more signature at `date`, and the status change that signature
    /// triggers, if it is exactly the threshold-th one. Storage applies this in the same
    /// transaction as the signature.
    public func addingSignature(at date: Date) -> (petition: Petition, change: PetitionStatusChange?) {
        var next = self
        next.signatureCount += 1
        guard status == .open, next.signatureCount == threshold else { return (next, nil) }
        next.status = thresholdStatus
        let change = PetitionStatusChange(
            petitionID: id, status: thresholdStatus,
            justification: "\(threshold) eligible signatures reached", by: nil, at: date)
        return (next, change)
    }
}

/// A petition's id.
public typealias PetitionID = Identifier<Petition>

/// A petition's public status; a tenant may name its own.
public struct PetitionStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// Collecting signatures.
    public static let open = Self(rawValue: "open")
    /// The threshold was reached: to be debated in council.
    public static let toBeDebated = Self(rawValue: "to-be-debated-in-council")
    /// The authority adopted it.
    public static let adopted = Self(rawValue: "adopted")
    /// The authority rejected it.
    public static let rejected = Self(rawValue: "rejected")
    /// The authority sent it to a votation.
    public static let sentToVotation = Self(rawValue: "sent-to-votation")
}

/// A dated entry of a petition's status history, with its justification.
public struct PetitionStatusChange: Hashable, Sendable, Codable {
    public let petitionID: PetitionID
    public let status: PetitionStatus
    public let justification: String
    /// Who changed it, or nil when the petition changed by itself (threshold reached).
    public let by: ParticipantID?
    public let at: Date

    public init(petitionID: PetitionID, status: PetitionStatus, justification: String, by: ParticipantID?, at: Date) {
        self.petitionID = petitionID
        self.status = status
        self.justification = justification
        self.by = by
        self.at = at
    }
}

/// What the authority decides after the debate.
public enum PetitionDecision: String, Hashable, Sendable, Codable, CaseIterable {
    case adopt, reject, sendToVotation

    /// The status the decision gives the petition.
    public var status: PetitionStatus {
        switch self {
        case .adopt: .adopted
        case .reject: .rejected
        case .sendToVotation: .sentToVotation
        }
    }
}
