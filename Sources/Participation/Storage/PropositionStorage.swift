/// Stores propositions with their versions and public status history.
public protocol PropositionStorage: Sendable {
    /// Stores a new proposition with its first version and first status entry.
    /// - Throws: `notFound` (tenant or process); `duplicate` (id).
    func insertProposition(_ proposition: Proposition, version: PropositionVersion, status: StatusChange)
        async throws

    /// The proposition with this id.
    /// - Throws: `notFound`.
    func proposition(_ id: PropositionID, in tenant: TenantID) async throws -> Proposition

    /// A process's propositions, ordered by id.
    /// - Throws: `notFound` (process).
    func propositions(of process: ProcessID, in tenant: TenantID) async throws -> [Proposition]

    /// Replaces the proposition if its stored revision still equals `proposition.revision`,
    /// stores it with revision + 1, and in the same transaction appends `version` (a new text
    /// version), `status` (a status history entry) and `audit` when given. Returns the stored value.
    /// - Throws: `notFound`; `conflict` if the stored revision differs.
    func updateProposition(
        _ proposition: Proposition, version: PropositionVersion?, status: StatusChange?, audit: AuditEntry?
    ) async throws -> Proposition

    /// Every version, oldest first.
    /// - Throws: `notFound`.
    func versions(of proposition: PropositionID, in tenant: TenantID) async throws -> [PropositionVersion]

    /// The public status history, oldest first.
    /// - Throws: `notFound`.
    func statusHistory(of proposition: PropositionID, in tenant: TenantID) async throws -> [StatusChange]

    /// How many published propositions of the process await review
    /// (``Proposition/awaitsReview``).
    func unreviewedPropositionCount(of process: ProcessID, in tenant: TenantID) async throws -> Int
}
