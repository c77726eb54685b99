import Participation
import PostgresNIO

// MARK: - CommentStorage

extension PostgresStore {
    public func insertComment(_ comment: ContributionComment) async throws {
        let value = try StoredDocument.encode(comment)
        try await write { db in
            let tenant = comment.tenantID
            try await db.requireSubject(comment.subject, of: comment.processID, in: tenant)
            guard try await db.participantExists(comment.authorID, in: tenant) else {
                throw ParticipationError.notFound("participant", comment.authorID)
            }
            if let parentID = comment.parentID {
                guard let parent = try await db.fetchValue(ContributionComment.self, """
                    SELECT value::text FROM comment WHERE tenant_id = \(tenant.rawValue) AND id = \(parentID.rawValue)
                    """)
                else { throw ParticipationError.notFound("comment", parentID) }
                guard parent.subject == comment.subject, parent.processID == comment.processID else {
                    throw ParticipationError.invalid("parentID", "a reply must be about the same subject as its parent")
                }
            }
            try await db.execute("""
                INSERT INTO comment (tenant_id, id, process_id, subject, parent_id, value)
                VALUES (\(tenant.rawValue), \(comment.id.rawValue), \(comment.processID.rawValue), \(comment.subject.description),
                    \(comment.parentID?.rawValue), \(value)::jsonb)
                """
            ) { violation in
                violation.kind == .unique ? .duplicate("comment", comment.id) : nil
            }
        }
    }

    public func comment(_ id: CommentID, in tenant: TenantID) async throws -> ContributionComment {
        let comment = try await read { db in
            try await db.fetchValue(ContributionComment.self, """
                SELECT value::text FROM comment WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
                """)
        }
        guard let comment else { throw ParticipationError.notFound("comment", id) }
        return comment
    }

    public func comments(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws
        -> [ContributionComment]
    {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(ContributionComment.self, """
                SELECT value::text FROM comment
                WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) AND subject = \(subject.description)
                ORDER BY sequence
                """)
        }
    }

    public func recordCommentVote(_ vote: CommentVote) async throws -> CommentVote? {
        let value = try StoredDocument.encode(vote)
        return try await write { db in
            let (tenant, comment, voter) = (vote.tenantID.rawValue, vote.commentID.rawValue, vote.voterID.rawValue)
            guard try await db.exists("SELECT 1 FROM comment WHERE tenant_id = \(tenant) AND id = \(comment)") else {
                throw ParticipationError.notFound("comment", vote.commentID)
            }
            guard try await db.participantExists(vote.voterID, in: vote.tenantID) else {
                throw ParticipationError.notFound("participant", vote.voterID)
            }
            let replaced = try await db.fetchValue(CommentVote.self, """
                SELECT value::text FROM comment_vote WHERE tenant_id = \(tenant) AND comment_id = \(comment) AND voter_id = \(voter)
                """)
            try await db.execute("""
                INSERT INTO comment_vote (tenant_id, comment_id, voter_id, vote, value)
                VALUES (\(tenant), \(comment), \(voter), \(vote.value.rawValue), \(value)::jsonb)
                ON CONFLICT (tenant_id, comment_id, voter_id) DO UPDATE SET vote = excluded.vote, value = excluded.value
                """)
            return replaced
        }
    }

    public func commentVoteCount(of comment: CommentID, in tenant: TenantID) async throws -> CommentVoteCount {
        try await read { db in
            guard try await db.exists("SELECT 1 FROM comment WHERE tenant_id = \(tenant.rawValue) AND id = \(comment.rawValue)")
            else { throw ParticipationError.notFound("comment", comment) }
            let counts = try await db.fetchOne("""
                SELECT count(*) FILTER (WHERE vote = 'up'), count(*) FILTER (WHERE vote = 'down') FROM comment_vote
                WHERE tenant_id = \(tenant.rawValue) AND comment_id = \(comment.rawValue)
                """) { try $0.decode((Int, Int).self) }
            return CommentVoteCount(up: counts?.0 ?? 0, down: counts?.1 ?? 0)
        }
    }
}

// MARK: - OfficialAnswerStorage

extension PostgresStore {
    public func insertOfficialAnswer(_ answer: OfficialAnswer, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(answer)
        try await write { db in
            try await db.requireSubject(answer.subject, of: answer.processID, in: answer.tenantID)
            guard try await db.participantExists(answer.authorID, in: answer.tenantID) else {
                throw ParticipationError.notFound("participant", answer.authorID)
            }
            try await db.execute("""
                INSERT INTO official_answer (tenant_id, id, process_id, subject, value)
                VALUES (\(answer.tenantID.rawValue), \(answer.id.rawValue), \(answer.processID.rawValue),
                    \(answer.subject.description), \(value)::jsonb)
                """
            ) { violation in
                violation.kind == .unique ? .duplicate("official answer", answer.id) : nil
            }
            try await db.insertAudit(audit)
        }
    }

    public func officialAnswers(on subject: ContributionSubject, of process: ProcessID, in tenant: TenantID) async throws
        -> [OfficialAnswer]
    {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(OfficialAnswer.self, """
                SELECT value::text FROM official_answer
                WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) AND subject = \(subject.description)
                ORDER BY sequence
                """)
        }
    }
}
