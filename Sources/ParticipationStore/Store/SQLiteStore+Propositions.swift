import Participation

// MARK: - PropositionStorage

extension SQLiteStore {
    public func insertProposition(
        _ proposition: Proposition, version: PropositionVersion, status: StatusChange
    ) async throws {
        var stored = proposition
        stored.revision = 0
        let value = try StoredValue.encode(stored)
        let awaitsReview = stored.awaitsReview
        let versionValue = try StoredValue.encode(version)
        let statusValue = try StoredValue.encode(status)
        try await write { db in
            let tenant = proposition.tenantID.argument
            try db.execute(sql: """
                INSERT INTO proposition (tenant_id, id, process_id, awaits_review, revision, value) VALUES (?, ?, ?, ?, 0, ?)
                """, arguments: [
                    tenant, proposition.id.argument, proposition.processID.argument,
                    .integer(awaitsReview ? 1 : 0), .text(value),
                ]
            ) { code in
                switch code {
                case .constraintPrimaryKey: .duplicate("proposition", proposition.id)
                case .constraintForeignKey: .notFound("process", proposition.processID)
                default: nil
                }
            }
            try db.appendHistory(of: proposition, version: versionValue, status: statusValue)
        }
    }

    public func proposition(_ id: PropositionID, in tenant: TenantID) async throws -> Proposition {
        let proposition = try await read { db in
            try db.fetchValue(Proposition.self, sql: """
                SELECT value FROM proposition WHERE tenant_id = ? AND id = ?
                """, arguments: [tenant.argument, id.argument])
        }
        guard let proposition else { throw ParticipationError.notFound("proposition", id) }
        return proposition
    }

    public func propositions(of process: ProcessID, in tenant: TenantID) async throws -> [Proposition] {
        try await read { db in
            guard try db.processExists(process, in: tenant) else { throw ParticipationError.notFound("process", process) }
            return try db.fetchValues(Proposition.self, sql: """
                SELECT value FROM proposition WHERE tenant_id = ? AND process_id = ? ORDER BY id
                """, arguments: [tenant.argument, process.argument])
        }
    }

    public func updateProposition(
        _ proposition: Proposition, version: PropositionVersion?, status: StatusChange?, audit: AuditEntry?
    ) async throws -> Proposition {
        let updated = proposition.storedAsNextRevision()
        let value = try StoredValue.encode(updated)
        let versionValue = try version.map(StoredValue.encode)
        let statusValue = try status.map(StoredValue.encode)
        try await write { db in
            // Compare-and-set on the revision: the row changes only if nobody else did.
            try db.execute(sql: """
                UPDATE proposition SET revision = ?, awaits_review = ?, value = ?
                WHERE tenant_id = ? AND id = ? AND revision = ?
                """, arguments: [
                    .integer(Int64(updated.revision)), .integer(updated.awaitsReview ? 1 : 0), .text(value),
                    proposition.tenantID.argument, proposition.id.argument, .integer(Int64(proposition.revision)),
                ])
            if db.changedRowCount == 0 {
                guard try db.propositionExists(proposition.id, in: proposition.tenantID) else {
                    throw ParticipationError.notFound("proposition", proposition.id)
                }
                throw ParticipationError(.conflict, "proposition '\(proposition.id)' changed since it was read")
            }
            try db.appendHistory(of: proposition, version: versionValue, status: statusValue)
            try db.insertAudit(audit)
        }
        return updated
    }

    public func versions(of proposition: PropositionID, in tenant: TenantID) async throws -> [PropositionVersion] {
        try await read { db in
            guard try db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try db.fetchValues(PropositionVersion.self, sql: """
                SELECT value FROM proposition_version WHERE tenant_id = ? AND proposition_id = ? ORDER BY sequence
                """, arguments: [tenant.argument, proposition.argument])
        }
    }

    public func statusHistory(of proposition: PropositionID, in tenant: TenantID) async throws -> [StatusChange] {
        try await read { db in
            guard try db.propositionExists(proposition, in: tenant) else {
                throw ParticipationError.notFound("proposition", proposition)
            }
            return try db.fetchValues(StatusChange.self, sql: """
                SELECT value FROM proposition_status WHERE tenant_id = ? AND proposition_id = ? ORDER BY sequence
                """, arguments: [tenant.argument, proposition.argument])
        }
    }

    public func unreviewedPropositionCount(of process: ProcessID, in tenant: TenantID) async throws -> Int {
        try await read { db in
            try db.fetchOne(sql: """
                SELECT count(*) FROM proposition WHERE tenant_id = ? AND process_id = ? AND awaits_review = 1
                """, arguments: [tenant.argument, process.argument]) { $0.int(at: 0) } ?? 0
        }
    }
}

extension SQLiteConnection {
    /// Appends a text version and a status entry (each when given) to a proposition's
    /// history, inside the caller's transaction.
    func appendHistory(of proposition: Proposition, version: String?, status: String?) throws {
        let key: [SQLiteValue] = [proposition.tenantID.argument, proposition.id.argument]
        if let version {
            try execute(sql: """
                INSERT INTO proposition_version (tenant_id, proposition_id, value) VALUES (?, ?, ?)
                """, arguments: key + [.text(version)])
        }
        if let status {
            try execute(sql: """
                INSERT INTO proposition_status (tenant_id, proposition_id, value) VALUES (?, ?, ?)
                """, arguments: key + [.text(status)])
        }
    }
}

extension Proposition {
    /// The value an update stores: the same proposition, one revision later.
    func storedAsNextRevision() -> Proposition {
        var next = self
        next.revision += 1
        return next
    }
}
