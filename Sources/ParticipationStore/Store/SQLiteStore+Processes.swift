import Participation

// MARK: - ProcessStorage

extension SQLiteStore {
    public func insertProcess(_ process: ParticipatoryProcess, audit: AuditEntry) async throws {
        var stored = process
        stored.revision = 0
        let value = try StoredValue.encode(stored)
        try await write { db in
            try db.execute(
                sql: "INSERT INTO process (tenant_id, id, revision, value) VALUES (?, ?, 0, ?)",
                arguments: [process.tenantID.argument, process.id.argument, .text(value)]
            ) { code in
                switch code {
                case .constraintPrimaryKey: .duplicate("process", process.id)
                case .constraintForeignKey: .notFound("tenant", process.tenantID)
                default: nil
                }
            }
            try db.insertAudit(audit)
        }
    }

    public func process(_ id: ProcessID, in tenant: TenantID) async throws -> ParticipatoryProcess {
        let process = try await read { db in
            try db.fetchValue(ParticipatoryProcess.self, sql: """
                SELECT value FROM process WHERE tenant_id = ? AND id = ?
                """, arguments: [tenant.argument, id.argument])
        }
        guard let process else { throw ParticipationError.notFound("process", id) }
        return process
    }

    public func processes(in tenant: TenantID) async throws -> [ParticipatoryProcess] {
        try await read { db in
            try db.fetchValues(ParticipatoryProcess.self, sql: """
                SELECT value FROM process WHERE tenant_id = ? ORDER BY id
                """, arguments: [tenant.argument])
        }
    }

    public func updateProcess(_ process: ParticipatoryProcess, audit: AuditEntry) async throws -> ParticipatoryProcess {
        let updated = process.storedAsNextRevision()
        let value = try StoredValue.encode(updated)
        try await write { db in
            // Compare-and-set on the revision: the row changes only if nobody else did.
            try db.execute(sql: """
                UPDATE process SET revision = ?, value = ? WHERE tenant_id = ? AND id = ? AND revision = ?
                """, arguments: [
                    .integer(Int64(updated.revision)), .text(value), process.tenantID.argument, process.id.argument,
                    .integer(Int64(process.revision)),
                ])
            if db.changedRowCount == 0 {
                let stored = try db.fetchOne(sql: """
                    SELECT revision FROM process WHERE tenant_id = ? AND id = ?
                    """, arguments: [process.tenantID.argument, process.id.argument]) { $0.int(at: 0) }
                guard let stored else { throw ParticipationError.notFound("process", process.id) }
                throw ParticipationError(
                    .conflict,
                    "process '\(process.id)' changed since it was read (revision \(stored), not \(process.revision))")
            }
            try db.insertAudit(audit)
        }
        return updated
    }
}

extension ParticipatoryProcess {
    /// The value an update stores: the same process, one revision later.
    func storedAsNextRevision() -> ParticipatoryProcess {
        var next = self
        next.revision += 1
        return next
    }
}
