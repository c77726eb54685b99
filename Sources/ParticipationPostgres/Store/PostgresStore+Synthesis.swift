import Participation
import PostgresNIO

// MARK: - SynthesisStorage

extension PostgresStore {
    public func insertSynthesis(_ synthesis: Synthesis, audit: AuditEntry) async throws {
        var stored = synthesis
        stored.revision = 0
        let value = try StoredDocument.encode(stored)
        try await write { [stored] db in
            guard try await db.processExists(synthesis.processID, in: synthesis.tenantID) else {
                throw ParticipationError.notFound("process", synthesis.processID)
            }
            try await db.insertSynthesis(stored, value: value)
            try await db.insertAudit(audit)
        }
    }

    public func updateSynthesis(_ synthesis: Synthesis, audit: AuditEntry) async throws -> Synthesis {
        var updated = synthesis
        updated.revision += 1
        let value = try StoredDocument.encode(updated)
        try await write { [updated] db in
            // Compare-and-set on the revision: the row changes only if nobody else did.
            let changed = try await db.rowCount("""
                UPDATE synthesis SET revision = \(updated.revision), value = \(value)::jsonb
                WHERE tenant_id = \(synthesis.tenantID.rawValue) AND id = \(synthesis.id.rawValue) AND revision = \(synthesis.revision)
                RETURNING 1
                """)
            if changed == 0 {
                guard try await db.exists(
                    "SELECT 1 FROM synthesis WHERE tenant_id = \(synthesis.tenantID.rawValue) AND id = \(synthesis.id.rawValue)")
                else { throw ParticipationError.notFound("synthesis", synthesis.id) }
                throw ParticipationError(.conflict, "synthesis '\(synthesis.id)' changed since it was read")
            }
            try await db.insertAudit(audit)
        }
        return updated
    }

    public func synthesis(_ id: SynthesisID, in tenant: TenantID) async throws -> Synthesis {
        let synthesis = try await read { db in
            try await db.fetchValue(Synthesis.self, """
                SELECT value::text FROM synthesis WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
                """)
        }
        guard let synthesis else { throw ParticipationError.notFound("synthesis", id) }
        return synthesis
    }

    public func syntheses(of process: ProcessID, in tenant: TenantID) async throws -> [Synthesis] {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(Synthesis.self, """
                SELECT value::text FROM synthesis WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) ORDER BY id
                """)
        }
    }

    public func insertContributionTag(_ tag: ContributionTag) async throws {
        let value = try StoredDocument.encode(tag)
        try await write { db in
            try await db.requireContribution(tag.contribution, of: tag.processID, in: tag.tenantID)
            guard try await db.participantExists(tag.taggedBy, in: tag.tenantID) else {
                throw ParticipationError.notFound("participant", tag.taggedBy)
            }
            try await db.insertContributionTag(tag, value: value)
        }
    }

    public func deleteContributionTag(
        _ tag: String, on contribution: ContributionReference, by tagger: ParticipantID, process: ProcessID,
        in tenant: TenantID
    ) async throws {
        try await write { db in
            let deleted = try await db.rowCount("""
                DELETE FROM contribution_tag
                WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) AND contribution = \(contribution.description)
                    AND tag = \(tag) AND tagger_id = \(tagger.rawValue)
                RETURNING 1
                """)
            guard deleted == 1 else {
                throw ParticipationError.notFound("tag '\(tag)' on \(contribution) by participant", tagger)
            }
        }
    }

    public func contributionTags(of process: ProcessID, in tenant: TenantID) async throws -> [ContributionTag] {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(ContributionTag.self, """
                SELECT value::text FROM contribution_tag WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                """).sortedForStorage()
        }
    }
}

extension PostgresTransaction {
    /// Stores a synthesis row as given (its revision included), inside the caller's transaction.
    /// - Throws: `duplicate` (id); `notFound` (process).
    func insertSynthesis(_ synthesis: Synthesis, value: String) async throws {
        try await execute("""
            INSERT INTO synthesis (tenant_id, id, process_id, revision, value)
            VALUES (\(synthesis.tenantID.rawValue), \(synthesis.id.rawValue), \(synthesis.processID.rawValue), \(synthesis.revision),
                \(value)::jsonb)
            """
        ) { violation in
            switch violation.kind {
            case .unique: .duplicate("synthesis", synthesis.id)
            case .foreignKey: .notFound("process", synthesis.processID)
            case .check: nil
            }
        }
    }

    /// Stores a tag row inside the caller's transaction.
    /// - Throws: `duplicate` (same contribution, tag and tagger); `notFound` (process, tagger).
    func insertContributionTag(_ tag: ContributionTag, value: String) async throws {
        try await execute("""
            INSERT INTO contribution_tag (tenant_id, process_id, contribution, tag, tagger_id, value)
            VALUES (\(tag.tenantID.rawValue), \(tag.processID.rawValue), \(tag.contribution.description), \(tag.tag),
                \(tag.taggedBy.rawValue), \(value)::jsonb)
            """
        ) { violation in
            switch violation.kind {
            case .unique: ParticipationError(.duplicate, "'\(tag.tag)' is already on \(tag.contribution) for this participant")
            case .foreignKey: .notFound("process or participant", tag.taggedBy)
            case .check: nil
            }
        }
    }

    /// Throws `notFound` unless `contribution` exists in `process` of `tenant`.
    func requireContribution(_ contribution: ContributionReference, of process: ProcessID, in tenant: TenantID) async throws {
        guard try await processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
        switch contribution {
        case .proposition(let id):
            try await requireProposition(id, of: process, in: tenant)
        case .comment(let id):
            guard try await exists("""
                SELECT 1 FROM comment WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue) AND process_id = \(process.rawValue)
                """)
            else { throw ParticipationError.notFound("comment", id) }
        }
    }
}
