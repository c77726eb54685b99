/// Stores processes with their phases and rules.
public protocol ProcessStorage: Sendable {
    /// Stores a new process (its `revision` is stored as 0) and appends `audit`.
    /// - Throws: `notFound` (tenant); `duplicate` (id).
    func insertProcess(_ process: ParticipatoryProcess, audit: AuditEntry) async throws

    /// The process with this id.
    /// - Throws: `notFound`.
    func process(_ id: ProcessID, in tenant: TenantID) async throws -> ParticipatoryProcess

    /// The tenant's processes, ordered by id.
    func processes(in tenant: TenantID) async throws -> [ParticipatoryProcess]

    /// Replaces the process if its stored revision still equals `process.revision`, stores it
    /// with revision + 1, appends `audit`, and returns the stored value.
    /// - Throws: `notFound`; `conflict` if the stored revision differs (someone changed it since
    ///   it was read).
    func updateProcess(_ process: ParticipatoryProcess, audit: AuditEntry) async throws -> ParticipatoryProcess
}
