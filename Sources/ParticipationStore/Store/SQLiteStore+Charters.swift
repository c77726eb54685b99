import Participation

// MARK: - CharterStorage

extension SQLiteStore {
    public func insertCharter(_ charter: Charter, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(charter)
        try await write { db in
            guard try db.tenantExists(charter.tenantID) else { throw ParticipationError.notFound("tenant", charter.tenantID) }
            do {
                try db.execute(
                    sql: "INSERT INTO charter (tenant_id, version, value) VALUES (?, ?, ?)",
                    arguments: [charter.tenantID.argument, .integer(Int64(charter.version)), .text(value)])
            } catch let error as SQLiteError where error.code == .constraint {
                // The consecutive-versions trigger, the primary key or the CHECK: all say
                // the version is not the next one.
                let current = try db.fetchOne(sql: """
                    SELECT coalesce(max(version), 0) FROM charter WHERE tenant_id = ?
                    """, arguments: [charter.tenantID.argument]) { $0.int(at: 0) } ?? 0
                throw ParticipationError(
                    .conflict, "charter version must be \(current + 1), got \(charter.version)", field: "version")
            }
            try db.insertAudit(audit)
        }
    }

    public func currentCharter(in tenant: TenantID) async throws -> Charter? {
        try await read { db in
            try db.fetchValue(Charter.self, sql: """
                SELECT value FROM charter WHERE tenant_id = ? ORDER BY version DESC LIMIT 1
                """, arguments: [tenant.argument])
        }
    }

    public func recordAcceptance(_ acceptance: CharterAcceptance) async throws {
        try await write { db in
            let tenant = acceptance.tenantID
            guard try db.participantExists(acceptance.participantID, in: tenant) else {
                throw ParticipationError.notFound("participant", acceptance.participantID)
            }
            let version = SQLiteValue.integer(Int64(acceptance.version))
            guard try db.exists(sql: "SELECT 1 FROM charter WHERE tenant_id = ? AND version = ?", arguments: [tenant.argument, version]) else {
                throw ParticipationError.notFound("charter version", acceptance.version)
            }
            // Keeps the highest version accepted, with the date it was accepted.
            try db.execute(sql: """
                INSERT INTO charter_acceptance (tenant_id, participant_id, version, accepted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, participant_id) DO UPDATE
                SET version = excluded.version, accepted_at = excluded.accepted_at
                WHERE excluded.version > charter_acceptance.version
                """, arguments: [tenant.argument, acceptance.participantID.argument, version, .real(acceptance.acceptedAt.storedSeconds)])
        }
    }

    public func acceptedCharterVersion(of participant: ParticipantID, in tenant: TenantID) async throws -> Int? {
        try await read { db in
            guard try db.participantExists(participant, in: tenant) else {
                throw ParticipationError.notFound("participant", participant)
            }
            return try db.fetchOne(sql: """
                SELECT version FROM charter_acceptance WHERE tenant_id = ? AND participant_id = ?
                """, arguments: [tenant.argument, participant.argument]) { $0.int(at: 0) }
        }
    }
}
