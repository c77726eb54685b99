/// Syntheses of consultations and the theme tags on contributions.
public protocol SynthesisStorage: Sendable {
    /// Stores a new synthesis (its revision stored as 0) with its audit entry.
    /// - Throws: `notFound` (process); `duplicate` (id or audit entry id).
    func insertSynthesis(_ synthesis: Synthesis, audit: AuditEntry) async throws

    /// Replaces a synthesis if its revision is the stored one; returns it with the revision
    /// incremented. The audit entry is written with the change.
    /// - Throws: `notFound`; `conflict` (stale revision); `duplicate` (audit entry id).
    func updateSynthesis(_ synthesis: Synthesis, audit: AuditEntry) async throws -> Synthesis

    /// - Throws: `notFound`, also for another tenant's synthesis.
    func synthesis(_ id: SynthesisID, in tenant: TenantID) async throws -> Synthesis

    /// The syntheses of a process, in id order, whatever their state.
    /// - Throws: `notFound` (process).
    func syntheses(of process: ProcessID, in tenant: TenantID) async throws -> [Synthesis]

    /// Stores a tag.
    /// - Throws: `notFound` (process, tagger, or a contribution that is not in the process);
    ///   `duplicate` when the tagger already put this tag on this contribution.
    func insertContributionTag(_ tag: ContributionTag) async throws

    /// Removes the tag `tag` that `tagger` put on `contribution`.
    /// - Throws: `notFound` when there is no such tag.
    func deleteContributionTag(
        _ tag: String, on contribution: ContributionReference, by tagger: ParticipantID, process: ProcessID,
        in tenant: TenantID
    ) async throws

    /// The tags of a process's contributions, ordered by contribution, tag, then tagger.
    /// - Throws: `notFound` (process).
    func contributionTags(of process: ProcessID, in tenant: TenantID) async throws -> [ContributionTag]
}

extension Array where Element == ContributionTag {
    /// The order ``SynthesisStorage/contributionTags(of:in:)`` returns.
    public func sortedForStorage() -> [ContributionTag] {
        sorted { ($0.contribution.description, $0.tag, $0.taggedBy.rawValue) < ($1.contribution.description, $1.tag, $1.taggedBy.rawValue) }
    }
}
