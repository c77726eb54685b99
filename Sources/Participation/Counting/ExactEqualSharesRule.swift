/// Exact equal shares (EES) and its completion by ADD-OPT (Kraiczy, Robinson, Elkind,
/// "Streamlining Equal Shares", 2025), as the pabutools repository's main branch computes them
/// (`pabutools/rules/ees_addopt.py`: `exact_equal_shares`, `add_opt`, `ees_add_opt_completion`),
/// on approval ballots with uniform utilities.
///
/// **EES.** Every voter starts with `B/n`. In each round, for each unselected project with
/// supporters, its payers `V` are its supporters without the poorest while the poorest cannot pay
/// an equal share `cost/|V|`; the project with the most payers per unit of cost (`|V|/cost`,
/// infinite when free) wins, ties to the smallest id, and each payer pays exactly `cost/|V|`. The
/// run ends when no project has payers. Equal budgets are all kept or all dropped together, so
/// voters are counted by budget classes, exactly.
///
/// **ADD-OPT.** From an outcome at per-voter budget `b`, `add_opt` finds the smallest increase
/// `d` of the per-voter budget at which some project certifies the outcome unstable (Algorithm 2,
/// GreedyProjectChange, walks each project's non-paying supporters by leftover budget and by
/// leximax payment vector); the completion runs EES at `b`, `b + d`, … and returns the outcome
/// that spends most without exceeding `B` (the first such), stopping when `d` is infinite or 0.
/// Voters are walked one by one in file order where their keys tie, as the reference does. Where
/// the reference's walk would loop without end (its solvent list never empties), this one stops
/// with the increase found so far.
struct ExactEqualShares {
    /// An EES outcome with what each distinct ballot paid.
    struct Outcome {
        var winners: [Int] = []
        /// Each distinct ballot's leftover budget.
        var leftover: [Rational]
        /// Each distinct ballot's payments, in the order made.
        var payments: [[(project: Int, amount: Rational)]]
        /// Whether each project's supporters on each ballot pay for it: `paying[project]` holds
        /// the ballots that pay.
        var paying: [Set<Int32>]
    }

    let projects: ProjectTable
    private let ballots: DistinctBallotTable
    /// Distinct ballots approving each project.
    private let supporters: [[Int32]]

    init(_ election: CompactElection, _ projects: ProjectTable) {
        self.projects = projects
        ballots = DistinctBallotTable(merging: election)
        var supporters = [[Int32]](repeating: [], count: projects.projectCount)
        for ballot in ballots.weights.indices {
            for position in ballots.offsets[ballot]..<ballots.offsets[ballot + 1] {
                supporters[Int(ballots.members[position])].append(Int32(ballot))
            }
        }
        self.supporters = supporters
    }

    // MARK: EES

    /// EES with `perVoterBudget` (in the table's scaled currency).
    func run(perVoterBudget: Rational) -> Outcome {
        let ballotCount = ballots.weights.count
        var outcome = Outcome(
            leftover: [Rational](repeating: perVoterBudget, count: ballotCount),
            payments: [[(project: Int, amount: Rational)]](repeating: [], count: ballotCount),
            paying: [Set<Int32>](repeating: [], count: projects.projectCount))
        // Budget classes: ballots whose leftover budgets are equal.
        var classBudget: [Rational] = [perVoterBudget]
        /// The budgets rounded to `Double` (their order is exact up to a relative 1e-12).
        var approximate: [Double] = [perVoterBudget.doubleValue]
        var classOfBallot = [Int32](repeating: 0, count: ballotCount)
        var open = (0..<projects.projectCount).filter { !supporters[$0].isEmpty }
        // An upper bound on each project's payers: their number never grows.
        var bound = projects.supporterCounts
        var histogram = [Int](repeating: 0, count: 1)

        /// Projects by decreasing upper bound on `|V| / cost` (free ones first), then id.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let order = compareScores(bound[a], a, bound[b], b)
            return order != 0 ? order > 0 : projects.identifierRank[a] < projects.identifierRank[b]
        }

