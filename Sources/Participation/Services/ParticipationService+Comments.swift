extension ParticipationService {
    /// Comments on `subject` of the process, or replies to `parentID`, while the phase allows
    /// `.comment`, with an optional stance.
    /// - Throws: `invalidInput` (body; a parent about another subject); `notFound` (subject,
    ///   parent, also while they are drafts, pending or hidden); the errors of ``authorize(_:by:in:)``.
    public func postComment(
        on subject: ContributionSubject, of processID: ProcessID, body: String, replyingTo parentID: CommentID? = nil,
        stance: CommentStance? = nil, by caller: Caller
    ) async throws -> ContributionComment {
        try await authorizeAct(by: caller)
        let process = try await storage.process(processID, in: caller.tenantID)
        try await authorize(.comment, by: caller, in: process)
        try await requirePublic(subject, of: processID, in: caller.tenantID)
        if let parentID {
            let parent = try await publicComment(parentID, in: caller.tenantID).comment
            guard parent.subject == subject, parent.processID == processID else {
                throw ParticipationError.invalid("parentID", "comment '\(parentID)' is about another subject")
            }
        }
        let body = try Validate.text(body, field: "body", maximumLength: 5_000)
        let comment = ContributionComment(
            id: CommentID(rawValue: ids.next(prefix: "comment")), tenantID: caller.tenantID, processID: processID,
            subject: subject, parentID: parentID, authorID: caller.participantID, body: body, stance: stance,
            createdAt: clock.now())
        try await storage.insertComment(comment)
        try await holdForApproval(.comment(comment.id), in: process)
        try await announceReply(comment)
        return comment
    }

    /// Votes a public comment up or down; voting again replaces the caller's vote (one per
    /// participant). Allowed while the phase allows `.comment`.
    /// - Throws: `notFound` (also for a comment the public cannot see); the errors of ``authorize(_:by:in:)``.
    @discardableResult
    public func voteOnComment(_ commentID: CommentID, _ value: CommentVoteValue, by caller: Caller) async throws
        -> CommentVoteCount
    {
        try await authorizeAct(by: caller)
        let comment = try await publicComment(commentID, in: caller.tenantID).comment
        let process = try await storage.process(comment.processID, in: caller.tenantID)
        try await authorize(.comment, by: caller, in: process)
        _ = try await storage.recordCommentVote(
            CommentVote(tenantID: caller.tenantID, commentID: commentID, voterID: caller.participantID, value: value, at: clock.now()))
        return try await storage.commentVoteCount(of: commentID, in: caller.tenantID)
    }

    /// The comments on `subject`, as threads (replies under their parent), as the public sees
    /// them: a pending or hidden comment's visible replies stay, under a placeholder that
    /// carries nothing of it.
    /// - Throws: `notFound` (process; a subject the public cannot see).
    public func commentThreads(on subject: ContributionSubject, of processID: ProcessID, in tenant: TenantID) async throws
        -> [PublicCommentThread]
    {
        try await requirePublic(subject, of: processID, in: tenant)
        let view = try await publicView(of: try await storage.process(processID, in: tenant))
        let comments = try await storage.comments(on: subject, of: processID, in: tenant)
        let display = try await authorDisplay(of: view.process, naming: comments.filter { view.isPublic($0) }.map(\.authorID))
        return view.threads(of: comments, authors: display)
    }

    /// The up and down votes of a public comment.
    /// - Throws: `notFound`, also for a comment the public cannot see.
    public func commentVoteCount(of commentID: CommentID, in tenant: TenantID) async throws -> CommentVoteCount {
        _ = try await publicComment(commentID, in: tenant)
        return try await storage.commentVoteCount(of: commentID, in: tenant)
    }

    /// Posts an official answer on a public `subject`, attributed to the caller's official role
    /// and, optionally, to the service they answer for. Élus and agents with the official role
    /// only, in any phase; audited.
    /// - Throws: `forbidden`; `notFound` (process; a subject the public cannot see);
    ///   `processArchived`; `invalidInput` (`body`, `onBehalfOf`).
    public func postOfficialAnswer(
        on subject: ContributionSubject, of processID: ProcessID, body: String, onBehalfOf service: String? = nil,
        by caller: Caller
    ) async throws -> OfficialAnswer {
        try await authorize(caller, for: .postOfficialAnswers)
        try await storage.process(processID, in: caller.tenantID).requireWritable()
        try await requirePublic(subject, of: processID, in: caller.tenantID)
        let body = try Validate.text(body, field: "body", maximumLength: 20_000)
        let service = try service.map { try Validate.text($0, field: "onBehalfOf") }
        let answer = OfficialAnswer(
            id: OfficialAnswerID(rawValue: ids.next(prefix: "answer")), tenantID: caller.tenantID, processID: processID,
            subject: subject, authorID: caller.participantID, role: .official, onBehalfOf: service, body: body, at: clock.now())
        var details = ["subject": subject.description]
        if let service { details["onBehalfOf"] = service }
        try await storage.insertOfficialAnswer(
            answer, audit: auditEntry(by: caller, action: "official-answer.posted", subject: "process:\(processID)", details: details))
        try await announce(answer)
        return answer
    }

    /// The official answers on `subject`, apart from comments, oldest first.
    /// - Throws: `notFound` (process; a subject the public cannot see).
    public func officialAnswers(on subject: ContributionSubject, of processID: ProcessID, in tenant: TenantID) async throws
        -> [PublicOfficialAnswer]
    {
        try await requirePublic(subject, of: processID, in: tenant)
        let process = try await storage.process(processID, in: tenant)
        let answers = try await storage.officialAnswers(on: subject, of: processID, in: tenant)
        let display = try await authorDisplay(of: process, naming: answers.map(\.authorID))
        return answers.map { PublicOfficialAnswer($0, authors: display) }
    }
}
