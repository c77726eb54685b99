#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A proposition as the public sees it: published or withdrawn, neither pending nor hidden by
/// moderation, its redacted fragments masked, its authors shown as the process's
/// ``DisplayPolicy`` says (``PublicAuthor``), and without the agent who transcribed it.
public struct PublicProposition: Hashable, Sendable, Identifiable {
    /// How the proposition reached the process, without the agent's identity.
    public enum Origin: Hashable, Sendable {
        case online
        /// Transcribed from an offline source, at a place if one was given.
        case transcribed(OfflineSource, place: String?)
    }

    public let id: PropositionID
    public let processID: ProcessID
    public let authors: [PublicAuthor]
    public let origin: Origin
    public let title: String
    public let body: String
    public let estimatedCost: Int64?
    public let districtID: DistrictID?
    public let themes: Set<String>
    public let location: GeoPoint?
    public let attachments: [String]
    public let lifecycle: PropositionLifecycle
    public let status: PropositionStatus
    public let version: Int
    public let createdAt: Date

    /// The public face of `proposition`, whose texts are already redacted.
    init(_ proposition: Proposition, authors: AuthorDisplay) {
        id = proposition.id
        processID = proposition.processID
        self.authors = proposition.authors.map(authors.author)
        switch proposition.origin {
        case .online: origin = .online
        case .transcribed(let source, _, let place): origin = .transcribed(source, place: place)
        }
        title = proposition.title
        body = proposition.body
        estimatedCost = proposition.estimatedCost
        districtID = proposition.districtID
        themes = proposition.themes
        location = proposition.location
        attachments = proposition.attachments
        lifecycle = proposition.lifecycle
        status = proposition.status
        version = proposition.version
        createdAt = proposition.createdAt
    }
}

/// A version of a public proposition's text, redacted as the proposition is.
public struct PublicPropositionVersion: Hashable, Sendable {
    public let propositionID: PropositionID
    public let number: Int
    public let title: String
    public let body: String
    public let estimatedCost: Int64?
    public let editedBy: PublicAuthor
    public let at: Date
    public let note: String?

    init(_ version: PropositionVersion, redact: (String) -> String, authors: AuthorDisplay) {
        propositionID = version.propositionID
        number = version.number
        title = redact(version.title)
        body = redact(version.body)
        estimatedCost = version.estimatedCost
        editedBy = authors.author(version.editedBy)
        at = version.at
        note = version.note.map(redact)
    }
}

/// An entry of a public proposition's status history.
public struct PublicStatusChange: Hashable, Sendable {
    public let propositionID: PropositionID
    public let status: PropositionStatus
    public let reason: ReviewReason?
    public let justification: String
    public let by: PublicAuthor
    public let at: Date

    init(_ change: StatusChange, redact: (String) -> String, authors: AuthorDisplay) {
        propositionID = change.propositionID
        status = change.status
        reason = change.reason
        justification = redact(change.justification)
        by = authors.author(change.by)
        at = change.at
    }
}
