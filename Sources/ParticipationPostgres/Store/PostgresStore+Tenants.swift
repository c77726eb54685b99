import Participation
import PostgresNIO

// MARK: - TenantStorage

extension PostgresStore {
    public func insertTenant(_ tenant: Tenant) async throws {
        let value = try StoredDocument.encode(tenant)
        try await write { db in
            try await db.execute(
                "INSERT INTO tenant (id, parent_id, value) VALUES (\(tenant.id.rawValue), \(tenant.parentID?.rawValue), \(value)::jsonb)"
            ) { violation in
                switch violation.kind {
                case .unique: .duplicate("tenant", tenant.id)
                case .foreignKey: .notFound("tenant", tenant.parentID?.rawValue ?? "")
                case .check: nil
                }
            }
        }
    }

    public func tenant(_ id: TenantID) async throws -> Tenant {
        let tenant = try await read { db in
            try await db.fetchValue(Tenant.self, "SELECT value::text FROM tenant WHERE id = \(id.rawValue)")
        }
        guard let tenant else { throw ParticipationError.notFound("tenant", id) }
        return tenant
    }

    public func tenants() async throws -> [Tenant] {
        try await read { db in
            try await db.fetchValues(Tenant.self, "SELECT value::text FROM tenant ORDER BY id")
        }
    }

    public func updateTenant(_ tenant: Tenant, audit: AuditEntry) async throws {
        let value = try StoredDocument.encode(tenant)
        try await write { db in
            if let parent = tenant.parentID, try await !db.tenantExists(parent) {
                throw ParticipationError.notFound("tenant", parent)
            }
            let changed = try await db.rowCount("""
                UPDATE tenant SET parent_id = \(tenant.parentID?.rawValue), value = \(value)::jsonb
                WHERE id = \(tenant.id.rawValue) RETURNING 1
                """)
            guard changed == 1 else { throw ParticipationError.notFound("tenant", tenant.id) }
            try await db.insertAudit(audit)
        }
    }
}
