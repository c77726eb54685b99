/// Stores each process's contribution rules (reviewing body, tenant reasons and statuses,
/// support rules).
public protocol ContributionRulesStorage: Sendable {
    /// Replaces the rules of `rules.processID` and appends `audit`.
    /// - Throws: `notFound` (process).
    func setContributionRules(_ rules: ContributionRules, audit: AuditEntry) async throws

    /// The process's rules, or `ContributionRules(processID:tenantID:)` when none were set.
    /// - Throws: `notFound` (process).
    func contributionRules(of process: ProcessID, in tenant: TenantID) async throws -> ContributionRules
}
