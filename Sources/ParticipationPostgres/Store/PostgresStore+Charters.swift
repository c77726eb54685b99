import Participation
import PostgresNIO

// MARK: - CharterStorage

extension PostgresStore {
    public func insertCharter(_ charter: Charter, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(charter)
        try await write { db in
            let tenant = charter.tenantID.rawValue
            guard try await db.tenantExists(charter.tenantID) else { throw ParticipationError.notFound("tenant", charter.tenantID) }
            // Checked first because a refused statement aborts the transaction; the
            // consecutive-versions trigger and the primary key are the backstop.
            let current = try await db.count("SELECT coalesce(max(version), 0) FROM charter WHERE tenant_id = \(tenant)")
            let refusal = ParticipationError(
                .conflict, "charter version must be \(current + 1), got \(charter.version)", field: "version")
            guard charter.version == current + 1 else { throw refusal }
            try await db.execute("""
                INSERT INTO charter (tenant_id, version, value) VALUES (\(tenant), \(charter.version), \(value)::jsonb)
                """
            ) { _ in refusal }
            try await db.insertAudit(audit)
        }
    }

    public func currentCharter(in tenant: TenantID) async throws -> Charter? {
        try await read { db in
            try await db.fetchValue(Charter.self, """
                SELECT value::text FROM charter WHERE tenant_id = \(tenant.rawValue) ORDER BY version DESC LIMIT 1
                """)
        }
    }

    public func recordAcceptance(_ acceptance: CharterAcceptance) async throws {
        try await write { db in
            let tenant = acceptance.tenantID
            guard try await db.participantExists(acceptance.participantID, in: tenant) else {
                throw ParticipationError.notFound("participant", acceptance.participantID)
            }
            guard try await db.exists(
                "SELECT 1 FROM charter WHERE tenant_id = \(tenant.rawValue) AND version = \(acceptance.version)")
            else {
                throw ParticipationError.notFound("charter version", acceptance.version)
            }
            // Keeps the highest version accepted, with the date it was accepted.
            try await db.execute("""
                INSERT INTO charter_acceptance (tenant_id, participant_id, version, accepted_at)
                VALUES (\(tenant.rawValue), \(acceptance.participantID.rawValue), \(acceptance.version), \(acceptance.acceptedAt.storedSeconds))
                ON CONFLICT (tenant_id, participant_id) DO UPDATE
                SET version = excluded.version, accepted_at = excluded.accepted_at
                WHERE excluded.version > charter_acceptance.version
                """)
        }
    }

    public func acceptedCharterVersion(of participant: ParticipantID, in tenant: TenantID) async throws -> Int? {
        try await read { db in
            guard try await db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            return try await db.fetchOne("""
                SELECT version FROM charter_acceptance WHERE tenant_id = \(tenant.rawValue) AND participant_id = \(participant.rawValue)
                """) { try $0.decode(Int.self) }
        }
    }
}
