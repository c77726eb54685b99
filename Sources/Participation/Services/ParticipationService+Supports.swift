extension ParticipationService {
    /// Supports a published proposition, while the phase allows `.support` and the caller is
    /// eligible. The process's ``SupportRules`` are checked by storage in the same transaction
    /// as the write, so simultaneous supports never exceed the quota.
    /// - Throws: `quotaExceeded` naming the rule (`quotaPerParticipant`, `maximumPerProposition`);
    ///   `duplicate` if the caller already supports it; `invalidTransition` for a proposition
    ///   that was withdrawn or judged inadmissible; `notFound` (also for a proposition the
    ///   public cannot see); the errors of ``authorize(_:by:in:)``.
    @discardableResult
    public func support(_ propositionID: PropositionID, by caller: Caller) async throws -> SupportReceipt {
        try await authorizeAct(by: caller)
        let (proposition, view) = try await publicProposition(propositionID, in: caller.tenantID)
        try await authorize(.support, by: caller, in: view.process)
        guard proposition.lifecycle == .published, proposition.status != .inadmissible else {
            throw ParticipationError(.invalidTransition, "proposition '\(propositionID)' cannot be supported (\(proposition.status))")
        }
        let rules = try await storage.contributionRules(of: view.process.id, in: caller.tenantID)
        return try await storage.recordSupport(
            Support(
                tenantID: caller.tenantID, processID: view.process.id, propositionID: propositionID,
                supporterID: caller.participantID, at: clock.now()),
            rules: rules.supports)
    }

    /// Withdraws the caller's support, while the phase allows `.support`.
    /// - Throws: `notFound` if the caller does not support it, or the public cannot see it.
    public func withdrawSupport(_ propositionID: PropositionID, by caller: Caller) async throws {
        try await authorizeAct(by: caller)
        let view = try await publicProposition(propositionID, in: caller.tenantID).view
        try await authorize(.support, by: caller, in: view.process)
        _ = try await storage.withdrawSupport(of: caller.participantID, from: propositionID, in: caller.tenantID)
    }

    /// The supports that count per proposition of the process: those of participants who reached
    /// the process's minimum. Propositions with none, and propositions the public cannot see, are absent.
    /// - Throws: `notFound` (process).
    public func supportTally(of processID: ProcessID, in tenant: TenantID) async throws -> [PropositionID: Int] {
        let process = try await storage.process(processID, in: tenant)
        let rules = try await storage.contributionRules(of: processID, in: tenant)
        let tally = rules.supports.tally(try await storage.supports(in: processID, tenant: tenant))
        let shown = try await publicPropositionIDs(of: process)
        return tally.filter { shown.contains($0.key) }
    }

    /// The ids of the process's propositions the public may see.
    func publicPropositionIDs(of process: ParticipatoryProcess) async throws -> Set<PropositionID> {
        let view = try await publicView(of: process)
        return Set(try await storage.propositions(of: process.id, in: process.tenantID).filter { view.isPublic($0) }.map(\.id))
    }
}

extension ParticipationService {
    /// Gives (or changes) the caller's opinion of a published proposition: for, against or
    /// mixed, with an optional argument, while the phase allows `.opine`. Returns the opinion
    /// it replaced, if any.
    /// - Throws: `notFound` (also for a proposition the public cannot see); `invalidTransition`
    ///   for a withdrawn one; `invalidInput` (`argument`); the errors of ``authorize(_:by:in:)``.
    @discardableResult
    public func giveOpinion(
        on propositionID: PropositionID, stance: OpinionStance, argument: String? = nil, by caller: Caller
    ) async throws -> Opinion? {
        try await authorizeAct(by: caller)
        let (proposition, view) = try await publicProposition(propositionID, in: caller.tenantID)
        try await authorize(.opine, by: caller, in: view.process)
        guard proposition.lifecycle == .published else {
            throw ParticipationError(.invalidTransition, "proposition '\(propositionID)' is not published")
        }
        let argument = try argument.map { try Validate.text($0, field: "argument", maximumLength: 5_000) }
        let replaced = try await storage.recordOpinion(
            Opinion(
                tenantID: caller.tenantID, processID: view.process.id, propositionID: propositionID,
                participantID: caller.participantID, stance: stance, argument: argument, at: clock.now()))
        try await holdForApproval(.opinion(propositionID, by: caller.participantID), in: view.process)
        return replaced
    }

    /// The proposition's opinions as the public sees them, one per participant: pending and
    /// hidden ones left out (and out of any count made from them), arguments redacted, authors
    /// shown as the process's ``DisplayPolicy`` says.
    /// - Throws: `notFound`, also for a proposition the public cannot see.
    public func opinions(on propositionID: PropositionID, in tenant: TenantID) async throws -> [PublicOpinion] {
        let view = try await publicProposition(propositionID, in: tenant).view
        let shown = try await storage.opinions(on: propositionID, in: tenant).filter { view.isPublic($0) }
        let display = try await authorDisplay(of: view.process, naming: shown.map(\.participantID))
        return shown.compactMap { view.opinion($0, authors: display) }
    }
}
