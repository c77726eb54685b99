import Participation

// MARK: - AuditStorage

extension SQLiteStore {
    public func appendAudit(_ entry: AuditEntry) async throws {
        let value = try StoredValue.encode(entry)
        try await write { db in try db.insertAudit(entry, value: value) }
    }

    public func auditEntries(in tenant: TenantID, subject: String?) async throws -> [AuditEntry] {
        try await read { db in
            if let subject {
                return try db.fetchValues(AuditEntry.self, sql: """
                    SELECT value FROM audit_entry WHERE tenant_id = ? AND subject = ? ORDER BY sequence
                    """, arguments: [tenant.argument, .text(subject)])
            }
            return try db.fetchValues(AuditEntry.self, sql: """
                SELECT value FROM audit_entry WHERE tenant_id = ? ORDER BY sequence
                """, arguments: [tenant.argument])
        }
    }
}

extension SQLiteConnection {
    /// Appends an audit entry inside the caller's transaction.
    ///
    /// - Throws: `notFound` (tenant); `duplicate` (entry id).
    func insertAudit(_ entry: AuditEntry, value: String) throws {
        try execute(
            sql: "INSERT INTO audit_entry (tenant_id, id, subject, value) VALUES (?, ?, ?, ?)",
            arguments: [entry.tenantID.argument, entry.id.argument, .text(entry.subject), .text(value)]
        ) { code in
            switch code {
            case .constraintUnique: .duplicate("audit entry", entry.id)
            case .constraintForeignKey: .notFound("tenant", entry.tenantID)
            default: nil
            }
        }
    }

    /// Appends `entry` if there is one.
    func insertAudit(_ entry: AuditEntry?) throws {
        guard let entry else { return }
        try insertAudit(entry, value: StoredValue.encode(entry))
    }
}
