extension InMemoryStorage {
    public func insertComment(_ comment: ContributionComment) throws {
        let tenant = comment.tenantID
        try requireSubject(comment.subject, of: comment.processID, tenant)
        _ = try storedParticipant(comment.authorID, tenant)
        if let parentID = comment.parentID {
            let parent = try storedComment(parentID, tenant)
            guard parent.subject == comment.subject, parent.processID == comment.processID else {
                throw ParticipationError.invalid("parentID", "a reply must be about the same subject as its parent")
            }
        }
        let key = Scoped(tenant: tenant, id: comment.id)
        if contributions.comments[key] != nil { throw ParticipationError.duplicate("comment", comment.id) }
        contributions.comments[key] = comment
        contributions.commentOrder[tenant, default: []].append(comment.id)
    }

    public func comment(_ id: CommentID, in tenant: TenantID) throws -> ContributionComment {
        try storedComment(id, tenant)
    }

    public func comments(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) throws
        -> [ContributionComment]
    {
        _ = try storedProcess(process, tenant)
        return (contributions.commentOrder[tenant] ?? [])
            .compactMap { contributions.comments[Scoped(tenant: tenant, id: $0)] }
            .filter { $0.processID == process && $0.subject == subject }
    }

    public func recordCommentVote(_ vote: CommentVote) throws -> CommentVote? {
        _ = try storedComment(vote.commentID, vote.tenantID)
        _ = try storedParticipant(vote.voterID, vote.tenantID)
        let key = Pair(tenant: vote.tenantID, first: vote.commentID, second: vote.voterID)
        let replaced = contributions.commentVotes[key]
        contributions.commentVotes[key] = vote
        return replaced
    }

    public func commentVoteCount(of comment: CommentID, in tenant: TenantID) throws -> CommentVoteCount {
        _ = try storedComment(comment, tenant)
        var count = CommentVoteCount()
        for vote in contributions.commentVotes.values where vote.tenantID == tenant && vote.commentID == comment {
            switch vote.value {
            case .up: count.up += 1
            case .down: count.down += 1
            }
        }
        return count
    }
}

extension InMemoryStorage {
    public func insertOfficialAnswer(_ answer: OfficialAnswer, audit entry: AuditEntry) throws {
        try requireSubject(answer.subject, of: answer.processID, answer.tenantID)
        _ = try storedParticipant(answer.authorID, answer.tenantID)
        if contributions.answers[answer.tenantID]?.contains(where: { $0.id == answer.id }) == true {
            throw ParticipationError.duplicate("official answer", answer.id)
        }
        try checkAudit(entry)
        contributions.answers[answer.tenantID, default: []].append(answer)
        write(entry)
    }

    public func officialAnswers(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) throws
        -> [OfficialAnswer]
    {
        _ = try storedProcess(process, tenant)
        return (contributions.answers[tenant] ?? []).filter { $0.processID == process && $0.subject == subject }
    }
}
