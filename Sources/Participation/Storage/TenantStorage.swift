/// Stores tenants (collectivités). Tenants are the one thing not scoped by a tenant.
public protocol TenantStorage: Sendable {
    /// Stores a new tenant.
    /// - Throws: `duplicate` if the id is taken; `notFound` if `parentID` names no tenant.
    func insertTenant(_ tenant: Tenant) async throws

    /// The tenant with this id.
    /// - Throws: `notFound`.
    func tenant(_ id: TenantID) async throws -> Tenant

    /// All tenants, ordered by id.
    func tenants() async throws -> [Tenant]

    /// Replaces a tenant's stored value (name, kind, districts) and appends `audit`.
    /// - Throws: `notFound`.
    func updateTenant(_ tenant: Tenant, audit: AuditEntry) async throws
}
