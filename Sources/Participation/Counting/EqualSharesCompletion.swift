/// The two Add1 completions of equal shares: ladders of MES runs with growing per-voter budgets.
///
/// Each ladder is a sequential scan with an early stop. Its steps are computed ``lanes`` at a
/// time in one ``EqualSharesBatch``, which shares the passes over the supporters between runs
/// that have chosen the same winners so far, and then consumed in order: the result is the
/// step-by-step one. ``select(parallelBatches:)`` computes the next few batches speculatively
/// in parallel child tasks, with the same result.
struct EqualSharesLadder: Sendable {
    enum Definition: Sendable {
        /// pabutools `voter_budget_increment=1`: budgets `B/n + k`; stop at the first exhaustive
        /// outcome, or return the previous one before the first that overspends.
        case pabutools
        /// pabulib's checker: whole-unit costs and budget, `MES(⌊B⌋/n)` then budgets
        /// `⌊B/n⌋ + k` for k = 1, 2, … while the outcome fits; ties to lower cost, more approvals.
        case pabulibChecker
    }

    /// How many consecutive steps are run together.
    static let lanes = 8

    let definition: Definition
    let run: EqualSharesRun
    private let budgetPerVoter: Rational
    private let stepUnit: Rational
    /// Step 0 is the plain run; step k ≥ 1 uses `ladderBase + k · stepUnit`.
    private let ladderBase: Rational

    init(profile: CountingProfile, definition: Definition) {
        self.definition = definition
        let voters = Rational(profile.voterCount)
        switch definition {
        case .pabutools:
            run = EqualSharesRun(profile: profile, tieBreak: .identifier)
            budgetPerVoter = Rational(profile.budget) / voters
            stepUnit = Rational(profile.scale)
            ladderBase = budgetPerVoter
        case .pabulibChecker:
            let floored = profile.withFlooredCosts()
            run = EqualSharesRun(profile: floored, tieBreak: .lowerCostThenMoreApprovals)
            budgetPerVoter = Rational(floored.budget) / voters
            stepUnit = .one
            ladderBase = Rational(floored.budget / BigInt(profile.voterCount))
        }
    }

    func budget(atStep step: Int) -> Rational {
        step == 0 ? budgetPerVoter : ladderBase + stepUnit * Rational(step)
    }

    /// The sequential decision over the ladder's outcomes, fed one step at a time in order.
    struct Scan {
        let ladder: EqualSharesLadder
        private(set) var result: [Int] = []
        private var previous: [Int] = []

        init(ladder: EqualSharesLadder) { self.ladder = ladder }

        /// Consumes step `step`'s outcome; returns `true` when the ladder stops (``result`` is final).
        mutating func consume(step: Int, outcome: [Int]) -> Bool {
            let profile = ladder.run.profile
            let fits = profile.totalCost(of: outcome) <= profile.budget
            switch ladder.definition {
            case .pabutools:
                if !fits {
                    result = previous
                    return true
                }
                if isExhaustive(outcome) {
                    result = outcome
                    return true
                }
                previous = outcome
                return false
            case .pabulibChecker:
                if step == 0 || fits {
                    result = outcome
                    return false
                }
                return true
            }
        }

        private func isExhaustive(_ outcome: [Int]) -> Bool {
            let profile = ladder.run.profile
            let spent = profile.totalCost(of: outcome)
            let chosen = Set(outcome)
            for project in ladder.run.candidateProjects where !chosen.contains(project) {
                if spent + profile.costs[project] <= profile.budget { return false }
            }
            return true
        }
    }

    /// When every candidate fits together, pabulib's ladder never overspends and would not stop;
    /// its limit (large enough budgets buy every candidate) is returned instead.
    private var unboundedOutcome: [Int]? {
        guard definition == .pabulibChecker else { return nil }
        let profile = run.profile
        let all = run.candidateProjects
        guard profile.totalCost(of: all) <= profile.budget else { return nil }
        return all.sorted { profile.identifierRank[$0] < profile.identifierRank[$1] }
    }

    /// The outcomes of the `lanes` steps from `first` on.
    private func batch(from first: Int) -> [[Int]] {
        run.run(perVoterBudgets: (first..<(first + Self.lanes)).map(budget(atStep:)))
    }

    /// Runs the ladder one batch of steps at a time, on the calling thread.
    func select() -> [Int] {
        if run.profile.voterCount == 0 { return [] }
        if let unbounded = unboundedOutcome { return unbounded }
        var scan = Scan(ladder: self)
        var first = 0
        while true {
            for (offset, outcome) in batch(from: first).enumerated() {
                if scan.consume(step: first + offset, outcome: outcome) { return scan.result }
            }
            first += Self.lanes
        }
    }

    /// Runs the ladder computing `parallelBatches` batches of steps at a time in child tasks.
    func select(parallelBatches: Int) async -> [Int] {
        if parallelBatches <= 1 || run.profile.voterCount == 0 || unboundedOutcome != nil { return select() }
        var scan = Scan(ladder: self)
        var first = 0
        while true {
            let starts = (0..<parallelBatches).map { first + $0 * Self.lanes }
            let batches = await withTaskGroup(of: (Int, [[Int]]).self) { group in
                for start in starts { group.addTask { (start, self.batch(from: start)) } }
                var collected: [Int: [[Int]]] = [:]
                for await (start, outcomes) in group { collected[start] = outcomes }
                return collected
            }
            for start in starts {
                // Every batch of `starts` was added to the group and collected above.
                for (offset, outcome) in batches[start]!.enumerated() {
                    if scan.consume(step: start + offset, outcome: outcome) { return scan.result }
                }
            }
            first += parallelBatches * Self.lanes
        }
    }
}

extension EqualSharesLadder.Definition: Equatable {}
