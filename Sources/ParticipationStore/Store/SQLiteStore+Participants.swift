import Participation

// MARK: - ParticipantStorage

extension SQLiteStore {
    public func insertParticipant(_ participant: Participant) async throws {
        let value = try StoredValue.encode(participant)
        try await write { db in try db.insertParticipant(participant, value: value) }
    }

    public func participant(_ id: ParticipantID, in tenant: TenantID) async throws -> Participant {
        try await read { db in try db.storedParticipant(id, in: tenant) }
    }

    public func participants(in tenant: TenantID, after: ParticipantID?, limit: Int) async throws -> [Participant] {
        try await read { db in
            guard let after else {
                return try db.fetchValues(Participant.self, sql: """
                    SELECT value FROM participant WHERE tenant_id = ? ORDER BY id LIMIT ?
                    """, arguments: [tenant.argument, .integer(Int64(max(0, limit)))])
            }
            return try db.fetchValues(Participant.self, sql: """
                SELECT value FROM participant WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?
                """, arguments: [tenant.argument, after.argument, .integer(Int64(max(0, limit)))])
        }
    }

    public func updateParticipant(_ participant: Participant, audit: AuditEntry?) async throws {
        let value = try StoredValue.encode(participant)
        try await write { db in
            try db.replaceParticipant(participant, value: value)
            try db.insertAudit(audit)
        }
    }

    public func recordVerification(
        _ identity: VerifiedIdentity, of id: ParticipantID, in tenant: TenantID, audit: AuditEntry
    ) async throws {
        try await write { db in
            var participant = try db.storedParticipant(id, in: tenant)
            // The key may already be this participant's (a renewed check); another
            // participant's key is refused, by this check and by the primary key.
            try db.execute(sql: """
                INSERT INTO participant_identity (tenant_id, identity_key, participant_id) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, identity_key) DO NOTHING
                """, arguments: [tenant.argument, .text(identity.identityKey), id.argument])
            let holder = try db.fetchOne(sql: """
                SELECT participant_id FROM participant_identity WHERE tenant_id = ? AND identity_key = ?
                """, arguments: [tenant.argument, .text(identity.identityKey)]) { $0.string(at: 0) }
            guard holder == id.rawValue else {
                throw ParticipationError(
                    .duplicate, "this identity is already bound to another participant of the tenant", field: "reference")
            }
            try db.insertAudit(audit)
            participant.verification = identity.level
            participant.profile = identity.profile
            try db.replaceParticipant(participant, value: StoredValue.encode(participant))
        }
    }
}

extension SQLiteConnection {
    /// Stores a new participant inside the caller's transaction.
    /// - Throws: `notFound` (tenant); `duplicate` (id).
    func insertParticipant(_ participant: Participant, value: String) throws {
        try execute(
            sql: "INSERT INTO participant (tenant_id, id, value) VALUES (?, ?, ?)",
            arguments: [participant.tenantID.argument, participant.id.argument, .text(value)]
        ) { code in
            switch code {
            case .constraintPrimaryKey: .duplicate("participant", participant.id)
            case .constraintForeignKey: .notFound("tenant", participant.tenantID)
            default: nil
            }
        }
    }

    /// The stored participant.
    /// - Throws: `notFound`, also for another tenant's participant.
    func storedParticipant(_ id: ParticipantID, in tenant: TenantID) throws -> Participant {
        let participant = try fetchValue(Participant.self, sql: """
            SELECT value FROM participant WHERE tenant_id = ? AND id = ?
            """, arguments: [tenant.argument, id.argument])
        guard let participant else { throw ParticipationError.notFound("participant", id) }
        return participant
    }

    /// Overwrites a stored participant.
    /// - Throws: `notFound`.
    func replaceParticipant(_ participant: Participant, value: String) throws {
        try execute(
            sql: "UPDATE participant SET value = ? WHERE tenant_id = ? AND id = ?",
            arguments: [.text(value), participant.tenantID.argument, participant.id.argument])
        guard changedRowCount == 1 else { throw ParticipationError.notFound("participant", participant.id) }
    }
}
