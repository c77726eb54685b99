import Participation
import PostgresNIO

// MARK: - ModerationStorage

extension PostgresStore {
    public func recordReport(_ report: ContentReport, initial: ModerationState, threshold: Int) async throws -> ReportReceipt {
        let value = try StoredDocument.encode(report)
        return try await write { db in
            let tenant = report.tenantID
            let item = report.item
            try await db.requireItem(item, in: tenant)
            guard try await db.participantExists(report.reporterID, in: tenant) else {
                throw ParticipationError.notFound("participant", report.reporterID)
            }
            try await db.execute("""
                INSERT INTO content_report (tenant_id, item_kind, item_id, item_owner, reporter_id, value)
                VALUES (\(tenant.rawValue), \(item.kind), \(item.id), \(item.owner), \(report.reporterID.rawValue), \(value)::jsonb)
                """
            ) { violation in
                violation.kind == .unique
                    ? ParticipationError(.duplicate, "participant '\(report.reporterID)' already reported \(report.item)") : nil
            }
            // Read and written in one serializable transaction: of two simultaneous reports
            // that read the same state, one runs again and sees the other's.
            let current = try await db.moderationState(of: item, in: tenant) ?? initial
            let result = current.addingReport(at: report.at, threshold: threshold)
            var state = result.state
            state.revision += 1
            try await db.storeModerationState(state)
            return ReportReceipt(state: state, hidItem: result.hidItem)
        }
    }

    public func updateModerationState(_ state: ModerationState, audit: AuditEntry?) async throws -> ModerationState {
        try await write { db in
            try await db.requireItem(state.item, in: state.tenantID)
            let stored = try await db.moderationState(of: state.item, in: state.tenantID)?.revision ?? 0
            guard stored == state.revision else {
                throw ParticipationError(.conflict, "the moderation of \(state.item) changed since it was read")
            }
            var updated = state
            updated.revision += 1
            try await db.storeModerationState(updated)
            try await db.insertAudit(audit)
            return updated
        }
    }

    public func moderationState(of item: ModeratedItem, in tenant: TenantID) async throws -> ModerationState? {
        try await read { db in
            try await db.requireItem(item, in: tenant)
            return try await db.moderationState(of: item, in: tenant)
        }
    }

    public func moderationStates(of process: ProcessID, in tenant: TenantID) async throws -> [ModerationState] {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(ModerationState.self, """
                SELECT value::text FROM moderation_state WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue)
                ORDER BY item_kind, item_id, item_owner
                """)
        }
    }

    public func moderationQueue(in tenant: TenantID, limit: Int) async throws -> [ModerationState] {
        let limit = max(0, limit)
        return try await read { db in
            try await db.fetchValues(ModerationState.self, """
                SELECT value::text FROM moderation_state WHERE tenant_id = \(tenant.rawValue) AND needs_moderator
                ORDER BY since, item_kind, item_id, item_owner LIMIT \(limit)
                """)
        }
    }

    public func reports(on item: ModeratedItem, in tenant: TenantID) async throws -> [ContentReport] {
        try await read { db in
            try await db.requireItem(item, in: tenant)
            return try await db.fetchValues(ContentReport.self, """
                SELECT value::text FROM content_report
                WHERE tenant_id = \(tenant.rawValue) AND item_kind = \(item.kind) AND item_id = \(item.id) AND item_owner = \(item.owner)
                ORDER BY sequence
                """)
        }
    }

    public func insertBlock(_ block: ParticipantBlock, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(block)
        try await write { db in
            guard try await db.participantExists(block.participantID, in: block.tenantID) else {
                throw ParticipationError.notFound("participant", block.participantID)
            }
            try await db.execute("""
                INSERT INTO participant_block (tenant_id, participant_id, value)
                VALUES (\(block.tenantID.rawValue), \(block.participantID.rawValue), \(value)::jsonb)
                ON CONFLICT (tenant_id, participant_id) DO UPDATE SET value = excluded.value
                """)
            try await db.insertAudit(audit)
        }
    }

    public func deleteBlock(of participant: ParticipantID, in tenant: TenantID, audit: AuditEntry) async throws
        -> ParticipantBlock
    {
        try await write { db in
            guard try await db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            guard let block = try await db.fetchValue(ParticipantBlock.self, """
                DELETE FROM participant_block WHERE tenant_id = \(tenant.rawValue) AND participant_id = \(participant.rawValue)
                RETURNING value::text
                """)
            else { throw ParticipationError.notFound("block of participant", participant) }
            try await db.insertAudit(audit)
            return block
        }
    }

    public func block(of participant: ParticipantID, in tenant: TenantID) async throws -> ParticipantBlock? {
        try await read { db in
            guard try await db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            return try await db.fetchValue(ParticipantBlock.self, """
                SELECT value::text FROM participant_block WHERE tenant_id = \(tenant.rawValue) AND participant_id = \(participant.rawValue)
                """)
        }
    }

    public func blocks(in tenant: TenantID) async throws -> [ParticipantBlock] {
        try await read { db in
            try await db.fetchValues(ParticipantBlock.self, """
                SELECT value::text FROM participant_block WHERE tenant_id = \(tenant.rawValue) ORDER BY participant_id
                """)
        }
    }
}

extension PostgresTransaction {
    /// Throws `notFound` unless the item exists in `tenant`.
    func requireItem(_ item: ModeratedItem, in tenant: TenantID) async throws {
        let query: PostgresQuery
        switch item {
        case .proposition: query = "SELECT 1 FROM proposition WHERE tenant_id = \(tenant.rawValue) AND id = \(item.id)"
        case .comment: query = "SELECT 1 FROM comment WHERE tenant_id = \(tenant.rawValue) AND id = \(item.id)"
        case .petition: query = "SELECT 1 FROM petition WHERE tenant_id = \(tenant.rawValue) AND id = \(item.id)"
        case .opinion:
            query = """
                SELECT 1 FROM opinion WHERE tenant_id = \(tenant.rawValue) AND proposition_id = \(item.id) AND participant_id = \(item.owner)
                """
        }
        guard try await exists(query) else { throw ParticipationError.notFound(item.kind, item.description) }
    }

    func moderationState(of item: ModeratedItem, in tenant: TenantID) async throws -> ModerationState? {
        try await fetchValue(ModerationState.self, """
            SELECT value::text FROM moderation_state
            WHERE tenant_id = \(tenant.rawValue) AND item_kind = \(item.kind) AND item_id = \(item.id) AND item_owner = \(item.owner)
            """)
    }

    /// Inserts or replaces the item's state row.
    func storeModerationState(_ state: ModerationState) async throws {
        let item = state.item
        try await execute("""
            INSERT INTO moderation_state (tenant_id, item_kind, item_id, item_owner, process_id, needs_moderator, since, revision, value)
            VALUES (\(state.tenantID.rawValue), \(item.kind), \(item.id), \(item.owner), \(state.processID.rawValue),
                \(state.needsModerator), \(state.since.storedSeconds), \(state.revision), \(try StoredDocument.encode(state))::jsonb)
            ON CONFLICT (tenant_id, item_kind, item_id, item_owner) DO UPDATE SET
                needs_moderator = excluded.needs_moderator, since = excluded.since, revision = excluded.revision,
                value = excluded.value
            """)
    }
}
