extension ParticipationService {
    /// Counts a participatory budget whose vote has closed, with the budget's counting rule, in
    /// every scope; publishes the result on the process; sets each project on the ballot to
    /// `retained` or `not-retained` with the justification in its history; and tells the
    /// followers. Administrators only; audited.
    ///
    /// The result is stored first: if the host stops halfway through the status updates,
    /// publishing again is refused, but the statuses can be completed from the stored result.
    /// - Throws: `invalidTransition` while the vote has not run or is still open, or once
    ///   results are published.
    public func publishResults(of processID: ProcessID, by caller: Caller) async throws -> BudgetResult {
        try await authorize(caller, for: .manageProcess)
        var process = try await storage.process(processID, in: caller.tenantID)
        guard let settings = process.budget else {
            throw ParticipationError.invalid("budget", "process '\(processID)' has no budget settings")
        }
        let rules = try voteRules(of: process)
        let votePhases = process.phases.filter { $0.allowedActions.contains(.vote) }
        guard votePhases.contains(where: { $0.openedAt != nil }), votePhases.allSatisfy({ $0.state != .open }) else {
            throw ParticipationError(.invalidTransition, "results are published once the vote has run and closed")
        }
        guard process.publishedResult == nil else {
            throw ParticipationError(.invalidTransition, "the results of '\(process.title)' are already published")
        }
        let scopes: [DistrictID?] = settings.isSplitByDistrict ? settings.districtEnvelopes.keys.sorted().map { $0 } : [nil]
        var ballotsByScope: [DistrictID?: [Ballot]] = [:]
        try await forEachBallot(of: process) { ballotsByScope[$0.scope, default: []].append($0) }
        var results: [ScopeResult] = []
        for scope in scopes {
            let election = try ScopeElection(
                list: try await ballotList(of: process, scope: scope), format: rules.ballot, ballots: ballotsByScope[scope] ?? [])
            results.append(try await election.count(with: settings.countingRule, minimumScore: settings.minimumProjectScore))
        }
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

    /// Each project on a ballot becomes `retained` or `not-retained`, with the rule and the
    /// scope in its public history.
    func recordOutcomeStatuses(_ result: BudgetResult, of process: ParticipatoryProcess, by caller: Caller) async throws {
        for scope in result.scopes {
            let winners = Set(scope.selected)
            let onBallot = try await ballotList(of: process, scope: scope.scope).costs.keys.sorted()
            for id in onBallot {
                var proposition = try await storage.proposition(id, in: process.tenantID)
                let won = winners.contains(id)
                proposition.status = won ? .retained : .notRetained
                let change = StatusChange(
                    propositionID: id, status: proposition.status, reason: won ? .retained : .notRetained,
                    justification: won
                        ? "won the vote (\(result.rule), \(scope.supporters[id] ?? 0) supporters)"
                        : "not selected by the vote (\(result.rule), \(scope.supporters[id] ?? 0) supporters)",
                    by: caller.participantID, at: clock.now())
                let updated = try await storage.updateProposition(proposition, version: nil, status: change, audit: nil)
                try await announceStatusChange(of: updated, change)
            }
        }
    }

    /// The published result, for anyone of the tenant (projects hidden by moderation left out).
    /// - Throws: `resultsNotPublic` before publication.
    public func publishedResult(of processID: ProcessID, in tenant: TenantID) async throws -> BudgetResult {
        let process = try await storage.process(processID, in: tenant)
        guard let result = process.publishedResult else {
            throw ParticipationError(.resultsNotPublic, "the results of '\(process.title)' are not published yet")
        }
        return result.keeping(try await publicPropositionIDs(of: process))
    }

    /// One scope of the budget as a pabulib `.pb` file (projects on the ballot, ballots with
    /// pseudonymous voter numbers), so that anyone can recount it with the same rule.
    /// Available once results are published, or to staff.
    public func exportPabulib(of processID: ProcessID, scope: DistrictID? = nil, by caller: Caller) async throws -> String {
        let process = try await storage.process(processID, in: caller.tenantID)
        if process.publishedResult == nil { try await authorize(caller, for: .readAuditLog) }
        let rules = try voteRules(of: process)
        var ballots: [Ballot] = []
        try await forEachBallot(of: process) { if $0.scope == scope { ballots.append($0) } }
        let election = try ScopeElection(list: try await ballotList(of: process, scope: scope), format: rules.ballot, ballots: ballots)
        // Voter ids are replaced by their position so that the file holds no participant id.
        let anonymous = election.election.ballots.enumerated().map { position, ballot in
            BudgetBallot(voterID: String(position + 1), projects: ballot.projects, points: ballot.points)
        }
        let units = election.centsPerUnit == 100 ? "whole currency units" : "cents"
        let exported = try BudgetElection(
            budget: election.election.budget, kind: election.election.kind, projects: election.election.projects,
            ballots: anonymous,
            metadata: [
                MetadataEntry(key: "description", value: process.title),
                MetadataEntry(key: "country", value: "France"),
                MetadataEntry(key: "unit", value: scope.map { $0.rawValue } ?? process.tenantID.rawValue),
                MetadataEntry(key: "instance", value: process.id.rawValue),
                MetadataEntry(key: "num_projects", value: String(election.election.projects.count)),
                MetadataEntry(key: "num_votes", value: String(anonymous.count)),
                MetadataEntry(key: "budget", value: election.election.budget.decimalString),
                MetadataEntry(key: "vote_type", value: election.election.kind.rawValue),
                MetadataEntry(key: "rule", value: process.budget?.countingRule.rawValue ?? ""),
                MetadataEntry(key: "comment", value: "amounts in \(units)"),
            ])
        return try PabulibWriter.text(of: exported)
    }
}
