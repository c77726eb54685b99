extension CountingRule {
    /// Counts `election` with this rule.
    ///
    /// Add1 ladders compute ``CountingOptions/parallelSteps`` batches of steps at a time in child
    /// tasks; every other rule runs on the calling task. The outcome never depends on the
    /// parallelism.
    ///
    /// - Throws: ``ParticipationError`` with ``ParticipationError/Code/unsupportedBallotKind``
    ///   when the rule does not count this kind of ballot (``accepts(_:)``).
    public func count(_ election: BudgetElection, options: CountingOptions = CountingOptions()) async throws -> CountingOutcome {
        try await count(CompactElection(election), options: options)
    }

    /// Counts `election` with this rule on the calling thread only (Add1 ladders one batch at a time).
    ///
    /// - Throws: as ``count(_:options:)-(BudgetElection,_)``.
    public func countSequentially(_ election: BudgetElection, options: CountingOptions = CountingOptions()) throws -> CountingOutcome {
        try countSequentially(CompactElection(election), options: options)
    }

    /// Counts a ``CompactElection`` with this rule; the outcome is the one of the equivalent
    /// ``BudgetElection``.
    ///
    /// - Throws: as ``count(_:options:)-(BudgetElection,_)``.
    public func count(_ election: CompactElection, options: CountingOptions = CountingOptions()) async throws -> CountingOutcome {
        let projects = try table(for: election)
        let indices: [Int]
        if let ladder = ladder(election, projects) {
            indices = await ladder.select(parallelBatches: options.parallelSteps)
        } else {
            indices = select(election, projects, options)
        }
        return CountingOutcome(rule: self, selectedIndices: indices, projects: election.projects)
    }

    /// Counts a ``CompactElection`` on the calling thread only (Add1 ladders one batch at a time).
    ///
    /// - Throws: as ``count(_:options:)-(BudgetElection,_)``.
    public func countSequentially(_ election: CompactElection, options: CountingOptions = CountingOptions()) throws -> CountingOutcome {
        let projects = try table(for: election)
        let indices = ladder(election, projects)?.select() ?? select(election, projects, options)
        return CountingOutcome(rule: self, selectedIndices: indices, projects: election.projects)
    }

    /// The project table, once the rule is known to apply to these ballots.
    private func table(for election: CompactElection) throws -> ProjectTable {
        guard accepts(election.kind) else {
            let counted: String
            switch self {
            case .phragmen, .exactEqualShares, .exactEqualSharesAddOpt: counted = "approval"
            case .greedyBorda: counted = "ordinal"
            default: counted = "cumulative and scoring"
            }
            throw ParticipationError(
                .unsupportedBallotKind, "\(rawValue) counts \(counted) ballots only; these are \(election.kind.rawValue).",
                field: "vote_type")
        }
        return ProjectTable(election)
    }

    /// Whether the rule shares the budget among voters (equal shares and its completions).
    public var isEqualShares: Bool {
        switch self {
        case .equalShares, .equalSharesAddOne, .equalSharesAddOneOfficial, .equalSharesPoints, .exactEqualShares, .exactEqualSharesAddOpt: true
        default: false
        }
    }

    /// The Add1 ladder of this rule, if it is one and there are voters to share the budget among
    /// (with none, nothing is selected, rather than a division by zero).
    private func ladder(_ election: CompactElection, _ projects: ProjectTable) -> EqualSharesLadder? {
        guard projects.voterCount > 0 else { return nil }
        switch self {
        case .equalSharesAddOne:
            return EqualSharesLadder(profile: CountingProfile(election, projects: projects, merging: true), definition: .pabutools)
        case .equalSharesAddOneOfficial:
            return EqualSharesLadder(profile: CountingProfile(election, projects: projects, merging: true), definition: .pabulibChecker)
        default:
            return nil
        }
    }

    /// The outcome of a rule that is not a ladder. Greedy rules read the project table alone.
    private func select(_ election: CompactElection, _ projects: ProjectTable, _ options: CountingOptions) -> [Int] {
        let threshold = options.minimumProjectScore
        switch self {
        case .greedyCost:
            let supporters = GreedyRule.Density.score(projects.supporterCounts.map { Rational($0) })
            return GreedyRule.select(projects, density: supporters, stopAtFirstMisfit: false, minimumScore: threshold)
        case .greedyNoSkip:
            let supporters = GreedyRule.Density.score(projects.supporterCounts.map { Rational($0) })
            return GreedyRule.select(projects, density: supporters, stopAtFirstMisfit: true, minimumScore: threshold)
        case .greedyCardinality:
            return GreedyRule.select(projects, density: .supportersPerCost, stopAtFirstMisfit: false, minimumScore: threshold)
        case .equalShares:
            guard projects.voterCount > 0 else { return [] }
            let perVoter = Rational(projects.budget) / Rational(projects.voterCount)
            return EqualSharesRun(profile: CountingProfile(election, projects: projects, merging: false), tieBreak: .identifier).run(perVoterBudget: perVoter)
        case .phragmen:
            return PhragmenRule.select(CountingProfile(election, projects: projects, merging: false))
        case .greedyPoints:
            return GreedyRule.select(projects, density: .score(election.pointTotals), stopAtFirstMisfit: false, minimumScore: threshold)
        case .greedyBorda:
            let borda = GreedyRule.Density.score(election.bordaTotals.map { Rational($0) })
            return GreedyRule.select(projects, density: borda, stopAtFirstMisfit: false, minimumScore: threshold)
        case .equalSharesPoints:
            guard projects.voterCount > 0 else { return [] }
            return EqualSharesPointsRule.select(election, projects)
        case .exactEqualShares:
            guard projects.voterCount > 0 else { return [] }
            return ExactEqualShares(election, projects).run(perVoterBudget: Rational(projects.budget) / Rational(projects.voterCount)).winners
        case .exactEqualSharesAddOpt:
            guard projects.voterCount > 0 else { return [] }
            return ExactEqualShares(election, projects).completed()
        case .equalSharesAddOne, .equalSharesAddOneOfficial:
            // Ladders are run by the callers, sequentially or in parallel.
            return ladder(election, projects)?.select() ?? []
        }
    }
}
