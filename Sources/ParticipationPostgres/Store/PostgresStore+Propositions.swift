import Participation
import PostgresNIO

// MARK: - PropositionStorage

extension PostgresStore {
    public func insertProposition(
        _ proposition: Proposition, version: PropositionVersion, status: StatusChange
    ) async throws {
        var stored = proposition
        stored.revision = 0
        let value = try StoredDocument.encode(stored)
        let awaitsReview = stored.awaitsReview
        let versionValue = try StoredDocument.encode(version)
        let statusValue = try StoredDocument.encode(status)
        try await write { db in
            try await db.execute("""
                INSERT INTO proposition (tenant_id, id, process_id, awaits_review, revision, value)
                VALUES (\(proposition.tenantID.rawValue), \(proposition.id.rawValue), \(proposition.processID.rawValue),
                    \(awaitsReview), 0, \(value)::jsonb)
                """
            ) { violation in
                switch violation.kind {
                case .unique: .duplicate("proposition", proposition.id)
                case .foreignKey: .notFound("process", proposition.processID)
                case .check: nil
                }
            }
            try await db.appendHistory(of: proposition, version: versionValue, status: statusValue)
        }
    }

    public func proposition(_ id: PropositionID, in tenant: TenantID) async throws -> Proposition {
        let proposition = try await read { db in
            try await db.fetchValue(Proposition.self, """
                SELECT value::text FROM proposition WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
                """)
        }
        guard let proposition else { throw ParticipationError.notFound("proposition", id) }
        return proposition
    }

    public func propositions(of process: ProcessID, in tenant: TenantID) async throws -> [Proposition] {
        try await read { db in
            guard try await db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try await db.fetchValues(Proposition.self, """
                SELECT value::text FROM proposition WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) ORDER BY id
                """)
        }
    }

    public func updateProposition(
        _ proposition: Proposition, version: PropositionVersion?, status: StatusChange?, audit: AuditEntry?
    ) async throws -> Proposition {
        var updated = proposition
        updated.revision += 1
        let value = try StoredDocument.encode(updated)
        let versionValue = try version.map(StoredDocument.encode)
        let statusValue = try status.map(StoredDocument.encode)
        try await write { db in
            // Compare-and-set on the revision: the row changes only if nobody else did.
            let changed = try await db.rowCount("""
                UPDATE proposition SET revision = \(updated.revision), awaits_review = \(updated.awaitsReview), value = \(value)::jsonb
                WHERE tenant_id = \(proposition.tenantID.rawValue) AND id = \(proposition.id.rawValue)
                    AND revision = \(proposition.revision)
                RETURNING 1
                """)
            if changed == 0 {
                guard try await db.propositionExists(proposition.id, in: proposition.tenantID) else {
                    throw ParticipationError.notFound("proposition", proposition.id)
                }
                throw ParticipationError(.conflict, "proposition '\(proposition.id)' changed since it was read")
            }
            try await db.appendHistory(of: proposition, version: versionValue, status: statusValue)
            try await db.insertAudit(audit)
        }
        return updated
    }

    public func versions(of proposition: PropositionID, in tenant: TenantID) async throws -> [PropositionVersion] {
        try await read { db in
            guard try await db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try await db.fetchValues(PropositionVersion.self, """
                SELECT value::text FROM proposition_version
                WHERE tenant_id = \(tenant.rawValue) AND proposition_id = \(proposition.rawValue) ORDER BY sequence
                """)
        }
    }

    public func statusHistory(of proposition: PropositionID, in tenant: TenantID) async throws -> [StatusChange] {
        try await read { db in
            guard try await db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try await db.fetchValues(StatusChange.self, """
                SELECT value::text FROM proposition_status
                WHERE tenant_id = \(tenant.rawValue) AND proposition_id = \(proposition.rawValue) ORDER BY sequence
                """)
        }
    }

    public func unreviewedPropositionCount(of process: ProcessID, in tenant: TenantID) async throws -> Int {
        try await read { db in
            try await db.count("""
                SELECT count(*) FROM proposition
                WHERE tenant_id = \(tenant.rawValue) AND process_id = \(process.rawValue) AND awaits_review
                """)
        }
    }
}

extension PostgresTransaction {
    /// Appends a text version and a status entry (each when given) to a proposition's
    /// history, inside the caller's transaction.
    func appendHistory(of proposition: Proposition, version: String?, status: String?) async throws {
        let tenant = proposition.tenantID.rawValue
        if let version {
            try await execute("""
                INSERT INTO proposition_version (tenant_id, proposition_id, value)
                VALUES (\(tenant), \(proposition.id.rawValue), \(version)::jsonb)
                """)
        }
        if let status {
            try await execute("""
                INSERT INTO proposition_status (tenant_id, proposition_id, value)
                VALUES (\(tenant), \(proposition.id.rawValue), \(status)::jsonb)
                """)
        }
    }
}
