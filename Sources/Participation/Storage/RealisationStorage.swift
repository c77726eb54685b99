/// Stores the realisation timelines of retained projects.
public protocol RealisationStorage: Sendable {
    /// Appends `event` to its proposition's timeline, and `audit`, in one transaction, if the
    /// timeline still holds exactly `position` events (optimistic concurrency: two agents
    /// recording at once cannot both append after the same last event).
    /// - Throws: `notFound` (tenant or proposition); `duplicate` (event id or audit id);
    ///   `conflict` if the timeline no longer holds `position` events.
    func appendRealisationEvent(_ event: RealisationEvent, at position: Int, audit: AuditEntry) async throws

    /// The proposition's realisation events, oldest first (empty when none was recorded).
    /// - Throws: `notFound` (proposition).
    func realisationEvents(of proposition: PropositionID, in tenant: TenantID) async throws -> [RealisationEvent]
}
