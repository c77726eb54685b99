/// A complete ``ParticipationStorage`` in memory: for tests, simulations and prototypes.
///
/// An actor, so each requirement runs alone and is trivially atomic: requirements validate
/// everything before they change anything.
public actor InMemoryStorage: ParticipationStorage {
    var tenantsByID: [TenantID: Tenant] = [:]
    var participantsByKey: [Scoped<ParticipantID>: Participant] = [:]
    var identityKeys: [Scoped<String>: ParticipantID] = [:]
    var charters: [TenantID: [Charter]] = [:]
    var acceptances: [Scoped<ParticipantID>: CharterAcceptance] = [:]
    var processesByKey: [Scoped<ProcessID>: ParticipatoryProcess] = [:]
    var audit: [TenantID: [AuditEntry]] = [:]
    var auditIDs: Set<Scoped<AuditEntryID>> = []
    var propositionsByKey: [Scoped<PropositionID>: Proposition] = [:]
    var versionsByKey: [Scoped<PropositionID>: [PropositionVersion]] = [:]
    var statusesByKey: [Scoped<PropositionID>: [StatusChange]] = [:]
    var ballotsByVoter: [VoterKey: Ballot] = [:]
    var ballotIDs: Set<Scoped<BallotID>> = []
    var conflicts: [Scoped<ProcessID>: [BallotConflict]] = [:]
    var realisationByKey: [Scoped<PropositionID>: [RealisationEvent]] = [:]
    var realisationEventIDs: Set<Scoped<RealisationEventID>> = []
    var followsByKey: [Scoped<String>: Follow] = [:]
    var frequencies: [Scoped<ParticipantID>: NotificationFrequency] = [:]
    var outbox: [Notification] = []
    var outboxKeys: Set<String> = []
    var newsByProcess: [Scoped<ProcessID>: [NewsPost]] = [:]
    var synthesesByKey: [Scoped<SynthesisID>: Synthesis] = [:]
    /// Contribution tags by tenant and ``ContributionTag/key``.
    var tagsByKey: [Scoped<String>: ContributionTag] = [:]
    /// Supports, opinions, comments, petitions, votations and questionnaires
    /// (`InMemoryStorage+Contributions.swift`).
    var contributions = ContributionTables()
    /// Moderation states, reports and blocks (`InMemoryStorage+Moderation.swift`).
    var moderation = ModerationTables()

    /// Creates an empty store.
    public init() {}

    /// An id qualified by its tenant: the key of every tenant-scoped table.
    struct Scoped<ID: Hashable & Sendable>: Hashable, Sendable {
        let tenant: TenantID
        let id: ID
    }

    /// One counted ballot per voter and process.
    struct VoterKey: Hashable, Sendable {
        let tenant: TenantID
        let process: ProcessID
        let voter: ParticipantID
    }

    func requireTenant(_ id: TenantID) throws {
        guard tenantsByID[id] != nil else { throw ParticipationError.notFound("tenant", id) }
    }

    func storedParticipant(_ id: ParticipantID, _ tenant: TenantID) throws -> Participant {
        guard let participant = participantsByKey[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("participant", id)
        }
        return participant
    }

    func storedProcess(_ id: ProcessID, _ tenant: TenantID) throws -> ParticipatoryProcess {
        guard let process = processesByKey[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("process", id)
        }
        return process
    }

    func storedProposition(_ id: PropositionID, _ tenant: TenantID) throws -> Proposition {
        guard let proposition = propositionsByKey[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("proposition", id)
        }
        return proposition
    }

    func checkAudit(_ entry: AuditEntry?) throws {
        guard let entry else { return }
        try requireTenant(entry.tenantID)
        if auditIDs.contains(Scoped(tenant: entry.tenantID, id: entry.id)) {
            throw ParticipationError.duplicate("audit entry", entry.id)
        }
    }

    func write(_ entry: AuditEntry?) {
        guard let entry else { return }
        auditIDs.insert(Scoped(tenant: entry.tenantID, id: entry.id))
        audit[entry.tenantID, default: []].append(entry)
    }
}

extension InMemoryStorage {
    public func insertTenant(_ tenant: Tenant) throws {
        if tenantsByID[tenant.id] != nil { throw ParticipationError.duplicate("tenant", tenant.id) }
        if let parent = tenant.parentID { try requireTenant(parent) }
        tenantsByID[tenant.id] = tenant
    }

