import Participation

// MARK: - RealisationStorage

extension SQLiteStore {
    public func appendRealisationEvent(_ event: RealisationEvent, at position: Int, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(event)
        try await write { db in
            guard try db.propositionExists(event.propositionID, in: event.tenantID) else {
                throw ParticipationError.notFound("proposition", event.propositionID)
            }
            let count = try db.fetchOne(sql: """
                SELECT count(*) FROM realisation_event WHERE tenant_id = ? AND proposition_id = ?
                """, arguments: [event.tenantID.argument, event.propositionID.argument]) { $0.int(at: 0) } ?? 0
            if try db.exists(sql: "SELECT 1 FROM realisation_event WHERE tenant_id = ? AND id = ?",
                             arguments: [event.tenantID.argument, event.id.argument]) {
                throw ParticipationError.duplicate("realisation event", event.id)
            }
            guard count == position else {
                throw ParticipationError(
                    .conflict,
                    "the timeline of '\(event.propositionID)' changed since it was read (\(count) events, not \(position))")
            }
            try db.execute(
                sql: "INSERT INTO realisation_event (tenant_id, proposition_id, position, id, value) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    event.tenantID.argument, event.propositionID.argument, .integer(Int64(position)), event.id.argument,
                    .text(value),
                ]
            ) { code in
                switch code {
                case .constraintPrimaryKey: ParticipationError(.conflict, "the timeline of '\(event.propositionID)' changed since it was read")
                case .constraintUnique: .duplicate("realisation event", event.id)
                default: nil
                }
            }
            try db.insertAudit(audit)
        }
    }

    public func realisationEvents(of proposition: PropositionID, in tenant: TenantID) async throws -> [RealisationEvent] {
        try await read { db in
            guard try db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try db.fetchValues(RealisationEvent.self, sql: """
                SELECT value FROM realisation_event WHERE tenant_id = ? AND proposition_id = ? ORDER BY position
                """, arguments: [tenant.argument, proposition.argument])
        }
    }
}
