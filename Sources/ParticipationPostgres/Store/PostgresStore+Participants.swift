import Participation
import PostgresNIO

// MARK: - ParticipantStorage

extension PostgresStore {
    public func insertParticipant(_ participant: Participant) async throws {
        let value = try StoredDocument.encode(participant)
        try await write { db in try await db.insertParticipant(participant, value: value) }
    }

    public func participant(_ id: ParticipantID, in tenant: TenantID) async throws -> Participant {
        try await read { db in try await db.storedParticipant(id, in: tenant) }
    }

    public func participants(in tenant: TenantID, after: ParticipantID?, limit: Int) async throws -> [Participant] {
        let limit = max(0, limit)
        return try await read { db in
            guard let after else {
                return try await db.fetchValues(Participant.self, """
                    SELECT value::text FROM participant WHERE tenant_id = \(tenant.rawValue) ORDER BY id LIMIT \(limit)
                    """)
            }
            return try await db.fetchValues(Participant.self, """
                SELECT value::text FROM participant WHERE tenant_id = \(tenant.rawValue) AND id > \(after.rawValue)
                ORDER BY id LIMIT \(limit)
                """)
        }
    }

    public func updateParticipant(_ participant: Participant, audit: AuditEntry?) async throws {
        let value = try StoredDocument.encode(participant)
        try await write { db in
            try await db.replaceParticipant(participant, value: value)
            try await db.insertAudit(audit)
        }
    }

    public func recordVerification(
        _ identity: VerifiedIdentity, of id: ParticipantID, in tenant: TenantID, audit: AuditEntry
    ) async throws {
        try await write { db in
            var participant = try await db.storedParticipant(id, in: tenant)
            // The key may already be this participant's (a renewed check); another
            // participant's key is refused, by this check and by the primary key.
            try await db.execute("""
                INSERT INTO participant_identity (tenant_id, identity_key, participant_id)
                VALUES (\(tenant.rawValue), \(identity.identityKey), \(id.rawValue))
                ON CONFLICT (tenant_id, identity_key) DO NOTHING
                """)
            let holder = try await db.fetchOne("""
                SELECT participant_id FROM participant_identity
                WHERE tenant_id = \(tenant.rawValue) AND identity_key = \(identity.identityKey)
                """) { try $0.decode(String.self) }
            guard holder == id.rawValue else {
                throw ParticipationError(
                    .duplicate, "this identity is already bound to another participant of the tenant", field: "reference")
            }
            try await db.insertAudit(audit)
            participant.verification = identity.level
            participant.profile = identity.profile
            try await db.replaceParticipant(participant, value: StoredDocument.encode(participant))
        }
    }
}

extension PostgresTransaction {
    /// Stores a new participant inside the caller's transaction.
    /// - Throws: `notFound` (tenant); `duplicate` (id).
    func insertParticipant(_ participant: Participant, value: String) async throws {
        try await execute("""
            INSERT INTO participant (tenant_id, id, value)
            VALUES (\(participant.tenantID.rawValue), \(participant.id.rawValue), \(value)::jsonb)
            """
        ) { violation in
            switch violation.kind {
            case .unique: .duplicate("participant", participant.id)
            case .foreignKey: .notFound("tenant", participant.tenantID)
            case .check: nil
            }
        }
    }

    /// The stored participant.
    /// - Throws: `notFound`, also for another tenant's participant.
    func storedParticipant(_ id: ParticipantID, in tenant: TenantID) async throws -> Participant {
        let participant = try await fetchValue(Participant.self, """
            SELECT value::text FROM participant WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
            """)
        guard let participant else { throw ParticipationError.notFound("participant", id) }
        return participant
    }

    /// Overwrites a stored participant.
    /// - Throws: `notFound`.
    func replaceParticipant(_ participant: Participant, value: String) async throws {
        let changed = try await rowCount("""
            UPDATE participant SET value = \(value)::jsonb
            WHERE tenant_id = \(participant.tenantID.rawValue) AND id = \(participant.id.rawValue) RETURNING 1
            """)
        guard changed == 1 else { throw ParticipationError.notFound("participant", participant.id) }
    }
}
