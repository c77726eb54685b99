#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A participant's comment on a subject of a process, or a reply to another comment
/// (replies to replies make a thread of any depth).
public struct ContributionComment: Hashable, Sendable, Codable, Identifiable {
    public let id: CommentID
    public let tenantID: TenantID
    public let processID: ProcessID
    public let subject: ContributionSubject
    /// The comment this one replies to, or nil for a top-level comment.
    public let parentID: CommentID?
    public let authorID: ParticipantID
    public let body: String
    /// The author's stance on the subject, if they gave one.
    public let stance: CommentStance?
    public let createdAt: Date

    public init(
        id: CommentID, tenantID: TenantID, processID: ProcessID, subject: ContributionSubject, parentID: CommentID? = nil,
        authorID: ParticipantID, body: String, stance: CommentStance? = nil, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.subject = subject
        self.parentID = parentID
        self.authorID = authorID
        self.body = body
        self.stance = stance
        self.createdAt = createdAt
    }
}

/// A comment's id.
public typealias CommentID = Identifier<ContributionComment>

/// A comment's stance (Decidim's alignment).
public enum CommentStance: String, Hashable, Sendable, Codable, CaseIterable {
    case inFavour = "for", against, neutral
}
