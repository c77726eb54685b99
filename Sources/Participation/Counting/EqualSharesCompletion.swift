/// The two Add1 completions of equal shares: ladders of MES runs with growing per-voter budgets.
///
/// Each ladder is a sequential scan with an early stop, so its steps are independent MES runs:
/// ``run(_:parallelSteps:)`` evaluates the next few speculatively in parallel and then consumes
/// them in order, which gives exactly the sequential answer.
struct EqualSharesLadder: Sendable {
    enum Definition: Sendable {
        /// pabutools `voter_budget_increment=1`: budgets `B/n + k`; stop at the first exhaustive
        /// outcome, or return the previous one before the first that overspends.
        case pabutools
        /// pabulib's checker: whole-unit costs and budget, `MES(⌊B⌋/n)` then budgets
        /// `⌊B/n⌋ + k` for k = 1, 2, … while the outcome fits; ties to lower cost, more approvals.
        case pabulibChecker
    }

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

    func outcome(atStep step: Int) -> [Int] {
        run.run(perVoterBudget: budget(atStep: step))
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

    /// Runs the ladder one step at a time.
    func runSequentially() -> [Int] {
        if run.profile.voterCount == 0 { return [] }
        if let unbounded = unboundedOutcome { return unbounded }
        var scan = Scan(ladder: self)
        var step = 0
        while !scan.consume(step: step, outcome: outcome(atStep: step)) { step += 1 }
        return scan.result
    }

    /// Runs the ladder evaluating `parallelSteps` steps at a time in structured child tasks.
    func run(parallelSteps: Int) async -> [Int] {
        if run.profile.voterCount == 0 { return [] }
        if let unbounded = unboundedOutcome { return unbounded }
        if parallelSteps <= 1 { return runSequentially() }
        var scan = Scan(ladder: self)
        var next = 0
        while true {
            let steps = next..<(next + parallelSteps)
            let outcomes = await withTaskGroup(of: (Int, [Int]).self) { group in
                for step in steps {
                    group.addTask { (step, self.outcome(atStep: step)) }
                }
                var collected: [Int: [Int]] = [:]
                for await (step, outcome) in group { collected[step] = outcome }
                return collected
            }
            for step in steps {
                // Every step of the batch was added to the group and collected above.
                if scan.consume(step: step, outcome: outcomes[step]!) { return scan.result }
            }
            next = steps.upperBound
        }
    }
}

extension EqualSharesLadder.Definition: Equatable {}
