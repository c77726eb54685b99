/// Stores comments, threaded by their parent, and the votes on them.
public protocol CommentStorage: Sendable {
    /// Stores a new comment.
    /// - Throws: `notFound` (process; the subject's proposition or petition in that process;
    ///   author; parent comment); `invalidInput` (field `parentID`) if the parent is about
    ///   another subject; `duplicate` (id).
    func insertComment(_ comment: ContributionComment) async throws

    /// The comment with this id.
    /// - Throws: `notFound`.
    func comment(_ id: CommentID, in tenant: TenantID) async throws -> ContributionComment

    /// The comments on `subject` of the process, replies included, in the order they were stored.
    /// - Throws: `notFound` (process).
    func comments(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws
        -> [ContributionComment]

    /// Stores the voter's vote on the comment, replacing their earlier one in the same
    /// transaction (one vote per participant and comment), and returns the replaced vote.
    /// - Throws: `notFound` (comment, voter).
    func recordCommentVote(_ vote: CommentVote) async throws -> CommentVote?

    /// The comment's up and down votes.
    /// - Throws: `notFound` (comment).
    func commentVoteCount(of comment: CommentID, in tenant: TenantID) async throws -> CommentVoteCount
}
