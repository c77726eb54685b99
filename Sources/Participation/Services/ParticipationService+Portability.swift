#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// The whole tenant as one canonical JSON document (see ``TenantArchive`` and
    /// `Docs/PORTABILITY.md`): what a collectivité takes to another vendor. It holds personal
    /// data: hand it over as such. Administrators only; audited (the entry is written before
    /// the read, so the export contains its own audit entry).
    /// - Throws: `forbidden`; `notFound`.
    public func exportTenant(by caller: Caller) async throws -> [UInt8] {
        try await authorize(caller, for: .exportData)
        try await storage.appendAudit(auditEntry(by: caller, action: "tenant.exported", subject: "tenant:\(caller.tenantID)"))
        return try CanonicalJSONEncoder().encode(try await storage.tenantArchive(of: caller.tenantID))
    }

    /// Loads a tenant exported by ``exportTenant(by:)`` into this store, which must not have it
    /// yet: all or nothing, in one storage transaction. The host calls it when it sets up the
    /// tenant (there is no caller yet: restrict who may reach it). Returns the imported tenant.
    /// - Throws: `invalidInput` (not an archive, another format, an inconsistent archive);
    ///   `duplicate` (the tenant exists); `notFound` (its parent tenant is missing).
    @discardableResult
    public func importTenant(_ json: [UInt8]) async throws -> Tenant {
        let archive: TenantArchive
        do {
            archive = try JSONDecoder().decode(TenantArchive.self, from: Data(json))
        } catch {
            throw ParticipationError.invalid("archive", "not a tenant archive: \(error)")
        }
        try await storage.importTenantArchive(archive)
        return archive.tenant
    }
}
