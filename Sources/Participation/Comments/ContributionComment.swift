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
public struct CommentThread: Hashable, Sendable {
    public let comment: ContributionComment
    public let replies: [CommentThread]

    /// Builds the threads of `comments` (given in the order written): top-level comments, each
    /// with its replies. A reply whose parent is missing from `comments` is left out.
    public static func threads(of comments: [ContributionComment]) -> [CommentThread] {
        var children: [CommentID?: [ContributionComment]] = [:]
        for comment in comments { children[comment.parentID, default: []].append(comment) }
        func build(_ comment: ContributionComment) -> CommentThread {
            CommentThread(comment: comment, replies: (children[comment.id] ?? []).map(build))
        }
        return (children[nil] ?? []).map(build)
    }
}
