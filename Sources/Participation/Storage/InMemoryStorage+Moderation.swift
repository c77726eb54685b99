extension InMemoryStorage {
    /// The tables of the moderation requirements.
    struct ModerationTables: Sendable {
        var states: [Scoped<ModeratedItem>: ModerationState] = [:]
        var reports: [Scoped<ModeratedItem>: [ContentReport]] = [:]
        var blocks: [Scoped<ParticipantID>: ParticipantBlock] = [:]
    }

    /// Throws `notFound` unless the item exists in `tenant`.
    func requireItem(_ item: ModeratedItem, _ tenant: TenantID) throws {
        switch item {
        case .proposition(let id): _ = try storedProposition(id, tenant)
        case .comment(let id): _ = try storedComment(id, tenant)
        case .petition(let id): _ = try storedPetition(id, tenant)
        case .opinion(let proposition, let participant):
            guard contributions.opinions[Pair(tenant: tenant, first: proposition, second: participant)] != nil else {
                throw ParticipationError.notFound("opinion", item)
            }
        }
    }

    public func recordReport(_ report: ContentReport, initial: ModerationState, threshold: Int) throws -> ReportReceipt {
        let tenant = report.tenantID
        try requireItem(report.item, tenant)
        _ = try storedParticipant(report.reporterID, tenant)
        let key = Scoped(tenant: tenant, id: report.item)
        if moderation.reports[key, default: []].contains(where: { $0.reporterID == report.reporterID }) {
            throw ParticipationError(.duplicate, "participant '\(report.reporterID)' already reported \(report.item)")
        }
        let result = (moderation.states[key] ?? initial).addingReport(at: report.at, threshold: threshold)
        var state = result.state
        state.revision += 1
        moderation.reports[key, default: []].append(report)
        moderation.states[key] = state
        return ReportReceipt(state: state, hidItem: result.hidItem)
    }

    public func updateModerationState(_ state: ModerationState, audit entry: AuditEntry?) throws -> ModerationState {
        try requireItem(state.item, state.tenantID)
        let key = Scoped(tenant: state.tenantID, id: state.item)
        let stored = moderation.states[key]?.revision ?? 0
        guard stored == state.revision else {
            throw ParticipationError(.conflict, "the moderation of \(state.item) changed since it was read")
        }
        try checkAudit(entry)
        var updated = state
        updated.revision += 1
        moderation.states[key] = updated
        write(entry)
        return updated
    }

    public func moderationState(of item: ModeratedItem, in tenant: TenantID) throws -> ModerationState? {
        try requireItem(item, tenant)
        return moderation.states[Scoped(tenant: tenant, id: item)]
    }

    public func moderationStates(of process: ProcessID, in tenant: TenantID) throws -> [ModerationState] {
        _ = try storedProcess(process, tenant)
        return moderation.states.values.filter { $0.tenantID == tenant && $0.processID == process }
            .sorted { $0.item.description < $1.item.description }
    }

    public func moderationQueue(in tenant: TenantID, limit: Int) -> [ModerationState] {
        Array(
            moderation.states.values.filter { $0.tenantID == tenant && $0.needsModerator }
                .sorted { ($0.since, $0.item.description) < ($1.since, $1.item.description) }
                .prefix(max(0, limit)))
    }

    public func reports(on item: ModeratedItem, in tenant: TenantID) throws -> [ContentReport] {
        try requireItem(item, tenant)
        return moderation.reports[Scoped(tenant: tenant, id: item)] ?? []
    }

    public func insertBlock(_ block: ParticipantBlock, audit entry: AuditEntry) throws {
        _ = try storedParticipant(block.participantID, block.tenantID)
        try checkAudit(entry)
        moderation.blocks[Scoped(tenant: block.tenantID, id: block.participantID)] = block
        write(entry)
    }

    public func deleteBlock(of participant: ParticipantID, in tenant: TenantID, audit entry: AuditEntry) throws
        -> ParticipantBlock
    {
        _ = try storedParticipant(participant, tenant)
        let key = Scoped(tenant: tenant, id: participant)
        guard let block = moderation.blocks[key] else { throw ParticipationError.notFound("block of participant", participant) }
        try checkAudit(entry)
        moderation.blocks[key] = nil
        write(entry)
        return block
    }

    public func block(of participant: ParticipantID, in tenant: TenantID) throws -> ParticipantBlock? {
        _ = try storedParticipant(participant, tenant)
        return moderation.blocks[Scoped(tenant: tenant, id: participant)]
    }

    public func blocks(in tenant: TenantID) -> [ParticipantBlock] {
        moderation.blocks.values.filter { $0.tenantID == tenant }.sorted { $0.participantID < $1.participantID }
    }
}