    public func tenant(_ id: TenantID) throws -> Tenant {
        guard let tenant = tenantsByID[id] else { throw ParticipationError.notFound("tenant", id) }
        return tenant
    }

    public func tenants() -> [Tenant] { tenantsByID.values.sorted { $0.id < $1.id } }

    public func updateTenant(_ tenant: Tenant, audit entry: AuditEntry) throws {
        try requireTenant(tenant.id)
        try checkAudit(entry)
        tenantsByID[tenant.id] = tenant
        write(entry)
    }
}

extension InMemoryStorage {
    public func insertParticipant(_ participant: Participant) throws {
        try requireTenant(participant.tenantID)
        let key = Scoped(tenant: participant.tenantID, id: participant.id)
        if participantsByKey[key] != nil { throw ParticipationError.duplicate("participant", participant.id) }
        participantsByKey[key] = participant
    }

    /// Checks the whole batch before storing any of it, so a refused batch stores nothing.
    public func insertParticipants(_ participants: [Participant]) throws {
        var seen: Set<Scoped<ParticipantID>> = []
        for participant in participants {
            try requireTenant(participant.tenantID)
            let key = Scoped(tenant: participant.tenantID, id: participant.id)
            guard participantsByKey[key] == nil, seen.insert(key).inserted else {
                throw ParticipationError.duplicate("participant", participant.id)
            }
        }
        for participant in participants { participantsByKey[Scoped(tenant: participant.tenantID, id: participant.id)] = participant }
    }

    public func participant(_ id: ParticipantID, in tenant: TenantID) throws -> Participant {
        try storedParticipant(id, tenant)
    }

    public func participantStandings(_ ids: [ParticipantID], in tenant: TenantID) -> [ParticipantID: ParticipantStanding] {
        var standings: [ParticipantID: ParticipantStanding] = [:]
        for id in ids {
            let key = Scoped(tenant: tenant, id: id)
            guard standings[id] == nil, let participant = participantsByKey[key] else { continue }
            standings[id] = ParticipantStanding(participant: participant, block: moderation.blocks[key])
        }
        return standings
    }

    public func participants(in tenant: TenantID, after: ParticipantID?, limit: Int) -> [Participant] {
        participantsByKey.values
            .filter { participant in participant.tenantID == tenant && after.map { participant.id > $0 } ?? true }
            .sorted { $0.id < $1.id }
            .prefix(max(0, limit))
            .map { $0 }
    }

    public func updateParticipant(_ participant: Participant, audit entry: AuditEntry?) throws {
        _ = try storedParticipant(participant.id, participant.tenantID)
        try checkAudit(entry)
        participantsByKey[Scoped(tenant: participant.tenantID, id: participant.id)] = participant
        write(entry)
    }

    public func recordVerification(
        _ identity: VerifiedIdentity, of id: ParticipantID, in tenant: TenantID, audit entry: AuditEntry
    ) throws {
        var participant = try storedParticipant(id, tenant)
        let key = Scoped(tenant: tenant, id: identity.identityKey)
        if let holder = identityKeys[key], holder != id {
            throw ParticipationError(
                .duplicate, "this identity is already bound to another participant of the tenant", field: "reference")
        }
        try checkAudit(entry)
        participant.verification = identity.level
        participant.profile = identity.profile
        participantsByKey[Scoped(tenant: tenant, id: id)] = participant
        identityKeys[key] = id
        write(entry)
    }
}

extension InMemoryStorage {
    public func insertCharter(_ charter: Charter, audit entry: AuditEntry) throws {
        try requireTenant(charter.tenantID)
        let next = (charters[charter.tenantID]?.last?.version ?? 0) + 1
        guard charter.version == next else {
            throw ParticipationError(.conflict, "charter version must be \(next), got \(charter.version)", field: "version")
        }
        try checkAudit(entry)
        charters[charter.tenantID, default: []].append(charter)
        write(entry)
    }

    public func currentCharter(in tenant: TenantID) -> Charter? { charters[tenant]?.last }

