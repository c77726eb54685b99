/// One scope of a participatory budget as an election the counting rules read: the projects
/// on its ballot, its envelope, and its ballots.
///
/// Amounts are counted in whole currency units when every cost and the envelope are whole
/// (the usual case, and the unit the Add1 completions raise budgets by, as cities computed
/// them), and in cents otherwise.
struct ScopeElection {
    let list: BallotList
    /// Cents per counting unit: 100 or 1.
    let centsPerUnit: Int64
    let election: BudgetElection
    let ballots: Int
    let supporters: [PropositionID: Int]

    init(list: BallotList, format: BallotFormat, ballots: [Ballot]) throws {
        self.list = list
        let projectIDs = list.costs.keys.sorted()
        let amounts = Array(list.costs.values) + [list.envelope]
        centsPerUnit = amounts.allSatisfy { $0 % 100 == 0 } ? 100 : 1
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
        var supporters: [PropositionID: Int] = [:]
        var counted: [BudgetBallot] = []
        counted.reserveCapacity(ballots.count)
        for ballot in ballots {
            // Ballots were checked against this list when cast; a project since removed from
            // the ballot (withdrawn, judged inadmissible later) no longer counts.
            let choices = ballot.choices.filter { index[$0.propositionID] != nil }
            for choice in choices { supporters[choice.propositionID, default: 0] += 1 }
            counted.append(
                BudgetBallot(
                    voterID: ballot.voterID.rawValue, projects: choices.compactMap { index[$0.propositionID] },
                    points: kind.hasPoints ? choices.map { Rational($0.points) } : []))
        }
        self.ballots = counted.count
        self.supporters = supporters
        election = try BudgetElection(
            budget: Rational(Int(list.envelope / centsPerUnit)), kind: kind, projects: projects, ballots: counted)
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
}
