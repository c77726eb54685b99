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

/// A comment with its replies, recursively, in the order they were written.
///
/// In a public listing a pending or hidden comment that has visible replies stays as a
/// placeholder (``comment`` nil) so that the replies keep their place; its text, author and
/// stance are not there.
public struct CommentThread: Hashable, Sendable {
    public let id: CommentID
    /// The comment, or nil for the placeholder of a comment the public cannot see.
    public let comment: ContributionComment?
    public let replies: [CommentThread]

    /// Whether this is the placeholder of a pending or hidden comment.
    public var isPlaceholder: Bool { comment == nil }

    /// Builds the threads of `comments` (given in the order written): top-level comments, each
    /// with its replies. A reply whose parent is missing from `comments` is left out.
    ///
    /// `shown` gives the comment as its reader may see it, or nil: such a comment becomes a
    /// placeholder when a reply under it is shown, and disappears otherwise.
    public static func threads(
        of comments: [ContributionComment], shown: (ContributionComment) -> ContributionComment? = { $0 }
    ) -> [CommentThread] {
        var children: [CommentID?: [ContributionComment]] = [:]
        for comment in comments { children[comment.parentID, default: []].append(comment) }
        func build(_ comment: ContributionComment) -> CommentThread? {
            let replies = (children[comment.id] ?? []).compactMap(build)
            let visible = shown(comment)
            guard visible != nil || !replies.isEmpty else { return nil }
            return CommentThread(id: comment.id, comment: visible, replies: replies)
        }
        return (children[nil] ?? []).compactMap(build)
    }
}