        while true {
            open.sort(by: precedes)
            var best: (project: Int, payers: Int, threshold: Rational)?
            for project in open {
                if let best, compareScores(bound[project], project, best.payers, best.project) < 0 { break }
                // The supporters' classes, poorest first.
                var classes: [Int32] = []
                for ballot in supporters[project] {
                    let budgetClass = Int(classOfBallot[Int(ballot)])
                    if histogram[budgetClass] == 0 { classes.append(Int32(budgetClass)) }
                    histogram[budgetClass] += ballots.weights[Int(ballot)]
                }
                // Poorest first: by the budgets in floating point, each run of budgets too close to
                // tell apart then put in exact order.
                classes.sort { approximate[Int($0)] < approximate[Int($1)] }
                var start = 0
                while start < classes.count {
                    var end = start + 1
                    let low = approximate[Int(classes[start])]
                    while end < classes.count && approximate[Int(classes[end])] - low <= abs(low) * 1e-12 { end += 1 }
                    if end - start > 1 { classes[start..<end].sort { classBudget[Int($0)] < classBudget[Int($1)] } }
                    start = end
                }
                var payers = projects.supporterCounts[project]
                let cost = Rational(projects.costs[project])
                for budgetClass in classes {
                    guard payers > 0, classBudget[Int(budgetClass)] * Rational(payers) < cost else { break }
                    payers -= histogram[Int(budgetClass)]
                }
                for budgetClass in classes { histogram[Int(budgetClass)] = 0 }
                bound[project] = payers
                guard payers > 0 else { continue }
                let threshold = cost / Rational(payers)
                if let current = best {
                    let order = compareScores(payers, project, current.payers, current.project)
                    if order < 0 || (order == 0 && projects.identifierRank[project] > projects.identifierRank[current.project]) {
                        continue
                    }
                }
                best = (project, payers, threshold)
            }
            guard let (winner, _, share) = best else {
                for ballot in 0..<ballotCount { outcome.leftover[ballot] = classBudget[Int(classOfBallot[ballot])] }
                return outcome
            }
            outcome.winners.append(winner)
            open.removeAll { $0 == winner }
            // Classes that can pay the share pay it: each splits into payers and the others.
            var split: [Int32: Int32] = [:]
            for ballot in supporters[winner] where classBudget[Int(classOfBallot[Int(ballot)])] >= share {
                let old = classOfBallot[Int(ballot)]
                let new: Int32
                if let known = split[old] {
                    new = known
                } else {
                    new = Int32(classBudget.count)
                    classBudget.append(classBudget[Int(old)] - share)
                    approximate.append(classBudget[classBudget.count - 1].doubleValue)
                    histogram.append(0)
                    split[old] = new
                }
                classOfBallot[Int(ballot)] = new
                outcome.payments[Int(ballot)].append((winner, share))
                outcome.paying[winner].insert(ballot)
            }
        }
        // Unreachable: the loop returns when no project has payers.
    }

    /// Compares `a/costA` with `b/costB` (payers per unit of cost, a free project being
    /// infinitely good, two free ones equal): 1, 0 or -1.
    private func compareScores(_ payersA: Int, _ a: Int, _ payersB: Int, _ b: Int) -> Int {
        let (costA, costB) = (projects.costs[a], projects.costs[b])
        if costA.isZero || costB.isZero {
            if costA.isZero && costB.isZero { return 0 }
            return costA.isZero ? 1 : -1
        }
        let left = BigInt(payersA) * costB
        let right = BigInt(payersB) * costA
        return left == right ? 0 : (left > right ? 1 : -1)
    }

    // MARK: ADD-OPT

    /// A voter's payments, largest first (ties: smaller id first), or `(0, smallest id)` when
    /// she paid nothing: compared as Python compares lists of `(amount, name)` tuples, names by
    /// their rank in id order.
    private struct Leximax: Comparable {
        var entries: [(amount: Rational, approximate: Double, rank: Int)]

        static func == (a: Leximax, b: Leximax) -> Bool { !(a < b) && !(b < a) }

        static func < (a: Leximax, b: Leximax) -> Bool {
            for (x, y) in zip(a.entries, b.entries) {
                let order = ExactEqualShares.compare(x.amount, x.approximate, y.amount, y.approximate)
                if order != 0 { return order < 0 }
                if x.rank != y.rank { return x.rank < y.rank }
            }
            return a.entries.count < b.entries.count
        }

        /// Whether this vector comes before `[(price, rank)]`.
        func precedes(_ price: Rational, _ approximate: Double, _ rank: Int) -> Bool {
            let first = entries[0]
            let order = ExactEqualShares.compare(first.amount, first.approximate, price, approximate)
            return order != 0 ? order < 0 : first.rank < rank
        }

        /// Whether `[(price, rank)]` comes before this vector.
        func follows(_ price: Rational, _ approximate: Double, _ rank: Int) -> Bool {
            let first = entries[0]
            let order = ExactEqualShares.compare(first.amount, first.approximate, price, approximate)
            if order != 0 { return order > 0 }
            return first.rank != rank ? rank < first.rank : entries.count > 1
        }
    }

    /// Compares two exact values by their `Double` approximations when these are clearly apart,
    /// exactly otherwise: -1, 0 or 1.
    fileprivate static func compare(_ a: Rational, _ approximateA: Double, _ b: Rational, _ approximateB: Double) -> Int {
        let gap = approximateA - approximateB
        if abs(gap) > (abs(approximateA) + abs(approximateB)) * 1e-12 { return gap < 0 ? -1 : 1 }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// The smallest increase of the per-voter budget at which some project certifies `outcome`
    /// unstable, or `nil` when none ever does (pabutools' `add_opt`).
    func addOpt(_ outcome: Outcome) -> Rational? {
        let rank = projects.identifierRank
        let leximax = outcome.payments.map { payments -> Leximax in
            guard !payments.isEmpty else { return Leximax(entries: [(.zero, 0, 0)]) }
            let entries = payments.map { (amount: $0.amount, approximate: $0.amount.doubleValue, rank: rank[$0.project]) }.sorted {
                let order = Self.compare($0.amount, $0.approximate, $1.amount, $1.approximate)
                return order != 0 ? order > 0 : $0.rank < $1.rank
            }
            return Leximax(entries: entries)
        }
        // Voters (their distinct ballots, in file order) by leftover and by leximax vector, ties
        // kept in file order.
        let voters = ballots.ballotOfVoter
        let approximate = outcome.leftover.map(\.doubleValue)
        var leftoverOrder = outcome.leftover.indices.sorted { approximate[$0] < approximate[$1] }
        var start = 0
        while start < leftoverOrder.count {
            var end = start + 1
            let low = approximate[leftoverOrder[start]]
            while end < leftoverOrder.count && approximate[leftoverOrder[end]] - low <= abs(low) * 1e-12 { end += 1 }
            if end - start > 1 { leftoverOrder[start..<end].sort { outcome.leftover[$0] < outcome.leftover[$1] } }
            start = end
        }
        let byLeftoverRank = Self.ranks(leftoverOrder, outcome.leftover)
        let byLeximaxRank = Self.ranks(leximax.indices.sorted { leximax[$0] < leximax[$1] }, leximax)
        let votersByLeftover = Self.votersInOrder(voters, rank: byLeftoverRank)
        let votersByLeximax = Self.votersInOrder(voters, rank: byLeximaxRank)
        var increase: Rational?
        for project in 0..<projects.projectCount {
            guard let found = greedyProjectChange(
                project, outcome, approximate, leximax, voters: voters, byLeftover: votersByLeftover, byLeximax: votersByLeximax)
            else { continue }
            if increase == nil || found < increase! { increase = found }
        }
        return increase
    }

    /// The voters ordered by the rank of their ballot, voters of equal rank in file order: a
    /// counting sort.
    private static func votersInOrder(_ voters: [Int32], rank: [Int]) -> [Int] {
        var start = [Int](repeating: 0, count: (rank.max() ?? 0) + 2)
        for ballot in voters { start[rank[Int(ballot)] + 1] += 1 }
        for index in 1..<start.count { start[index] += start[index - 1] }
        var ordered = [Int](repeating: 0, count: voters.count)
        for (voter, ballot) in voters.enumerated() {
            ordered[start[rank[Int(ballot)]]] = voter
            start[rank[Int(ballot)]] += 1
        }
        return ordered
    }

    /// Equal keys share a rank, so that sorting by rank and then by voter keeps file order on ties.
    private static func ranks<Key: Comparable>(_ order: [Int], _ keys: [Key]) -> [Int] {
        var rank = [Int](repeating: 0, count: keys.count)
        for position in order.indices.dropFirst() {
            let (previous, current) = (order[position - 1], order[position])
            rank[current] = keys[previous] < keys[current] ? rank[previous] + 1 : rank[previous]
        }
        return rank
    }

    /// Algorithm 2 for one project: the smallest per-voter increase at which it certifies the
    /// outcome unstable, or `nil` (infinite).
    private func greedyProjectChange(
        _ project: Int, _ outcome: Outcome, _ leftoverApproximate: [Double], _ leximax: [Leximax], voters: [Int32],
        byLeftover: [Int], byLeximax: [Int]
    ) -> Rational? {
        // The ballots whose voters approve the project without paying for it: O_p(X).
        var outsideBallot = [Bool](repeating: false, count: ballots.weights.count)
        for ballot in supporters[project] where !outcome.paying[project].contains(ballot) { outsideBallot[Int(ballot)] = true }
        let outsideByLeftover = byLeftover.filter { outsideBallot[Int(voters[$0])] }
        let outsideByLeximax = byLeximax.filter { outsideBallot[Int(voters[$0])] }
        let count = outsideByLeftover.count
        var payers = 0
        for ballot in outcome.paying[project] { payers += ballots.weights[Int(ballot)] }
        let cost = Rational(projects.costs[project])
        let costDouble = projects.costs[project].doubleValue
        let name = projects.identifierRank[project]
        // The liquid queue is the outside supporters not yet reached in leftover order; the
        // solvent list those moved there and not yet passed in leximax order.
        var solvent = [Bool](repeating: false, count: voters.count)
        var solventCount = 0
        var leftoverIndex = 0
        var leximaxIndex = 0
        var increase: (exact: Rational, approximate: Double)?
        while leftoverIndex < count || solventCount > 0 {
            let sharing = payers + (count - leftoverIndex) + solventCount
            let approximatePrice = costDouble / Double(sharing)
            let price = cost / Rational(sharing)
            if leximaxIndex < count && leximax[Int(voters[outsideByLeximax[leximaxIndex]])].precedes(price, approximatePrice, name) {
                if solvent[outsideByLeximax[leximaxIndex]] {
                    solvent[outsideByLeximax[leximaxIndex]] = false
                    solventCount -= 1
                }
                leximaxIndex += 1
            } else if leftoverIndex < count
                && leximax[Int(voters[outsideByLeftover[leftoverIndex]])].follows(price, approximatePrice, name)
            {
                solvent[outsideByLeftover[leftoverIndex]] = true
                solventCount += 1
                leftoverIndex += 1
            } else if leftoverIndex < count {
                let ballot = Int(voters[outsideByLeftover[leftoverIndex]])
                let approximate = approximatePrice - leftoverApproximate[ballot]
                // Exactly only when it may be the smallest so far.
                if increase == nil || approximate <= increase!.approximate + abs(approximate) * 1e-12 {
                    let candidate = price - outcome.leftover[ballot]
                    if increase == nil || candidate < increase!.exact { increase = (candidate, approximate) }
                }
                leftoverIndex += 1
            } else {
                // The reference would loop here for ever: nothing left can change.
                break
            }
        }
        return increase.map { $0.exact < .zero ? .zero : $0.exact }
    }

    /// EES completed by ADD-OPT: the outcome spending most within the budget among EES at `B/n`,
    /// `B/n + d₁`, … (pabutools' `ees_add_opt_completion`).
    func completed() -> [Int] {
        let voters = Rational(projects.voterCount)
        var perVoter = Rational(projects.budget) / voters
        var best: (winners: [Int], cost: BigInt)?
        while true {
            let outcome = run(perVoterBudget: perVoter)
            let cost = projects.totalCost(of: outcome.winners)
            if cost <= projects.budget && (best == nil || cost > best!.cost) { best = (outcome.winners, cost) }
            guard let increase = addOpt(outcome), increase > .zero else { break }
            perVoter += increase
        }
        return best?.winners ?? run(perVoterBudget: Rational(projects.budget) / voters).winners
    }
}
