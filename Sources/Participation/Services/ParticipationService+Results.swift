extension ParticipationService {
    /// Counts a participatory budget whose vote has closed, with the budget's counting rule, in
    /// every scope; publishes the result on the process; sets each project on the ballot to
    /// `retained` or `not-retained` with the justification in its history; and tells the
    /// followers. Administrators only; audited.
    ///
    /// The result is stored first: if the host stops halfway through the status updates,
    /// publishing again is refused, but the statuses can be completed from the stored result.
    /// A published result is final: nothing that changes it is accepted afterwards (see
    /// ``VoteLocks``), and only ``correctResults(of:rule:reason:by:)`` publishes another version.
    /// - Throws: `invalidTransition` while the vote has not run or is still open, or once
    ///   results are published.
    public func publishResults(of processID: ProcessID, by caller: Caller) async throws -> BudgetResult {
        try await authorize(caller, for: .manageProcess)
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        guard process.publishedResult == nil else {
            throw ParticipationError(.invalidTransition, "the results of '\(process.title)' are already published")
        }
        let settings = try budgetSettings(of: process)
        let rules = try voteRules(of: process)
        let results = try await count(process, with: settings.countingRule)
        let result = BudgetResult(
            rule: settings.countingRule.rawValue, scopes: results, binding: rules.binding, publishedAt: clock.now(),
            publishedBy: caller.participantID)
        process.publishedResult = result
        _ = try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "results.published", subject: "process:\(processID)",
                details: [
                    "rule": result.rule, "selected": results.flatMap(\.selected).map(\.rawValue).joined(separator: ","),
                ]))
        try await recordOutcomeStatuses(result, of: process, by: caller)
        try await publish(
            .resultsPublished, "\(process.title): the results are published", in: caller.tenantID,
            targets: [.process(processID)], details: ["process": processID.rawValue, "rule": result.rule])
        return result
    }

    /// Publishes a corrected result: the ballots counted again, with `rule` (default: the
    /// published result's), as the next version; the version it replaces stays readable in
    /// ``ParticipatoryProcess/resultHistory``, and projects' outcome statuses follow the new
    /// version, with the reason in their history. The explicit, reasoned way to change a
    /// published result. Administrators only; audited with the reason.
    /// - Throws: `invalidTransition` before publication; `invalidInput` (`reason`); `forbidden`;
    ///   `notFound`; `processArchived`.
    public func correctResults(of processID: ProcessID, rule: CountingRule? = nil, reason: String, by caller: Caller)
        async throws -> BudgetResult
    {
        try await authorize(caller, for: .manageProcess)
        let reason = try Validate.reason(reason)
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        guard let published = process.publishedResult else {
            throw ParticipationError(.invalidTransition, "the results of '\(process.title)' are not published; publish them first")
        }
        let rule = try rule ?? Self.countingRule(named: published.rule)
        let corrected = BudgetResult(
            rule: rule.rawValue, scopes: try await count(process, with: rule), binding: published.binding,
            publishedAt: clock.now(), publishedBy: caller.participantID, version: published.version + 1,
            correction: ResultCorrection(replacedVersion: published.version, reason: reason))
        process.resultHistory.append(published)
        process.publishedResult = corrected
        _ = try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "results.corrected", subject: "process:\(processID)", reason: reason,
                details: [
                    "rule": corrected.rule, "version": String(corrected.version),
                    "selected": corrected.scopes.flatMap(\.selected).map(\.rawValue).joined(separator: ","),
                ]))
        try await recordOutcomeStatuses(corrected, of: process, by: caller, correction: reason)
        try await publish(
            .resultsPublished, "\(process.title): the results are corrected — \(reason)", in: caller.tenantID,
            targets: [.process(processID)],
            details: ["process": processID.rawValue, "rule": corrected.rule, "version": String(corrected.version)])
        return corrected
    }

    /// The rule a result names.
    static func countingRule(named name: String) throws -> CountingRule {
        guard let rule = CountingRule(rawValue: name) else {
            throw ParticipationError.invalid("rule", "'\(name)' is not a counting rule of this release")
        }
        return rule
    }

    /// Counts a budget whose vote has closed, in every scope, without publishing anything: for
    /// staff to check the count before publication, or to see what another rule would select.
    /// `rule` defaults to the budget's ``BudgetSettings/countingRule``. Administrators only.
    /// - Throws: `invalidTransition` while the vote has not run or is still open.
    public func countResults(of processID: ProcessID, with rule: CountingRule? = nil, by caller: Caller) async throws
        -> [ScopeResult]
    {
        try await authorize(caller, for: .manageProcess)
        let process = try await storage.process(processID, in: caller.tenantID)
        return try await count(process, with: rule ?? budgetSettings(of: process).countingRule)
    }

    /// Every scope of the budget counted with `rule`, from the ballots' compact profiles (one
    /// storage read for all scopes).
    func count(_ process: ParticipatoryProcess, with rule: CountingRule) async throws -> [ScopeResult] {
        let settings = try budgetSettings(of: process)
        let rules = try voteRules(of: process)
        let votePhases = process.phases.filter { $0.allowedActions.contains(.vote) }
        guard votePhases.contains(where: { $0.openedAt != nil }), votePhases.allSatisfy({ $0.state != .open }) else {
            throw ParticipationError(.invalidTransition, "results are counted once the vote has run and closed")
        }
        let scopes: [DistrictID?] = settings.isSplitByDistrict ? settings.districtEnvelopes.keys.sorted().map { $0 } : [nil]
        var profiles = Dictionary(
            try await storage.ballotProfiles(of: process.id, in: process.tenantID).map { ($0.scope, $0) },
            uniquingKeysWith: { first, _ in first })
        var results: [ScopeResult] = []
        for scope in scopes {
            // Each profile is released once its scope is counted.
            let profile = profiles.removeValue(forKey: scope) ?? BallotProfile(scope: scope)
            let election = try ScopeElection(list: try await ballotList(of: process, scope: scope), format: rules.ballot, profile: profile)
            results.append(try await election.count(with: rule, minimumScore: settings.minimumProjectScore))
        }
        return results
    }

    func budgetSettings(of process: ParticipatoryProcess) throws -> BudgetSettings {
        guard let settings = process.budget else {
            throw ParticipationError.invalid("budget", "process '\(process.id)' has no budget settings")
        }
        return settings
    }

    /// Each project on a ballot becomes `retained` or `not-retained`, with the rule and the
    /// scope in its public history (and the correction's reason, for a corrected result). A
    /// project already being carried out keeps its realisation status if it is still retained.
    func recordOutcomeStatuses(
        _ result: BudgetResult, of process: ParticipatoryProcess, by caller: Caller, correction: String? = nil
    ) async throws {
        for scope in result.scopes {
            let winners = Set(scope.selected)
            let onBallot = try await ballotList(of: process, scope: scope.scope).costs.keys.sorted()
            for id in onBallot {
                var proposition = try await storage.proposition(id, in: process.tenantID)
                let won = winners.contains(id)
                let outcome: PropositionStatus = won ? .retained : .notRetained
                let realising: Set<PropositionStatus> = [.inProgress, .realised]
                if correction != nil, proposition.status == outcome || (won && realising.contains(proposition.status)) { continue }
                proposition.status = outcome
                let change = StatusChange(
                    propositionID: id, status: proposition.status, reason: won ? .retained : .notRetained,
                    justification: (won
                        ? "won the vote (\(result.rule), \(scope.supporters[id] ?? 0) supporters)"
                        : "not selected by the vote (\(result.rule), \(scope.supporters[id] ?? 0) supporters)")
                        + (correction.map { "; corrected result: \($0)" } ?? ""),
                    by: caller.participantID, at: clock.now())
                let updated = try await storage.updateProposition(proposition, version: nil, status: change, audit: nil)
                try await announceStatusChange(of: updated, change)
            }
        }
    }

    /// The published result (its latest version), for anyone of the tenant. Its projects are
    /// those of the ballot frozen when the vote opened, which moderation cannot take off.
    /// - Throws: `resultsNotPublic` before publication.
    public func publishedResult(of processID: ProcessID, in tenant: TenantID) async throws -> BudgetResult {
        let process = try await storage.process(processID, in: tenant)
        guard let result = process.publishedResult else {
            throw ParticipationError(.resultsNotPublic, "the results of '\(process.title)' are not published yet")
        }
        return result
    }

    /// Every published version of the result, the first publication first and the current
    /// version last.
    /// - Throws: `resultsNotPublic` before publication.
    public func resultVersions(of processID: ProcessID, in tenant: TenantID) async throws -> [BudgetResult] {
        let process = try await storage.process(processID, in: tenant)
        guard let result = process.publishedResult else {
            throw ParticipationError(.resultsNotPublic, "the results of '\(process.title)' are not published yet")
        }
        return process.resultHistory + [result]
    }

    /// One scope of the budget as a pabulib `.pb` file (projects on the ballot, ballots with
    /// pseudonymous voter numbers), so that anyone can recount it with the same rule.
    /// Available to anyone once results are published (``exportPabulib(of:scope:in:)``), and
    /// before that to staff who read the audit log.
    public func exportPabulib(of processID: ProcessID, scope: DistrictID? = nil, by caller: Caller) async throws -> String {
        let process = try await storage.process(processID, in: caller.tenantID)
        if process.publishedResult == nil {
            try await authorize(caller, for: .readAuditLog)
        } else {
            try await authorizeOwnRead(by: caller)
        }
        return try await pabulibExport(of: process, scope: scope)
    }

    /// One scope of the budget as a pabulib `.pb` file, for anyone, once results are published:
    /// recounting it with the published result's rule gives the published result.
    /// - Throws: `resultsNotPublic` before publication; `notFound`; `invalidInput` (`scope`).
    public func exportPabulib(of processID: ProcessID, scope: DistrictID? = nil, in tenant: TenantID) async throws -> String {
        let process = try await storage.process(processID, in: tenant)
        guard process.publishedResult != nil else {
            throw ParticipationError(.resultsNotPublic, "the ballots of '\(process.title)' are not public until the results are published")
        }
        return try await pabulibExport(of: process, scope: scope)
    }

    /// The `.pb` text of one scope.
    func pabulibExport(of process: ParticipatoryProcess, scope: DistrictID?) async throws -> String {
        let processID = process.id
        let rules = try voteRules(of: process)
        let profile = try await storage.ballotProfiles(of: process.id, in: process.tenantID).first { $0.scope == scope }
        let election = try ScopeElection(
            list: try await ballotList(of: process, scope: scope), format: rules.ballot,
            profile: profile ?? BallotProfile(scope: scope))
        // Voter ids are replaced by their position so that the file holds no participant id.
        let anonymous = election.pseudonymousBallots()
        // Amounts are written in currency units (cents as decimals), whatever unit counting used.
        let projects = election.election.projects.map { project in
            let id = PropositionID(rawValue: project.id)
            return BudgetProject(
                id: PabulibProjectID.pabulib(for: id, in: processID), cost: Self.currencyUnits(election.list.costs[id] ?? 0))
        }
        let exported = try BudgetElection(
            budget: Self.currencyUnits(election.list.envelope), kind: election.election.kind, projects: projects,
            ballots: anonymous,
            metadata: [
                MetadataEntry(key: "description", value: process.title),
                MetadataEntry(key: "country", value: "France"),
                MetadataEntry(key: "unit", value: scope.map { $0.rawValue } ?? process.tenantID.rawValue),
                MetadataEntry(key: "instance", value: process.id.rawValue),
                MetadataEntry(key: "num_projects", value: String(election.election.projects.count)),
                MetadataEntry(key: "num_votes", value: String(anonymous.count)),
                MetadataEntry(key: "budget", value: Self.currencyUnits(election.list.envelope).decimalString),
                MetadataEntry(key: "vote_type", value: election.election.kind.rawValue),
                MetadataEntry(key: "rule", value: process.publishedResult?.rule ?? process.budget?.countingRule.rawValue ?? ""),
            ])
        return try PabulibWriter.text(of: exported)
    }

    /// Integer cents as an exact amount of currency units.
    static func currencyUnits(_ cents: Int64) -> Rational {
        Rational(BigInt(cents), BigInt(100))
    }
}
