extension ParticipationService {
    /// Creates a process with its phases (all upcoming) and rules. Administrators only; audited.
    /// - Throws: `invalidInput` for an empty title, no phases, a repeated phase id, or a phase
    ///   that ends before it starts.
    public func createProcess(
        kind: ProcessKind, title: String, summary: String = "", phases: [Phase],
        eligibility: [ParticipationAction: EligibilityRule] = [:], displayPolicy: DisplayPolicy = .realName,
        requiresCharter: Bool = true, voteRules: VoteRules? = nil, by caller: Caller
    ) async throws -> ParticipatoryProcess {
        try await authorize(caller, for: .manageProcess)
        let title = try Validate.text(title, field: "title")
        try Self.validatePhases(phases)
        let tenant = try await storage.tenant(caller.tenantID)
        for (action, rule) in eligibility {
            if let unknown = rule.districts.first(where: { tenant.district($0) == nil }) {
                throw ParticipationError.invalid(
                    "eligibility.\(action.rawValue).districts", "district '\(unknown)' is not a district of the tenant")
            }
            if let age = rule.minimumAge, !(0...130).contains(age) {
                throw ParticipationError.invalid("eligibility.\(action.rawValue).minimumAge", "minimum age must be within 0...130")
            }
        }
        if let voteRules { try Self.validate(voteRules) }
        let process = ParticipatoryProcess(
            id: ProcessID(rawValue: ids.next(prefix: "process")), tenantID: caller.tenantID, kind: kind, title: title,
            summary: summary, phases: phases.map(\.asUpcoming), eligibility: eligibility, displayPolicy: displayPolicy,
            requiresCharter: requiresCharter, voteRules: voteRules, createdAt: clock.now())
        try await storage.insertProcess(
            process, audit: auditEntry(by: caller, action: "process.created", subject: "process:\(process.id)"))
        return process
    }

    /// The process, readable by anyone of its tenant.
    public func process(_ id: ProcessID, in tenant: TenantID) async throws -> ParticipatoryProcess {
        try await storage.process(id, in: tenant)
    }

    /// The tenant's processes ordered by id, readable by anyone.
    /// - Throws: `notFound` (tenant).
    public func processes(in tenant: TenantID) async throws -> [ParticipatoryProcess] {
        _ = try await storage.tenant(tenant)
        return try await storage.processes(in: tenant)
    }

    /// Opens a phase: it must be the next one, with no phase open and its preconditions met
    /// (for example no proposition still awaiting review). Administrators only; audited.
    ///
    /// The first voting phase of a participatory budget to open freezes its ballot
    /// (``ParticipatoryProcess/frozenBallot``): every scope's admissible projects the public can
    /// see, with their costs. Once results are published no voting phase opens again.
    /// - Throws: `invalidTransition` (the phase state machine); `rulesLocked` (a vote after
    ///   publication); `forbidden`; `notFound`.
    public func openPhase(_ phaseID: PhaseID, of processID: ProcessID, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        let process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        let opensVote = try process.phase(phaseID).allowedActions.contains(.vote)
        if opensVote { try process.requireUnlocked(.voteReopening) }
        let facts = PhaseFacts(
            unreviewedPropositions: try await storage.unreviewedPropositionCount(of: processID, in: caller.tenantID))
        var opened = try process.openingPhase(phaseID, at: clock.now(), facts: facts)
        if opensVote {
            if process.frozenBallot == nil, process.kind == .participatoryBudget, process.budget != nil {
                opened.frozenBallot = FrozenBallot(frozenAt: clock.now(), lists: try await ballotLists(of: process))
            }
        }
        let stored = try await storage.updateProcess(
            opened, audit: auditEntry(by: caller, action: "phase.opened", subject: "process:\(processID)", details: ["phase": phaseID.rawValue]))
        let phase = try stored.phase(phaseID)
        try await publish(
            .phaseOpened, "\(stored.title): \(phase.name) is open", in: caller.tenantID, targets: [.process(processID)],
            details: ["process": processID.rawValue, "phase": phaseID.rawValue])
        return stored
    }

    /// Closes the open phase `phaseID`. Administrators only; audited.
    public func closePhase(_ phaseID: PhaseID, of processID: ProcessID, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        let process = try await storage.process(processID, in: caller.tenantID)
        let closed = try process.closingPhase(phaseID, at: clock.now())
        let stored = try await storage.updateProcess(
            closed, audit: auditEntry(by: caller, action: "phase.closed", subject: "process:\(processID)", details: ["phase": phaseID.rawValue]))
        let phase = try stored.phase(phaseID)
        try await publish(
            .phaseClosed, "\(stored.title): \(phase.name) is closed", in: caller.tenantID, targets: [.process(processID)],
            details: ["process": processID.rawValue, "phase": phaseID.rawValue])
        return stored
    }

