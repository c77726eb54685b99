#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A participant's up or down vote on a comment: one per participant and comment; voting
/// again replaces it.
public struct CommentVote: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let commentID: CommentID
    public let voterID: ParticipantID
    public let value: CommentVoteValue
    public let at: Date

    public init(tenantID: TenantID, commentID: CommentID, voterID: ParticipantID, value: CommentVoteValue, at: Date) {
        self.tenantID = tenantID
        self.commentID = commentID
        self.voterID = voterID
        self.value = value
        self.at = at
    }
}

/// Up or down.
public enum CommentVoteValue: String, Hashable, Sendable, Codable, CaseIterable {
    case up, down
}

/// A comment's vote counts.
public struct CommentVoteCount: Hashable, Sendable, Codable {
    public var up: Int
    public var down: Int

    public init(up: Int = 0, down: Int = 0) {
        self.up = up
        self.down = down
    }
}
