import Participation

// MARK: - ModerationStorage

extension SQLiteStore {
    public func recordReport(_ report: ContentReport, initial: ModerationState, threshold: Int) async throws -> ReportReceipt {
        let value = try StoredValue.encode(report)
        return try await write { db in
            let tenant = report.tenantID
            try db.requireItem(report.item, in: tenant)
            guard try db.participantExists(report.reporterID, in: tenant) else {
                throw ParticipationError.notFound("participant", report.reporterID)
            }
            try db.execute(sql: """
                INSERT INTO content_report (tenant_id, item_kind, item_id, item_owner, reporter_id, value) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [tenant.argument] + report.item.arguments + [report.reporterID.argument, .text(value)]
            ) { code in
                code == .constraintUnique
                    ? ParticipationError(.duplicate, "participant '\(report.reporterID)' already reported \(report.item)") : nil
            }
            let current = try db.moderationState(of: report.item, in: tenant) ?? initial
            let result = current.addingReport(at: report.at, threshold: threshold)
            var state = result.state
            state.revision += 1
            try db.storeModerationState(state)
            return ReportReceipt(state: state, hidItem: result.hidItem)
        }
    }

    public func updateModerationState(_ state: ModerationState, audit: AuditEntry?) async throws -> ModerationState {
        try await write { db in
            try db.requireItem(state.item, in: state.tenantID)
            let stored = try db.moderationState(of: state.item, in: state.tenantID)?.revision ?? 0
            guard stored == state.revision else {
                throw ParticipationError(.conflict, "the moderation of \(state.item) changed since it was read")
            }
            var updated = state
            updated.revision += 1
            try db.storeModerationState(updated)
            try db.insertAudit(audit)
            return updated
        }
    }

    public func moderationState(of item: ModeratedItem, in tenant: TenantID) async throws -> ModerationState? {
        try await read { db in
            try db.requireItem(item, in: tenant)
            return try db.moderationState(of: item, in: tenant)
        }
    }

    public func moderationStates(of process: ProcessID, in tenant: TenantID) async throws -> [ModerationState] {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(ModerationState.self, sql: """
                SELECT value FROM moderation_state WHERE tenant_id = ? AND process_id = ?
                ORDER BY item_kind, item_id, item_owner
                """, arguments: [tenant.argument, process.argument])
        }
    }

    public func moderationQueue(in tenant: TenantID, limit: Int) async throws -> [ModerationState] {
        try await read { db in
            try db.fetchValues(ModerationState.self, sql: """
                SELECT value FROM moderation_state WHERE tenant_id = ? AND needs_moderator = 1
                ORDER BY since, item_kind, item_id, item_owner LIMIT ?
                """, arguments: [tenant.argument, .integer(Int64(max(0, limit)))])
        }
    }

    public func reports(on item: ModeratedItem, in tenant: TenantID) async throws -> [ContentReport] {
        try await read { db in
            try db.requireItem(item, in: tenant)
            return try db.fetchValues(ContentReport.self, sql: """
                SELECT value FROM content_report WHERE tenant_id = ? AND item_kind = ? AND item_id = ? AND item_owner = ?
                ORDER BY sequence
                """, arguments: [tenant.argument] + item.arguments)
        }
    }

    public func insertBlock(_ block: ParticipantBlock, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(block)
        try await write { db in
            guard try db.participantExists(block.participantID, in: block.tenantID) else {
                throw ParticipationError.notFound("participant", block.participantID)
            }
            try db.execute(sql: """
                INSERT INTO participant_block (tenant_id, participant_id, value) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, participant_id) DO UPDATE SET value = excluded.value
                """, arguments: [block.tenantID.argument, block.participantID.argument, .text(value)])
            try db.insertAudit(audit)
        }
    }

    public func deleteBlock(of participant: ParticipantID, in tenant: TenantID, audit: AuditEntry) async throws
        -> ParticipantBlock
    {
        try await write { db in
            guard try db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            let key: [SQLiteValue] = [tenant.argument, participant.argument]
            guard let block = try db.fetchValue(ParticipantBlock.self, sql: """
                SELECT value FROM participant_block WHERE tenant_id = ? AND participant_id = ?
                """, arguments: key)
            else { throw ParticipationError.notFound("block of participant", participant) }
            try db.execute(sql: "DELETE FROM participant_block WHERE tenant_id = ? AND participant_id = ?", arguments: key)
            try db.insertAudit(audit)
            return block
        }
    }

    public func block(of participant: ParticipantID, in tenant: TenantID) async throws -> ParticipantBlock? {
        try await read { db in
            guard try db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            return try db.fetchValue(ParticipantBlock.self, sql: """
                SELECT value FROM participant_block WHERE tenant_id = ? AND participant_id = ?
                """, arguments: [tenant.argument, participant.argument])
        }
    }

    public func blocks(in tenant: TenantID) async throws -> [ParticipantBlock] {
        try await read { db in
            try db.fetchValues(ParticipantBlock.self, sql: """
                SELECT value FROM participant_block WHERE tenant_id = ? ORDER BY participant_id
                """, arguments: [tenant.argument])
        }
    }
}

extension ModeratedItem {
    /// The item's key columns: kind, id, owner.
    var arguments: [SQLiteValue] { [.text(kind), .text(id), .text(owner)] }
}

extension SQLiteConnection {
    /// Throws `notFound` unless the item exists in `tenant`.
    func requireItem(_ item: ModeratedItem, in tenant: TenantID) throws {
        let sql: String
        var arguments: [SQLiteValue] = [tenant.argument, .text(item.id)]
        switch item {
        case .proposition: sql = "SELECT 1 FROM proposition WHERE tenant_id = ? AND id = ?"
        case .comment: sql = "SELECT 1 FROM comment WHERE tenant_id = ? AND id = ?"
        case .petition: sql = "SELECT 1 FROM petition WHERE tenant_id = ? AND id = ?"
        case .opinion:
            sql = "SELECT 1 FROM opinion WHERE tenant_id = ? AND proposition_id = ? AND participant_id = ?"
            arguments.append(.text(item.owner))
        }
        guard try exists(sql: sql, arguments: arguments) else { throw ParticipationError.notFound(item.kind, item.description) }
    }

    func moderationState(of item: ModeratedItem, in tenant: TenantID) throws -> ModerationState? {
        try fetchValue(ModerationState.self, sql: """
            SELECT value FROM moderation_state WHERE tenant_id = ? AND item_kind = ? AND item_id = ? AND item_owner = ?
            """, arguments: [tenant.argument] + item.arguments)
    }

    /// Inserts or replaces the item's state row.
    func storeModerationState(_ state: ModerationState) throws {
        try execute(sql: """
            INSERT INTO moderation_state (tenant_id, item_kind, item_id, item_owner, process_id, needs_moderator, since, revision, value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, item_kind, item_id, item_owner) DO UPDATE SET
                needs_moderator = excluded.needs_moderator, since = excluded.since, revision = excluded.revision,
                value = excluded.value
            """, arguments: [state.tenantID.argument] + state.item.arguments + [
                state.processID.argument, .integer(state.needsModerator ? 1 : 0), .real(state.since.storedSeconds),
                .integer(Int64(state.revision)), .text(try StoredValue.encode(state)),
            ])
    }
}
