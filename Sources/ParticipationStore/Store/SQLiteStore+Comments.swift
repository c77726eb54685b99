import Participation

// MARK: - CommentStorage

extension SQLiteStore {
    public func insertComment(_ comment: ContributionComment) async throws {
        let value = try StoredValue.encode(comment)
        try await write { db in
            let tenant = comment.tenantID
            try db.requireSubject(comment.subject, of: comment.processID, in: tenant)
            guard try db.participantExists(comment.authorID, in: tenant) else {
                throw ParticipationError.notFound("participant", comment.authorID)
            }
            if let parentID = comment.parentID {
                guard let parent = try db.fetchValue(ContributionComment.self, sql: """
                    SELECT value FROM comment WHERE tenant_id = ? AND id = ?
                    """, arguments: [tenant.argument, parentID.argument])
                else { throw ParticipationError.notFound("comment", parentID) }
                guard parent.subject == comment.subject, parent.processID == comment.processID else {
                    throw ParticipationError.invalid("parentID", "a reply must be about the same subject as its parent")
                }
            }
            try db.execute(sql: """
                INSERT INTO comment (tenant_id, id, process_id, subject, parent_id, value) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [
                    tenant.argument, comment.id.argument, comment.processID.argument, .text(comment.subject.description),
                    comment.parentID.argument(), .text(value),
                ]
            ) { code in
                code == .constraintUnique ? .duplicate("comment", comment.id) : nil
            }
        }
    }

    public func comment(_ id: CommentID, in tenant: TenantID) async throws -> ContributionComment {
        let comment = try await read { db in
            try db.fetchValue(ContributionComment.self, sql: "SELECT value FROM comment WHERE tenant_id = ? AND id = ?",
                arguments: [tenant.argument, id.argument])
        }
        guard let comment else { throw ParticipationError.notFound("comment", id) }
        return comment
    }

    public func comments(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws
        -> [ContributionComment]
    {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(ContributionComment.self, sql: """
                SELECT value FROM comment WHERE tenant_id = ? AND process_id = ? AND subject = ? ORDER BY sequence
                """, arguments: [tenant.argument, process.argument, .text(subject.description)])
        }
    }

    public func recordCommentVote(_ vote: CommentVote) async throws -> CommentVote? {
        let value = try StoredValue.encode(vote)
        return try await write { db in
            let tenant = vote.tenantID.argument
            guard try db.exists(sql: "SELECT 1 FROM comment WHERE tenant_id = ? AND id = ?", arguments: [tenant, vote.commentID.argument])
            else { throw ParticipationError.notFound("comment", vote.commentID) }
            guard try db.participantExists(vote.voterID, in: vote.tenantID) else {
                throw ParticipationError.notFound("participant", vote.voterID)
            }
            let key: [SQLiteValue] = [tenant, vote.commentID.argument, vote.voterID.argument]
            let replaced = try db.fetchValue(CommentVote.self, sql: """
                SELECT value FROM comment_vote WHERE tenant_id = ? AND comment_id = ? AND voter_id = ?
                """, arguments: key)
            try db.execute(sql: """
                INSERT INTO comment_vote (tenant_id, comment_id, voter_id, vote, value) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, comment_id, voter_id) DO UPDATE SET vote = excluded.vote, value = excluded.value
                """, arguments: key + [.text(vote.value.rawValue), .text(value)])
            return replaced
        }
    }

    public func commentVoteCount(of comment: CommentID, in tenant: TenantID) async throws -> CommentVoteCount {
        try await read { db in
            guard try db.exists(sql: "SELECT 1 FROM comment WHERE tenant_id = ? AND id = ?", arguments: [tenant.argument, comment.argument])
            else { throw ParticipationError.notFound("comment", comment) }
            let key: [SQLiteValue] = [tenant.argument, comment.argument]
            let up = try db.count(sql: "SELECT count(*) FROM comment_vote WHERE tenant_id = ? AND comment_id = ? AND vote = 'up'", arguments: key)
            let down = try db.count(sql: "SELECT count(*) FROM comment_vote WHERE tenant_id = ? AND comment_id = ? AND vote = 'down'", arguments: key)
            return CommentVoteCount(up: up, down: down)
        }
    }
}

// MARK: - OfficialAnswerStorage

extension SQLiteStore {
    public func insertOfficialAnswer(_ answer: OfficialAnswer, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(answer)
        try await write { db in
            try db.requireSubject(answer.subject, of: answer.processID, in: answer.tenantID)
            guard try db.participantExists(answer.authorID, in: answer.tenantID) else {
                throw ParticipationError.notFound("participant", answer.authorID)
            }
            try db.execute(sql: """
                INSERT INTO official_answer (tenant_id, id, process_id, subject, value) VALUES (?, ?, ?, ?, ?)
                """, arguments: [
                    answer.tenantID.argument, answer.id.argument, answer.processID.argument, .text(answer.subject.description),
                    .text(value),
                ]
            ) { code in
                code == .constraintUnique ? .duplicate("official answer", answer.id) : nil
            }
            try db.insertAudit(audit)
        }
    }

    public func officialAnswers(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws
        -> [OfficialAnswer]
    {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(OfficialAnswer.self, sql: """
                SELECT value FROM official_answer WHERE tenant_id = ? AND process_id = ? AND subject = ? ORDER BY sequence
                """, arguments: [tenant.argument, process.argument, .text(subject.description)])
        }
    }
}
