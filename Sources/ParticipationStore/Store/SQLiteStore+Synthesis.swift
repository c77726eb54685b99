import Participation

// MARK: - SynthesisStorage

extension SQLiteStore {
    public func insertSynthesis(_ synthesis: Synthesis, audit: AuditEntry) async throws {
        var initial = synthesis
        initial.revision = 0
        let stored = initial
        let value = try StoredValue.encode(stored)
        try await write { db in
            guard try db.processExists(synthesis.processID, in: synthesis.tenantID) else {
                throw ParticipationError.notFound("process", synthesis.processID)
            }
            try db.insertSynthesis(stored, value: value)
            try db.insertAudit(audit)
        }
    }

    public func updateSynthesis(_ synthesis: Synthesis, audit: AuditEntry) async throws -> Synthesis {
        var next = synthesis
        next.revision += 1
        let updated = next
        let value = try StoredValue.encode(updated)
        try await write { db in
            // Compare-and-set on the revision: the row changes only if nobody else did.
            try db.execute(sql: """
                UPDATE synthesis SET revision = ?, value = ? WHERE tenant_id = ? AND id = ? AND revision = ?
                """, arguments: [
                    .integer(Int64(updated.revision)), .text(value), synthesis.tenantID.argument, synthesis.id.argument,
                    .integer(Int64(synthesis.revision)),
                ])
            if db.changedRowCount == 0 {
                guard try db.exists(sql: "SELECT 1 FROM synthesis WHERE tenant_id = ? AND id = ?",
                    arguments: [synthesis.tenantID.argument, synthesis.id.argument])
                else { throw ParticipationError.notFound("synthesis", synthesis.id) }
                throw ParticipationError(.conflict, "synthesis '\(synthesis.id)' changed since it was read")
            }
            try db.insertAudit(audit)
        }
        return updated
    }

    public func synthesis(_ id: SynthesisID, in tenant: TenantID) async throws -> Synthesis {
        let synthesis = try await read { db in
            try db.fetchValue(Synthesis.self, sql: "SELECT value FROM synthesis WHERE tenant_id = ? AND id = ?",
                arguments: [tenant.argument, id.argument])
        }
        guard let synthesis else { throw ParticipationError.notFound("synthesis", id) }
        return synthesis
    }

    public func syntheses(of process: ProcessID, in tenant: TenantID) async throws -> [Synthesis] {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(Synthesis.self, sql: """
                SELECT value FROM synthesis WHERE tenant_id = ? AND process_id = ? ORDER BY id
                """, arguments: [tenant.argument, process.argument])
        }
    }

    public func insertContributionTag(_ tag: ContributionTag) async throws {
        let value = try StoredValue.encode(tag)
        try await write { db in
            try db.requireContribution(tag.contribution, of: tag.processID, in: tag.tenantID)
            guard try db.participantExists(tag.taggedBy, in: tag.tenantID) else {
                throw ParticipationError.notFound("participant", tag.taggedBy)
            }
            try db.insertContributionTag(tag, value: value)
        }
    }

    public func deleteContributionTag(
        _ tag: String, on contribution: ContributionReference, by tagger: ParticipantID, process: ProcessID,
        in tenant: TenantID
    ) async throws {
        try await write { db in
            try db.execute(sql: """
                DELETE FROM contribution_tag
                WHERE tenant_id = ? AND process_id = ? AND contribution = ? AND tag = ? AND tagger_id = ?
                """, arguments: [tenant.argument, process.argument, .text(contribution.description), .text(tag), tagger.argument])
            guard db.changedRowCount == 1 else {
                throw ParticipationError.notFound("tag '\(tag)' on \(contribution) by participant", tagger)
            }
        }
    }

    public func contributionTags(of process: ProcessID, in tenant: TenantID) async throws -> [ContributionTag] {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(ContributionTag.self, sql: """
                SELECT value FROM contribution_tag WHERE tenant_id = ? AND process_id = ?
                """, arguments: [tenant.argument, process.argument]).sortedForStorage()
        }
    }
}

extension SQLiteConnection {
    /// Stores a synthesis row as given (its revision included), inside the caller's transaction.
    /// - Throws: `duplicate` (id); `notFound` (process).
    func insertSynthesis(_ synthesis: Synthesis, value: String) throws {
        try execute(sql: """
            INSERT INTO synthesis (tenant_id, id, process_id, revision, value) VALUES (?, ?, ?, ?, ?)
            """, arguments: [
                synthesis.tenantID.argument, synthesis.id.argument, synthesis.processID.argument,
                .integer(Int64(synthesis.revision)), .text(value),
            ]
        ) { code in
            switch code {
            case .constraintPrimaryKey: .duplicate("synthesis", synthesis.id)
            case .constraintForeignKey: .notFound("process", synthesis.processID)
            default: nil
            }
        }
    }

    /// Stores a tag row inside the caller's transaction.
    /// - Throws: `duplicate` (same contribution, tag and tagger); `notFound` (process, tagger).
    func insertContributionTag(_ tag: ContributionTag, value: String) throws {
        try execute(sql: """
            INSERT INTO contribution_tag (tenant_id, process_id, contribution, tag, tagger_id, value) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [
                tag.tenantID.argument, tag.processID.argument, .text(tag.contribution.description), .text(tag.tag),
                tag.taggedBy.argument, .text(value),
            ]
        ) { code in
            switch code {
            case .constraintPrimaryKey: ParticipationError(.duplicate, "'\(tag.tag)' is already on \(tag.contribution) for this participant")
            case .constraintForeignKey: .notFound("process or participant", tag.taggedBy)
            default: nil
            }
        }
    }

    /// Throws `notFound` unless `contribution` exists in `process` of `tenant`.
    func requireContribution(_ contribution: ContributionReference, of process: ProcessID, in tenant: TenantID) throws {
        guard try processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
        switch contribution {
        case .proposition(let id):
            guard try exists(sql: "SELECT 1 FROM proposition WHERE tenant_id = ? AND id = ? AND process_id = ?",
                arguments: [tenant.argument, id.argument, process.argument])
            else { throw ParticipationError.notFound("proposition", id) }
        case .comment(let id):
            guard try exists(sql: "SELECT 1 FROM comment WHERE tenant_id = ? AND id = ? AND process_id = ?",
                arguments: [tenant.argument, id.argument, process.argument])
            else { throw ParticipationError.notFound("comment", id) }
        }
    }
}
