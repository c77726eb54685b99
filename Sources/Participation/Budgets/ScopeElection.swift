/// One scope of a participatory budget as an election the counting rules read: the projects
/// on its ballot, its envelope, and its ballots.
///
/// Amounts are counted in whole currency units when every cost and the envelope are whole
/// (the usual case, and the unit the Add1 completions raise budgets by, as cities computed
/// them), and in cents otherwise. Ballots go straight from the storage's ``BallotProfile``
/// into a ``CompactElection`` (identical ones merged when a rule needs it), so a city-wide vote
/// of a million ballots costs no allocation per ballot.
struct ScopeElection {
    let list: BallotList
    /// Cents per counting unit: 100 or 1.
    let centsPerUnit: Int64
    let election: CompactElection
    let ballots: Int
    let supporters: [PropositionID: Int]
    /// The ballots as storage returned them, for ``pseudonymousBallots()``.
    private let profile: BallotProfile
    /// The election's index of each of the profile's propositions; nil for a project since
    /// removed from the ballot (withdrawn, judged inadmissible later), which no longer counts.
    private let projectOf: [Int?]

    /// - Parameter profile: the scope's ballots, as storage returns them; voters are numbered
    ///   by their position, since counting needs no participant id.
    init(list: BallotList, format: BallotFormat, profile: BallotProfile) throws {
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
        // Ballots were checked against this list when cast.
        let projectOf = profile.propositions.map { index[$0] }
        var election = try CompactElection(
            budget: Rational(Int(list.envelope / centsPerUnit)), kind: kind, projects: projects,
            expectedBallotCount: profile.count)
        var chosen: [Int] = []
        var points: [Rational] = []
        for number in 0..<profile.count {
            let ballot = profile.ballot(number)
            chosen.removeAll(keepingCapacity: true)
            points.removeAll(keepingCapacity: true)
            for (choice, given) in zip(ballot.choices, ballot.points) {
                guard let project = projectOf[Int(choice)] else { continue }
                chosen.append(project)
                if kind.hasPoints { points.append(Rational(Int(given))) }
            }
            try election.addBallot(chosen, points: points)
        }
        var supporters: [PropositionID: Int] = [:]
        for (project, count) in election.supporterCounts.enumerated() where count > 0 { supporters[projectIDs[project]] = count }
        self.supporters = supporters
        self.ballots = profile.count
        self.election = election
        self.profile = profile
        self.projectOf = projectOf
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

    /// Every ballot written out in full, in storage order, voters numbered by position so that
    /// no participant id appears: what a `.pb` export carries (indices into the election's
    /// projects, points on cumulative ballots).
    func pseudonymousBallots() -> [BudgetBallot] {
        let pointed = election.kind.hasPoints
        return (0..<profile.count).map { number in
            let ballot = profile.ballot(number)
            var chosen: [Int] = []
            var points: [Rational] = []
            for (choice, given) in zip(ballot.choices, ballot.points) {
                guard let project = projectOf[Int(choice)] else { continue }
                chosen.append(project)
                if pointed { points.append(Rational(Int(given))) }
            }
            return BudgetBallot(voterID: String(number + 1), projects: chosen, points: points)
        }
    }
}
