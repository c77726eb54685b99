/// One scope of a participatory budget as an election the counting rules read: the projects
/// on its ballot, its envelope, and its ballots.
///
/// Amounts are counted in whole currency units when every cost and the envelope are whole
/// (the usual case, and the unit the Add1 completions raise budgets by, as cities computed
/// them), and in cents otherwise. Ballots go straight into a ``CompactElection`` (identical
/// ones merged as they come), so a city-wide vote of a million ballots costs one id lookup
/// per choice and one hash per ballot, with no per-ballot allocation.
struct ScopeElection {
    let list: BallotList
    /// Cents per counting unit: 100 or 1.
    let centsPerUnit: Int64
    let election: CompactElection
    let ballots: Int
    let supporters: [PropositionID: Int]
    /// Position of each project id in ``CompactElection/projects``.
    private let index: [PropositionID: Int]

    init(list: BallotList, format: BallotFormat, ballots: [Ballot]) throws {
        self.list = list
        let projectIDs = list.costs.keys.sorted()
        let amounts = Array(list.costs.values) + [list.envelope]
        let centsPerUnit: Int64 = amounts.allSatisfy { $0 % 100 == 0 } ? 100 : 1
        self.centsPerUnit = centsPerUnit
        var index: [PropositionID: Int] = [:]
        var projects: [BudgetProject] = []
        for (position, id) in projectIDs.enumerated() {
            index[id] = position
            // `list.costs` holds every id of `projectIDs`, which were taken from its keys.
            projects.append(BudgetProject(id: id.rawValue, cost: Rational(Int(list.costs[id]! / centsPerUnit))))
        }
        let kind: BallotKind
        switch format {
        case .approval, .knapsack: kind = .approval
        case .cumulative: kind = .cumulative
        case .ranked: kind = .ordinal
        }
        var election = try CompactElection(
            budget: Rational(Int(list.envelope / centsPerUnit)), kind: kind, projects: projects,
            expectedBallotCount: ballots.count)
        var indices: [Int] = []
        var points: [Rational] = []
        for ballot in ballots {
            indices.removeAll(keepingCapacity: true)
            points.removeAll(keepingCapacity: true)
            // Ballots were checked against this list when cast; a project since removed from
            // the ballot (withdrawn, judged inadmissible later) no longer counts.
            for choice in ballot.choices {
                guard let position = index[choice.propositionID] else { continue }
                indices.append(position)
                if kind.hasPoints { points.append(Rational(choice.points)) }
            }
            try election.addBallot(indices, points: points)
        }
        self.index = index
        self.election = election
        self.ballots = ballots.count
        var supporters: [PropositionID: Int] = [:]
        for (position, id) in projectIDs.enumerated() where election.supporterCounts[position] > 0 {
            supporters[id] = election.supporterCounts[position]
        }
        self.supporters = supporters
    }

    /// Counts the scope with `rule`.
    func count(with rule: CountingRule, minimumScore: Int?) async throws -> ScopeResult {
        let options = CountingOptions(minimumProjectScore: minimumScore.map { Rational($0) })
        let outcome = try await rule.count(election, options: options)
        let selected = outcome.selected.map { PropositionID(rawValue: $0) }.sorted()
        let total = selected.reduce(Int64(0)) { $0 + (list.costs[$1] ?? 0) }
        return ScopeResult(
            scope: list.scope, envelope: list.envelope, selected: selected, totalCost: total, ballots: ballots,
            supporters: supporters)
    }

    /// The scope with `ballots` (the ones it was built from) written out in full, voters numbered
    /// by position so that the election holds no participant id: what a `.pb` export carries.
    func pseudonymousElection(of ballots: [Ballot], metadata: [MetadataEntry]) throws -> BudgetElection {
        let pointed = election.kind.hasPoints
        let written = ballots.enumerated().map { position, ballot in
            let choices = ballot.choices.filter { index[$0.propositionID] != nil }
            return BudgetBallot(
                voterID: String(position + 1), projects: choices.compactMap { index[$0.propositionID] },
                points: pointed ? choices.map { Rational($0.points) } : [])
        }
        return try BudgetElection(
            budget: election.budget, kind: election.kind, projects: election.projects, ballots: written, metadata: metadata)
    }
}