    /// Reopens a closed phase, which must be explained. Administrators only; audited with the
    /// reason. A voting phase does not reopen once results are published: a published result is
    /// final (see ``correctResults(of:rule:reason:by:)``).
    /// - Throws: `invalidTransition`; `rulesLocked`; `invalidInput` (`reason`); `forbidden`; `notFound`.
    public func reopenPhase(_ phaseID: PhaseID, of processID: ProcessID, reason: String, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        let reason = try Validate.reason(reason)
        let process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        if try process.phase(phaseID).allowedActions.contains(.vote) { try process.requireUnlocked(.voteReopening) }
        let reopened = try process.reopeningPhase(phaseID, at: clock.now())
        return try await storage.updateProcess(
            reopened,
            audit: auditEntry(
                by: caller, action: "phase.reopened", subject: "process:\(processID)", reason: reason,
                details: ["phase": phaseID.rawValue]))
    }

    /// Sets the vote rules, refused once a voting phase has opened. Administrators only; audited.
    public func setVoteRules(_ rules: VoteRules, of processID: ProcessID, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        try Self.validate(rules)
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        try process.requireUnlocked(.voteRules)
        process.voteRules = rules
        return try await storage.updateProcess(
            process, audit: auditEntry(by: caller, action: "vote-rules.changed", subject: "process:\(processID)"))
    }

    /// Sets who may do `action`. The rule for voting locks with the vote. Administrators only; audited.
    public func setEligibility(
        _ rule: EligibilityRule, for action: ParticipationAction, of processID: ProcessID, by caller: Caller
    ) async throws -> ParticipatoryProcess {
        try await authorize(caller, for: .manageProcess)
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        if action == .vote { try process.requireUnlocked(.voteEligibility) }
        let tenant = try await storage.tenant(caller.tenantID)
        if let unknown = rule.districts.first(where: { tenant.district($0) == nil }) {
            throw ParticipationError.invalid("eligibility.districts", "district '\(unknown)' is not a district of the tenant")
        }
        process.eligibility[action] = rule
        return try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "eligibility.changed", subject: "process:\(processID)", details: ["action": action.rawValue]))
    }

    /// The audit log of the caller's tenant, optionally about one subject ("process:…").
    public func auditLog(subject: String? = nil, by caller: Caller) async throws -> [AuditEntry] {
        try await authorize(caller, for: .readAuditLog)
        return try await storage.auditEntries(in: caller.tenantID, subject: subject)
    }

    static func validatePhases(_ phases: [Phase]) throws {
        guard !phases.isEmpty else { throw ParticipationError.invalid("phases", "a process needs at least one phase") }
        var seen: Set<PhaseID> = []
        for phase in phases {
            _ = try Validate.text(phase.name, field: "phases.name")
            guard seen.insert(phase.id).inserted else {
                throw ParticipationError.invalid("phases", "phase id '\(phase.id)' appears twice")
            }
            if let start = phase.startsAt, let end = phase.endsAt, end < start {
                throw ParticipationError.invalid("phases.endsAt", "phase '\(phase.name)' ends before it starts")
            }
        }
    }

    static func validate(_ rules: VoteRules) throws {
        switch rules.ballot {
        case .approval(let minimum, let maximum):
            guard minimum >= 0, maximum >= 1, minimum <= maximum else {
                throw ParticipationError.invalid("voteRules.ballot", "approval needs 0 <= minimum <= maximum and maximum >= 1")
            }
        case .knapsack(let percent):
            if let percent, !(0...100).contains(percent) {
                throw ParticipationError.invalid("voteRules.ballot", "minimum spend must be a percentage within 0...100")
            }
        case .cumulative(let points, let perProject):
            guard points >= 1, (perProject ?? points) >= 1 else {
                throw ParticipationError.invalid("voteRules.ballot", "cumulative ballots need at least 1 point")
            }
        case .ranked(let ranks):
            guard ranks >= 1 else { throw ParticipationError.invalid("voteRules.ballot", "ranked ballots need at least 1 rank") }
        }
    }
}

extension Phase {
    /// The phase as a new process holds it: upcoming, never opened.
    var asUpcoming: Phase {
        var phase = self
        phase.state = .upcoming
        phase.openedAt = nil
        phase.closedAt = nil
        return phase
    }
}
