extension InMemoryStorage {
    public func appendRealisationEvent(_ event: RealisationEvent, at position: Int, audit entry: AuditEntry) throws {
        _ = try storedProposition(event.propositionID, event.tenantID)
        let key = Scoped(tenant: event.tenantID, id: event.propositionID)
        if realisationEventIDs.contains(Scoped(tenant: event.tenantID, id: event.id)) {
            throw ParticipationError.duplicate("realisation event", event.id)
        }
        let count = realisationByKey[key]?.count ?? 0
        guard count == position else {
            throw ParticipationError(
                .conflict, "the timeline of '\(event.propositionID)' changed since it was read (\(count) events, not \(position))")
        }
        try checkAudit(entry)
        realisationByKey[key, default: []].append(event)
        realisationEventIDs.insert(Scoped(tenant: event.tenantID, id: event.id))
        write(entry)
    }

    public func realisationEvents(of proposition: PropositionID, in tenant: TenantID) throws -> [RealisationEvent] {
        _ = try storedProposition(proposition, tenant)
        return realisationByKey[Scoped(tenant: tenant, id: proposition)] ?? []
    }
}
