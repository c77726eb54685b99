extension ParticipationService {
    /// Sets a participatory budget's envelope, district split, categories and cycle; refused once
    /// the vote has opened. Administrators only; audited.
    public func setBudgetSettings(_ settings: BudgetSettings, of processID: ProcessID, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        guard process.kind == .participatoryBudget else {
            throw ParticipationError.invalid("kind", "process '\(processID)' is not a participatory budget")
        }
        try process.requireUnlocked(.budgetSettings)
        try Self.validate(settings, in: try await storage.tenant(caller.tenantID))
        process.budget = settings
        return try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "budget.changed", subject: "process:\(processID)",
                details: ["envelope": String(settings.envelope)]))
    }

    /// The projects on the ballot of `scope`, with their costs: the ballot frozen when the
    /// vote opened, or, before that, the ballot as it would be frozen now (admissible projects
    /// the public can see).
    /// - Throws: `notFound` (process); `invalidInput` (`scope`, a process without budget settings).
    public func ballotList(of processID: ProcessID, scope: DistrictID?, in tenant: TenantID) async throws -> BallotList {
        try await ballotList(of: try await storage.process(processID, in: tenant), scope: scope)
    }

    /// Casts the caller's own ballot, online or on a kiosk where they identified themselves.
    /// An earlier online ballot in the same scope is replaced (the latest counts). A voter has
    /// one ballot per process: their first ballot fixes the scope they vote in.
    /// - Throws: `invalidInput` (the exact ballot violation), `notEligible`,
    ///   `actionNotAllowedInPhase`, `charterNotAccepted`, `rulesLocked` once results are
    ///   published, or `duplicate` when the caller already voted on a channel that cannot be
    ///   revised or in another scope (the attempt is kept as a conflict for staff).
    public func castBallot(
        _ choices: [BallotChoice], scope: DistrictID? = nil, in processID: ProcessID, channel: VoteChannel = .online,
        by caller: Caller
    ) async throws -> Ballot {
        switch channel {
        case .online, .kiosk: break
        case .paper, .assisted:
            throw ParticipationError.invalid("channel", "paper and assisted ballots are recorded by an agent (recordBallot)")
        }
        // One storage call reads the process (with its frozen ballot), the voter, the charter
        // and the voter's counted ballot, runs the checks on them inside its write (so they see
        // the state the ballot is stored into), and stores the ballot. The checks read no
        // project: a cast costs the same on a ballot of 10 projects or of 1,000.
        let stamp = newBallotStamp()
        let (ballot, outcome) = try await storage.castBallot(
            of: caller.participantID, in: processID, tenant: caller.tenantID, naming: choices.map(\.propositionID)
        ) { context in
            let voter = try authorize(.vote, by: caller, context: context)
            try context.process.requireUnlocked(.ballots)
            try checkScope(scope, of: voter, counted: context.countedBallot, in: context.process)
            return try checkedBallot(
                choices, scope: scope, voter: voter, channel: channel, in: context.process,
                list: try ballotList(of: context.process, scope: scope, legacyPropositions: context.propositions), stamp: stamp)
        }
        return try Self.counted(ballot, outcome)
    }

    /// Records a ballot an agent takes for a voter: assisted on the agent's tablet, or one
    /// paper ballot. The voter must be eligible; the charter is not asked for, since the
    /// voter signs the station's register instead. Officials and administrators only; audited.
    public func recordBallot(
        _ choices: [BallotChoice], scope: DistrictID? = nil, for voterID: ParticipantID, in processID: ProcessID,
        channel: VoteChannel, by agent: Caller
    ) async throws -> Ballot {
        try await authorize(agent, for: .actForOthers)
        switch channel {
        case .assisted(let agentID), .paper(_, let agentID, _):
            guard agentID == agent.participantID else {
                throw ParticipationError.invalid("channel", "the channel must name the agent recording the ballot")
            }
        case .online, .kiosk:
            throw ParticipationError.invalid("channel", "online and kiosk ballots are cast by the voter (castBallot)")
        }
        let process = try await storage.process(processID, in: agent.tenantID)
        try process.requireUnlocked(.ballots)
        let voter = try await storage.participant(voterID, in: agent.tenantID)
        try await authorize(.vote, onBehalfOf: voter, in: process)
        let ballot = try await store(choices, scope: scope, voter: voter, channel: channel, in: process)
        try await storage.appendAudit(
            auditEntry(
                by: agent, action: "ballot.recorded", subject: "process:\(processID)",
                details: ["voter": voterID.rawValue, "channel": channel.name, "ballot": ballot.id.rawValue]))
        return ballot
    }

    /// Keys in a batch of paper ballots from one polling station. Each ballot is judged on its
    /// own: valid ones count, the others are refused with their reason (and duplicates kept as
    /// conflicts). Officials and administrators only; the batch is audited.
    /// - Throws: for the batch as a whole, before anything is stored: `forbidden`;
    ///   `invalidInput` (`station`, `batch`, a process without vote rules); `notFound`
    ///   (process); `actionNotAllowedInPhase`; `rulesLocked` once results are published. A
    ///   ballot's own problem is its outcome instead.
    public func recordPaperBatch(
        _ ballots: [PaperBallot], station: String, batch: String, in processID: ProcessID, by agent: Caller
    ) async throws -> [PaperBallotOutcome] {
        try await authorize(agent, for: .actForOthers)
        let station = try Validate.text(station, field: "station")
        let batch = try Validate.text(batch, field: "batch")
        let process = try await storage.process(processID, in: agent.tenantID)
        try process.requireUnlocked(.ballots)
        try process.requireAllowed(.vote)
        let channel = VoteChannel.paper(station: station, agentID: agent.participantID, batch: batch)
        let format = try voteRules(of: process).ballot
        // The batch's voters in one storage read, and each scope's ballot list once: the
        // per-ballot work below is then pure.
        let standings = try await storage.participantStandings(ballots.map(\.voterID), in: agent.tenantID)
        var lists: [DistrictID?: BallotList] = [:]
        var outcomes: [PaperBallotOutcome?] = Array(repeating: nil, count: ballots.count)
        var valid: [(index: Int, ballot: Ballot)] = []
        for (index, paper) in ballots.enumerated() {
            do {
                guard let standing = standings[paper.voterID] else { throw ParticipationError.notFound("participant", paper.voterID) }
                try authorize(.vote, onBehalfOf: standing, in: process)
                try checkScope(paper.scope, of: standing.participant, counted: nil, in: process)
                if lists[paper.scope] == nil { lists[paper.scope] = try await ballotList(of: process, scope: paper.scope) }
                if let violation = lists[paper.scope]?.violation(of: paper.choices, format: format) {
                    throw violation.error
                }
                valid.append(
                    (index, makeBallot(paper.choices, scope: paper.scope, voter: paper.voterID, channel: channel, in: process)))
            } catch let error as ParticipationError {
                outcomes[index] = .refused(error)
            }
        }
        let stored = await storage.castBallots(valid.map(\.ballot))
        for (entry, result) in zip(valid, stored) {
            switch result {
            case .success(.cast), .success(.replaced): outcomes[entry.index] = .counted(entry.ballot.id)
            case .success(.refusedDuplicate(let conflict)): outcomes[entry.index] = .refused(Self.duplicateError(conflict))
            case .failure(let error): outcomes[entry.index] = .refused(error)
            }
        }
        let counted = outcomes.filter { if case .counted = $0 { true } else { false } }.count
        try await storage.appendAudit(
            auditEntry(
                by: agent, action: "paper-batch.recorded", subject: "process:\(processID)",
                details: ["station": station, "batch": batch, "ballots": String(ballots.count), "counted": String(counted)]))
        // Every index got an outcome: either refused in the first loop or answered by storage.
        return outcomes.map { $0! }
    }

    /// The caller's own counted ballot in the process, whatever its channel and scope.
    /// - Throws: `notFound` (process; no ballot of the caller's); the account-state refusals
    ///   of ``AccessPolicy`` for an erased account.
    public func ownBallot(in processID: ProcessID, by caller: Caller) async throws -> Ballot {
        try await authorizeOwnRead(by: caller)
        _ = try await storage.process(processID, in: caller.tenantID)
        guard let ballot = try await storage.ballot(of: caller.participantID, process: processID, in: caller.tenantID)
        else { throw ParticipationError(.notFound, "you have no ballot in this process") }
        return ballot
    }

    /// Withdraws the caller's online ballot while the vote is open.
    /// - Throws: the errors of ``authorize(_:by:in:)``; `notFound` (no ballot); `forbidden`
    ///   (a ballot not cast online); `rulesLocked` once results are published.
    public func withdrawBallot(in processID: ProcessID, by caller: Caller) async throws -> Ballot {
        let process = try await storage.process(processID, in: caller.tenantID)
        try await authorize(.vote, by: caller, in: process)
        try process.requireUnlocked(.ballots)
        return try await storage.withdrawBallot(of: caller.participantID, process: processID, in: caller.tenantID)
    }

    /// The counts of the vote in `scope`, for the public: while the vote runs only when the
    /// budget shows live results; always once results are published.
    /// - Throws: `resultsNotPublic` otherwise.
    public func publicTally(of processID: ProcessID, scope: DistrictID? = nil, in tenant: TenantID) async throws -> BallotTally {
        let process = try await storage.process(processID, in: tenant)
        let rules = try voteRules(of: process)
        guard rules.resultsVisibility == .live || process.publishedResult != nil else {
            throw ParticipationError(.resultsNotPublic, "results of '\(process.title)' are not public until they are published")
        }
        return try await tally(of: process, scope: scope)
    }

    /// The counts of the vote in `scope`, for staff, whatever the visibility. Administrators,
    /// officials and moderators.
    public func staffTally(of processID: ProcessID, scope: DistrictID? = nil, by caller: Caller) async throws -> BallotTally {
        try await authorize(caller, for: .readAuditLog)
        return try await tally(of: try await storage.process(processID, in: caller.tenantID), scope: scope)
    }

    /// Second ballots refused across channels, for staff to review.
    public func ballotConflicts(of processID: ProcessID, by caller: Caller) async throws -> [BallotConflict] {
        try await authorize(caller, for: .readAuditLog)
        _ = try await storage.process(processID, in: caller.tenantID)
        return try await storage.ballotConflicts(of: processID, in: caller.tenantID)
    }

    // MARK: - Internals

    func tally(of process: ParticipatoryProcess, scope: DistrictID?) async throws -> BallotTally {
        var tally = BallotTally(scope: scope)
        try await forEachBallot(of: process) { ballot in
            if ballot.scope == scope { tally.add(ballot) }
        }
        return tally
    }

    /// Visits every counted ballot of the process, a page at a time.
    func forEachBallot(of process: ParticipatoryProcess, _ body: (Ballot) throws -> Void) async throws {
        var after: BallotID?
        while true {
            let page = try await storage.ballots(of: process.id, in: process.tenantID, after: after, limit: 5_000)
            for ballot in page { try body(ballot) }
            guard let last = page.last else { return }
            after = last.id
        }
    }

    /// The ballot of `scope`: the one frozen when the vote opened, or the ballot as it would be
    /// frozen now (see ``ballotLists(of:)``).
    func ballotList(of process: ParticipatoryProcess, scope: DistrictID?) async throws -> BallotList {
        if let frozen = process.frozenBallot { return try Self.list(of: frozen, scope: scope, in: process) }
        return try ballotList(of: process, scope: scope, propositions: try await ballotCandidates(of: process))
    }

    /// The ballot of `scope` for a cast: the frozen one, or, for a vote opened by a release that
    /// did not freeze ballots, one built from `legacyPropositions` (at least the ballot's choices).
    func ballotList(of process: ParticipatoryProcess, scope: DistrictID?, legacyPropositions: [Proposition]) throws -> BallotList {
        if let frozen = process.frozenBallot { return try Self.list(of: frozen, scope: scope, in: process) }
        return try ballotList(of: process, scope: scope, propositions: legacyPropositions)
    }

    /// Every scope's ballot, built from the process's propositions the public can see: what
    /// opening the vote freezes.
    func ballotLists(of process: ParticipatoryProcess) async throws -> [BallotList] {
        let settings = try budgetSettings(of: process)
        let candidates = try await ballotCandidates(of: process)
        return try Self.scopes(of: settings).map { try ballotList(of: process, scope: $0, propositions: candidates) }
    }

    /// The propositions that may reach a ballot: those the public can see.
    func ballotCandidates(of process: ParticipatoryProcess) async throws -> [Proposition] {
        let view = try await publicView(of: process)
        return try await storage.propositions(of: process.id, in: process.tenantID).filter { view.isPublic($0) }
    }

    /// The scopes of a budget: every district with an envelope, or the single city-wide ballot.
    static func scopes(of settings: BudgetSettings) -> [DistrictID?] {
        settings.isSplitByDistrict ? settings.districtEnvelopes.keys.sorted().map { $0 } : [nil]
    }

    static func list(of frozen: FrozenBallot, scope: DistrictID?, in process: ParticipatoryProcess) throws -> BallotList {
        guard let list = frozen.list(for: scope) else {
            let split = frozen.lists.contains { $0.scope != nil }
            throw ParticipationError.invalid(
                "scope",
                split
                    ? "this budget is voted per district; \(scope.map { "'\($0)' is not one of its districts" } ?? "choose a district")"
                    : "this budget has a single city-wide ballot; do not name a district")
        }
        return list
    }

    /// The ballot of `scope` built from `propositions`: all of the process's, or, to check one
    /// ballot, at least those it names (a choice missing from the list is refused as unknown,
    /// as it would be from the full list).
    func ballotList(of process: ParticipatoryProcess, scope: DistrictID?, propositions: [Proposition]) throws -> BallotList {
        guard let settings = process.budget else {
            throw ParticipationError.invalid("budget", "process '\(process.id)' has no budget settings")
        }
        return try BallotList(scope: scope, settings: settings, propositions: propositions)
    }

    func voteRules(of process: ParticipatoryProcess) throws -> VoteRules {
        guard let rules = process.voteRules else {
            throw ParticipationError.invalid("voteRules", "process '\(process.id)' has no vote rules")
        }
        return rules
    }

    /// Refuses a scope the voter may not vote in. Under own-district voting that is their
    /// district, or, once they voted, the scope of their counted ballot: a voter's scope is fixed
    /// by their first ballot, whatever their profile says later.
    func checkScope(
        _ scope: DistrictID?, of voter: Participant, counted: CountedBallotHeader?, in process: ParticipatoryProcess
    ) throws {
        if let counted, counted.scope != scope {
            throw ParticipationError(
                .notEligible,
                "you voted \(counted.scope.map { "in '\($0)'" } ?? "city-wide") in this process; your ballot stays in that scope",
                field: "scope")
        }
        guard let settings = process.budget, settings.isSplitByDistrict, settings.districtVoting == .ownDistrict,
            let scope, counted == nil
        else { return }
        guard voter.profile.districtID == scope else {
            throw ParticipationError(
                .notEligible,
                "voters vote in their own district; \(voter.profile.districtID.map { "the voter lives in '\($0)'" } ?? "the voter's district is unknown"), not '\(scope)'",
                field: "scope")
        }
    }

    func makeBallot(
        _ choices: [BallotChoice], scope: DistrictID?, voter: ParticipantID, channel: VoteChannel, in process: ParticipatoryProcess,
        stamp: BallotStamp? = nil
    ) -> Ballot {
        let stamp = stamp ?? newBallotStamp()
        return Ballot(
            id: stamp.id, tenantID: process.tenantID, processID: process.id, voterID: voter, scope: scope, channel: channel,
            choices: choices, castAt: stamp.castAt)
    }

    /// A new ballot's id and time of casting.
    func newBallotStamp() -> BallotStamp {
        BallotStamp(id: BallotID(rawValue: ids.next(prefix: "ballot")), castAt: clock.now())
    }

    /// Checks and stores a ballot.
    func store(
        _ choices: [BallotChoice], scope: DistrictID?, voter: Participant, channel: VoteChannel, in process: ParticipatoryProcess
    ) async throws -> Ballot {
        try checkScope(scope, of: voter, counted: nil, in: process)
        let list = try await ballotList(of: process, scope: scope)
        let ballot = try checkedBallot(choices, scope: scope, voter: voter, channel: channel, in: process, list: list)
        return try Self.counted(ballot, try await storage.castBallot(ballot))
    }

    /// The ballot of `choices`, once they are checked against `list` (the voter's scope is
    /// checked before).
    func checkedBallot(
        _ choices: [BallotChoice], scope: DistrictID?, voter: Participant, channel: VoteChannel, in process: ParticipatoryProcess,
        list: BallotList, stamp: BallotStamp? = nil
    ) throws -> Ballot {
        if let violation = list.violation(of: choices, format: try voteRules(of: process).ballot) { throw violation.error }
        return makeBallot(choices, scope: scope, voter: voter.id, channel: channel, in: process, stamp: stamp)
    }

    /// `ballot` if storage counted it; the duplicate error if it was refused as a second ballot.
    static func counted(_ ballot: Ballot, _ outcome: BallotCastOutcome) throws -> Ballot {
        switch outcome {
        case .cast, .replaced: return ballot
        case .refusedDuplicate(let conflict): throw duplicateError(conflict)
        }
    }

    static func duplicateError(_ conflict: BallotConflict) -> ParticipationError {
        ParticipationError(
            .duplicate,
            "participant '\(conflict.voterID)' already voted (\(conflict.keptChannel.name)); this \(conflict.refusedChannel.name) ballot is refused and recorded as a conflict for staff to review")
    }

    static func validate(_ settings: BudgetSettings, in tenant: Tenant) throws {
        _ = try Validate.cents(settings.envelope, field: "budget.envelope")
        guard settings.cycle.years >= 1, (1900...2200).contains(settings.cycle.firstYear) else {
            throw ParticipationError.invalid("budget.cycle", "a cycle starts in a plausible year and lasts at least one year")
        }
        guard settings.isSplitByDistrict else { return }
        var sum: Int64 = 0
        for (district, envelope) in settings.districtEnvelopes {
            guard tenant.district(district) != nil else {
                throw ParticipationError.invalid("budget.districtEnvelopes", "district '\(district)' is not a district of the tenant")
            }
            sum += try Validate.cents(envelope, field: "budget.districtEnvelopes")
        }
        guard sum == settings.envelope else {
            throw ParticipationError.invalid(
                "budget.envelope", "the district envelopes add up to \(Money.format(sum)), not the envelope of \(Money.format(settings.envelope))")
        }
    }
}
