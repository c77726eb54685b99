#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A comment as the public sees it: visible, on a subject the public sees, redacted, its author
/// shown as the process's ``DisplayPolicy`` says. Where it sits in a discussion is given by
/// its ``PublicCommentThread``, not by the id of a parent the public may not see.
public struct PublicComment: Hashable, Sendable, Identifiable {
    public let id: CommentID
    public let processID: ProcessID
    public let subject: ContributionSubject
    public let author: PublicAuthor
    public let body: String
    public let stance: CommentStance?
    public let createdAt: Date

    init(_ comment: ContributionComment, body: String, authors: AuthorDisplay) {
        id = comment.id
        processID = comment.processID
        subject = comment.subject
        author = authors.author(comment.authorID)
        self.body = body
        stance = comment.stance
        createdAt = comment.createdAt
    }
}

/// A public comment with its replies, recursively, in the order they were written.
///
/// A pending or hidden comment that has visible replies stays as a placeholder (``comment``
/// nil) so that the replies keep their place; nothing of it is there, not even its id.
public struct PublicCommentThread: Hashable, Sendable {
    /// The comment, or nil for the placeholder of a comment the public cannot see.
    public let comment: PublicComment?
    public let replies: [PublicCommentThread]

    /// Whether this is the placeholder of a pending or hidden comment.
    public var isPlaceholder: Bool { comment == nil }

    /// The public threads of `comments` (given in the order written).
    static func threads(of comments: [ContributionComment], shown: (ContributionComment) -> PublicComment?) -> [PublicCommentThread] {
        var children: [CommentID?: [ContributionComment]] = [:]
        for comment in comments { children[comment.parentID, default: []].append(comment) }
        func build(_ comment: ContributionComment) -> PublicCommentThread? {
            let replies = (children[comment.id] ?? []).compactMap(build)
            let visible = shown(comment)
            guard visible != nil || !replies.isEmpty else { return nil }
            return PublicCommentThread(comment: visible, replies: replies)
        }
        return (children[nil] ?? []).compactMap(build)
    }

    /// Every public comment of the thread, depth first.
    public var comments: [PublicComment] { (comment.map { [$0] } ?? []) + replies.flatMap(\.comments) }
}
