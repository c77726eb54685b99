import Participation
import PostgresNIO

// MARK: - AuditStorage

extension PostgresStore {
    public func appendAudit(_ entry: AuditEntry) async throws {
        let value = try StoredDocument.encode(entry)
        try await write { db in try await db.insertAudit(entry, value: value) }
    }

    public func auditEntries(in tenant: TenantID, subject: String?) async throws -> [AuditEntry] {
        try await read { db in
            if let subject {
                return try await db.fetchValues(AuditEntry.self, """
                    SELECT value::text FROM audit_entry WHERE tenant_id = \(tenant.rawValue) AND subject = \(subject) ORDER BY sequence
                    """)
            }
            return try await db.fetchValues(AuditEntry.self, """
                SELECT value::text FROM audit_entry WHERE tenant_id = \(tenant.rawValue) ORDER BY sequence
                """)
        }
    }
}

extension PostgresTransaction {
    /// Appends an audit entry inside the caller's transaction.
    ///
    /// - Throws: `notFound` (tenant); `duplicate` (entry id).
    func insertAudit(_ entry: AuditEntry, value: String) async throws {
        try await execute("""
            INSERT INTO audit_entry (tenant_id, id, subject, value)
            VALUES (\(entry.tenantID.rawValue), \(entry.id.rawValue), \(entry.subject), \(value)::jsonb)
            """
        ) { violation in
            switch violation.kind {
            case .unique: .duplicate("audit entry", entry.id)
            case .foreignKey: .notFound("tenant", entry.tenantID)
            case .check: nil
            }
        }
    }

    /// Appends `entry` if there is one.
    func insertAudit(_ entry: AuditEntry?) async throws {
        guard let entry else { return }
        try await insertAudit(entry, value: StoredDocument.encode(entry))
    }
}
