extension ParticipationService {
    /// Creates a tenant. This is the host's bootstrap act (there is no staff yet to authorize).
    /// - Throws: `invalidInput` (name, districts), `notFound` (parent), `duplicate`.
    public func createTenant(
        id: TenantID? = nil, name: String, kind: Tenant.Kind, parentID: TenantID? = nil, districts: [District] = []
    ) async throws -> Tenant {
        let name = try Validate.text(name, field: "name")
        try Self.validateDistricts(districts)
        let tenant = Tenant(
            id: id ?? TenantID(rawValue: ids.next(prefix: "tenant")), name: name, kind: kind, parentID: parentID,
            districts: districts)
        try await storage.insertTenant(tenant)
        return tenant
    }

    /// Every tenant of the store, ordered by id: the platform's public directory of collectivités.
    public func tenants() async throws -> [Tenant] {
        try await storage.tenants()
    }

    /// The tenant, readable by anyone.
    /// - Throws: `notFound`.
    public func tenant(_ id: TenantID) async throws -> Tenant {
        try await storage.tenant(id)
    }

    /// Replaces the tenant's districts. A district that a budget's vote is split by stays once
    /// that vote has opened. Administrators only; audited.
    /// - Throws: `invalidInput` (`districts`); `rulesLocked` (removing a district of an opened vote).
    public func setDistricts(_ districts: [District], by caller: Caller) async throws -> Tenant {
        try await authorize(caller, for: .manageTenant)
        try Self.validateDistricts(districts)
        var tenant = try await storage.tenant(caller.tenantID)
        let kept = Set(districts.map(\.id))
        for process in try await storage.processes(in: caller.tenantID) {
            let split = Set((process.budget?.districtEnvelopes.keys).map(Array.init) ?? [])
            if !split.isSubset(of: kept) { try process.requireUnlocked(.tenantDistricts) }
        }
        tenant.districts = districts
        let entry = auditEntry(
            by: caller, action: "tenant.districts-changed", subject: "tenant:\(tenant.id)",
            details: ["districts": districts.map(\.id.rawValue).joined(separator: ",")])
        try await storage.updateTenant(tenant, audit: entry)
        return tenant
    }

    static func validateDistricts(_ districts: [District]) throws {
        var seen: Set<DistrictID> = []
        for district in districts {
            _ = try Validate.text(district.name, field: "districts.name")
            guard seen.insert(district.id).inserted else {
                throw ParticipationError.invalid("districts", "district id '\(district.id)' appears twice")
            }
        }
    }
}
