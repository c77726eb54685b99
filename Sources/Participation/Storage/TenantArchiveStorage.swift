/// A whole tenant out of and into a store: the vendor-change export and import.
public protocol TenantArchiveStorage: Sendable {
    /// Every row of the tenant, read in one transaction (a consistent snapshot), normalised
    /// (``TenantArchive/normalised()``).
    /// - Throws: `notFound` (tenant).
    func tenantArchive(of tenant: TenantID) async throws -> TenantArchive

    /// Loads `archive` in one transaction: everything or nothing. Rows keep their ids,
    /// revisions, dates and order, so exporting the imported tenant gives the same archive.
    /// - Throws: `duplicate` if the store already has the tenant; `notFound` if the archive's
    ///   parent tenant is missing; `invalidInput` when ``TenantArchive/validate()`` refuses it
    ///   (another format, a row of another tenant, a reference to a missing row).
    func importTenantArchive(_ archive: TenantArchive) async throws
}
