import Participation

// MARK: - TenantStorage

extension SQLiteStore {
    public func insertTenant(_ tenant: Tenant) async throws {
        let value = try StoredValue.encode(tenant)
        try await write { db in
            try db.execute(
                sql: "INSERT INTO tenant (id, parent_id, value) VALUES (?, ?, ?)",
                arguments: [tenant.id.argument, tenant.parentID.argument(), .text(value)]
            ) { code in
                switch code {
                case .constraintPrimaryKey: .duplicate("tenant", tenant.id)
                case .constraintForeignKey: .notFound("tenant", tenant.parentID?.rawValue ?? "")
                default: nil
                }
            }
        }
    }

    public func tenant(_ id: TenantID) async throws -> Tenant {
        let tenant = try await read { db in
            try db.fetchValue(Tenant.self, sql: "SELECT value FROM tenant WHERE id = ?", arguments: [id.argument])
        }
        guard let tenant else { throw ParticipationError.notFound("tenant", id) }
        return tenant
    }

    public func tenants() async throws -> [Tenant] {
        try await read { db in
            try db.fetchValues(Tenant.self, sql: "SELECT value FROM tenant ORDER BY id", arguments: [])
        }
    }

    public func updateTenant(_ tenant: Tenant, audit: AuditEntry) async throws {
        let value = try StoredValue.encode(tenant)
        try await write { db in
            try db.execute(
                sql: "UPDATE tenant SET parent_id = ?, value = ? WHERE id = ?",
                arguments: [tenant.parentID.argument(), .text(value), tenant.id.argument]
            ) { code in
                code == .constraintForeignKey ? .notFound("tenant", tenant.parentID?.rawValue ?? "") : nil
            }
            guard db.changedRowCount == 1 else { throw ParticipationError.notFound("tenant", tenant.id) }
            try db.insertAudit(audit)
        }
    }
}
