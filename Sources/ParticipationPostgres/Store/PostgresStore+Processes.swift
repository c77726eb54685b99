import Participation
import PostgresNIO

// MARK: - ProcessStorage

extension PostgresStore {
    public func insertProcess(_ process: ParticipatoryProcess, audit: AuditEntry) async throws {
        var stored = process
        stored.revision = 0
        let value = try StoredDocument.encode(stored)
        try await write { db in
            try await db.execute("""
                INSERT INTO process (tenant_id, id, revision, value)
                VALUES (\(process.tenantID.rawValue), \(process.id.rawValue), 0, \(value)::jsonb)
                """
            ) { violation in
                switch violation.kind {
                case .unique: .duplicate("process", process.id)
                case .foreignKey: .notFound("tenant", process.tenantID)
                case .check: nil
                }
            }
            try await db.insertAudit(audit)
        }
    }

    public func process(_ id: ProcessID, in tenant: TenantID) async throws -> ParticipatoryProcess {
        let process = try await read { db in
            try await db.fetchValue(ParticipatoryProcess.self, """
                SELECT value::text FROM process WHERE tenant_id = \(tenant.rawValue) AND id = \(id.rawValue)
                """)
        }
        guard let process else { throw ParticipationError.notFound("process", id) }
        return process
    }

    public func processes(in tenant: TenantID) async throws -> [ParticipatoryProcess] {
        try await read { db in
            try await db.fetchValues(ParticipatoryProcess.self, """
                SELECT value::text FROM process WHERE tenant_id = \(tenant.rawValue) ORDER BY id
                """)
        }
    }

    public func updateProcess(_ process: ParticipatoryProcess, audit: AuditEntry) async throws -> ParticipatoryProcess {
        var updated = process
        updated.revision += 1
        let value = try StoredDocument.encode(updated)
        try await write { db in
            // Compare-and-set on the revision: the row changes only if nobody else did.
            let changed = try await db.rowCount("""
                UPDATE process SET revision = \(updated.revision), value = \(value)::jsonb
                WHERE tenant_id = \(process.tenantID.rawValue) AND id = \(process.id.rawValue) AND revision = \(process.revision)
                RETURNING 1
                """)
            if changed == 0 {
                let stored = try await db.fetchOne("""
                    SELECT revision FROM process WHERE tenant_id = \(process.tenantID.rawValue) AND id = \(process.id.rawValue)
                    """) { try $0.decode(Int.self) }
                guard let stored else { throw ParticipationError.notFound("process", process.id) }
                throw ParticipationError(
                    .conflict,
                    "process '\(process.id)' changed since it was read (revision \(stored), not \(process.revision))")
            }
            try await db.insertAudit(audit)
        }
        return updated
    }
}
