import Participation
import PostgresNIO

// MARK: - RealisationStorage

extension PostgresStore {
    public func appendRealisationEvent(_ event: RealisationEvent, at position: Int, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(event)
        try await write { db in
            let (tenant, proposition) = (event.tenantID.rawValue, event.propositionID.rawValue)
            guard try await db.propositionExists(event.propositionID, in: event.tenantID) else {
                throw ParticipationError.notFound("proposition", event.propositionID)
            }
            let count = try await db.count("""
                SELECT count(*) FROM realisation_event WHERE tenant_id = \(tenant) AND proposition_id = \(proposition)
                """)
            if try await db.exists("SELECT 1 FROM realisation_event WHERE tenant_id = \(tenant) AND id = \(event.id.rawValue)") {
                throw ParticipationError.duplicate("realisation event", event.id)
            }
            guard count == position else {
                throw ParticipationError(
                    .conflict,
                    "the timeline of '\(event.propositionID)' changed since it was read (\(count) events, not \(position))")
            }
            try await db.execute("""
                INSERT INTO realisation_event (tenant_id, proposition_id, position, id, value)
                VALUES (\(tenant), \(proposition), \(position), \(event.id.rawValue), \(value)::jsonb)
                """
            ) { violation in
                guard violation.kind == .unique else { return nil }
                return violation.isPrimaryKey
                    ? ParticipationError(.conflict, "the timeline of '\(event.propositionID)' changed since it was read")
                    : .duplicate("realisation event", event.id)
            }
            try await db.insertAudit(audit)
        }
    }

    public func realisationEvents(of proposition: PropositionID, in tenant: TenantID) async throws -> [RealisationEvent] {
        try await read { db in
            guard try await db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try await db.fetchValues(RealisationEvent.self, """
                SELECT value::text FROM realisation_event
                WHERE tenant_id = \(tenant.rawValue) AND proposition_id = \(proposition.rawValue) ORDER BY position
                """)
        }
    }
}