    public func recordAcceptance(_ acceptance: CharterAcceptance) throws {
        _ = try storedParticipant(acceptance.participantID, acceptance.tenantID)
        guard charters[acceptance.tenantID]?.contains(where: { $0.version == acceptance.version }) == true else {
            throw ParticipationError.notFound("charter version", acceptance.version)
        }
        let key = Scoped(tenant: acceptance.tenantID, id: acceptance.participantID)
        // Keeps the highest version accepted, with the date it was accepted.
        if acceptance.version > acceptances[key]?.version ?? 0 { acceptances[key] = acceptance }
    }

    public func acceptedCharterVersion(of participant: ParticipantID, in tenant: TenantID) throws -> Int? {
        _ = try storedParticipant(participant, tenant)
        return acceptances[Scoped(tenant: tenant, id: participant)]?.version
    }
}

extension InMemoryStorage {
    public func insertProcess(_ process: ParticipatoryProcess, audit entry: AuditEntry) throws {
        try requireTenant(process.tenantID)
        let key = Scoped(tenant: process.tenantID, id: process.id)
        if processesByKey[key] != nil { throw ParticipationError.duplicate("process", process.id) }
        try checkAudit(entry)
        var stored = process
        stored.revision = 0
        processesByKey[key] = stored
        write(entry)
    }

    public func process(_ id: ProcessID, in tenant: TenantID) throws -> ParticipatoryProcess {
        try storedProcess(id, tenant)
    }

    public func processes(in tenant: TenantID) -> [ParticipatoryProcess] {
        processesByKey.values.filter { $0.tenantID == tenant }.sorted { $0.id < $1.id }
    }

    public func updateProcess(_ process: ParticipatoryProcess, audit entry: AuditEntry) throws -> ParticipatoryProcess {
        let stored = try storedProcess(process.id, process.tenantID)
        guard stored.revision == process.revision else {
            throw ParticipationError(
                .conflict, "process '\(process.id)' changed since it was read (revision \(stored.revision), not \(process.revision))")
        }
        try checkAudit(entry)
        var updated = process
        updated.revision += 1
        processesByKey[Scoped(tenant: process.tenantID, id: process.id)] = updated
        write(entry)
        return updated
    }
}

extension InMemoryStorage {
    public func appendAudit(_ entry: AuditEntry) throws {
        try checkAudit(entry)
        write(entry)
    }

    public func auditEntries(in tenant: TenantID, subject: String?) -> [AuditEntry] {
        let entries = audit[tenant] ?? []
        guard let subject else { return entries }
        return entries.filter { $0.subject == subject }
    }
}

extension InMemoryStorage {
    public func insertProposition(_ proposition: Proposition, version: PropositionVersion, status: StatusChange) throws {
        _ = try storedProcess(proposition.processID, proposition.tenantID)
        let key = Scoped(tenant: proposition.tenantID, id: proposition.id)
        if propositionsByKey[key] != nil { throw ParticipationError.duplicate("proposition", proposition.id) }
        var stored = proposition
        stored.revision = 0
        propositionsByKey[key] = stored
        versionsByKey[key] = [version]
        statusesByKey[key] = [status]
    }

    public func proposition(_ id: PropositionID, in tenant: TenantID) throws -> Proposition {
        try storedProposition(id, tenant)
    }

    public func propositions(of process: ProcessID, in tenant: TenantID) throws -> [Proposition] {
        _ = try storedProcess(process, tenant)
        return propositionsByKey.values.filter { $0.tenantID == tenant && $0.processID == process }.sorted { $0.id < $1.id }
    }

    public func updateProposition(
        _ proposition: Proposition, version: PropositionVersion?, status: StatusChange?, audit entry: AuditEntry?
    ) throws -> Proposition {
        let stored = try storedProposition(proposition.id, proposition.tenantID)
        guard stored.revision == proposition.revision else {
            throw ParticipationError(.conflict, "proposition '\(proposition.id)' changed since it was read")
        }
        try checkAudit(entry)
        let key = Scoped(tenant: proposition.tenantID, id: proposition.id)
        var updated = proposition
        updated.revision += 1
        propositionsByKey[key] = updated
        if let version { versionsByKey[key, default: []].append(version) }
        if let status { statusesByKey[key, default: []].append(status) }
        write(entry)
        return updated
    }

