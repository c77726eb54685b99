/// Reads the audit log. Entries are appended by the writes that carry them, and by
/// ``appendAudit(_:)`` for acts that change nothing else.
public protocol AuditStorage: Sendable {
    /// Appends one entry.
    /// - Throws: `notFound` (tenant); `duplicate` (entry id).
    func appendAudit(_ entry: AuditEntry) async throws

    /// The tenant's entries in the order they were written, optionally only those about
    /// `subject`.
    func auditEntries(in tenant: TenantID, subject: String?) async throws -> [AuditEntry]
}