    public func versions(of proposition: PropositionID, in tenant: TenantID) throws -> [PropositionVersion] {
        _ = try storedProposition(proposition, tenant)
        return versionsByKey[Scoped(tenant: tenant, id: proposition)] ?? []
    }

    public func statusHistory(of proposition: PropositionID, in tenant: TenantID) throws -> [StatusChange] {
        _ = try storedProposition(proposition, tenant)
        return statusesByKey[Scoped(tenant: tenant, id: proposition)] ?? []
    }

    public func unreviewedPropositionCount(of process: ProcessID, in tenant: TenantID) -> Int {
        propositionsByKey.values.filter { $0.tenantID == tenant && $0.processID == process && $0.awaitsReview }.count
    }
}

extension InMemoryStorage {
    public func castBallot(_ ballot: Ballot) throws -> BallotCastOutcome {
        _ = try storedProcess(ballot.processID, ballot.tenantID)
        _ = try storedParticipant(ballot.voterID, ballot.tenantID)
        if ballotIDs.contains(Scoped(tenant: ballot.tenantID, id: ballot.id)) {
            throw ParticipationError.duplicate("ballot", ballot.id)
        }
        let key = VoterKey(tenant: ballot.tenantID, process: ballot.processID, voter: ballot.voterID)
        let existing = ballotsByVoter[key].map { CountedBallotHeader(id: $0.id, channel: $0.channel, scope: $0.scope) }
        switch BallotCastDecision.deciding(ballot, existing: existing) {
        case .insert:
            ballotsByVoter[key] = ballot
            ballotIDs.insert(Scoped(tenant: ballot.tenantID, id: ballot.id))
            return .cast
        case .replace(let replaced):
            ballotsByVoter[key] = ballot
            ballotIDs.insert(Scoped(tenant: ballot.tenantID, id: ballot.id))
            return .replaced(replaced)
        case .refuse(let conflict):
            conflicts[Scoped(tenant: ballot.tenantID, id: ballot.processID), default: []].append(conflict)
            return .refusedDuplicate(conflict)
        }
    }

    public func withdrawBallot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) throws -> Ballot {
        let key = VoterKey(tenant: tenant, process: process, voter: voter)
        guard let existing = ballotsByVoter[key] else { throw ParticipationError.notFound("ballot of participant", voter) }
        guard existing.channel.isRevisable else {
            throw ParticipationError(.forbidden, "a \(existing.channel.name) ballot cannot be withdrawn")
        }
        ballotsByVoter[key] = nil
        return existing
    }

    public func ballot(of voter: ParticipantID, process: ProcessID, in tenant: TenantID) -> Ballot? {
        ballotsByVoter[VoterKey(tenant: tenant, process: process, voter: voter)]
    }

    public func ballots(of process: ProcessID, in tenant: TenantID, after: BallotID?, limit: Int) -> [Ballot] {
        ballotsByVoter.values
            .filter { ballot in ballot.tenantID == tenant && ballot.processID == process && after.map { ballot.id > $0 } ?? true }
            .sorted { $0.id < $1.id }
            .prefix(max(0, limit))
            .map { $0 }
    }

    /// One pass over the process's ballots, sorted once (the default reads pages, and each
    /// page sorts the whole table here).
    public func ballotProfiles(of process: ProcessID, in tenant: TenantID) -> [BallotProfile] {
        var profiles: [DistrictID?: BallotProfile] = [:]
        let ballots = ballotsByVoter.values.filter { $0.tenantID == tenant && $0.processID == process }.sorted { $0.id < $1.id }
        for ballot in ballots { profiles[ballot.scope, default: BallotProfile(scope: ballot.scope)].append(ballot.choices) }
        return profiles.values.sorted(by: BallotProfile.scopeOrder)
    }

    public func ballotCounts(of process: ProcessID, in tenant: TenantID) -> [String: Int] {
        var counts: [String: Int] = [:]
        for ballot in ballotsByVoter.values where ballot.tenantID == tenant && ballot.processID == process {
            counts[ballot.channel.name, default: 0] += 1
        }
        return counts
    }

    public func ballotConflicts(of process: ProcessID, in tenant: TenantID) -> [BallotConflict] {
        conflicts[Scoped(tenant: tenant, id: process)] ?? []
    }
}
