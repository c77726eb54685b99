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
    /// An EES outcome, with the budget classes it ended with: ballots whose voters paid for the
    /// same projects in the same rounds (so that they have the same leftover budget and the same
    /// payments; classes only ever split).
    struct Outcome {
        var winners: [Int] = []
        var classOfBallot: [Int32]
        /// Each class's leftover budget, and its `Double` approximation (exact to a relative 1e-15).
        var classBudget: [Rational]
        var approximate: [Double]
        /// Each class's payments as a chain: the class it split from and the payment that made it
        /// (classes only split, so a class's payments are its chain's).
        var classParent: [Int32]
        var classPayment: [(project: Int, amount: Rational)?]
        /// The ballots that pay for each project.
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

    /// Sorts `items` by their exact `keys`, comparing `Double` approximations first: a run of
    /// approximations too close to tell apart is put in exact order.
    private static func sort(_ items: inout [Int32], keys: [Rational], approximate: [Double]) {
        items.sort { approximate[Int($0)] < approximate[Int($1)] }
        var start = 0
        while start < items.count {
            var end = start + 1
            let low = approximate[Int(items[start])]
            while end < items.count && approximate[Int(items[end])] - low <= abs(low) * 1e-12 { end += 1 }
            if end - start > 1 { items[start..<end].sort { keys[Int($0)] < keys[Int($1)] } }
            start = end
        }
    }

    // MARK: EES

    /// EES with `perVoterBudget` (in the table's scaled currency).
    func run(perVoterBudget: Rational) -> Outcome {
        let ballotCount = ballots.weights.count
        var outcome = Outcome(
            classOfBallot: [Int32](repeating: 0, count: ballotCount), classBudget: [perVoterBudget],
            approximate: [perVoterBudget.doubleValue], classParent: [-1], classPayment: [nil],
            paying: [Set<Int32>](repeating: [], count: projects.projectCount))
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
            var best: (project: Int, payers: Int, share: Rational)?
            for project in open {
                if let best, compareScores(bound[project], project, best.payers, best.project) < 0 { break }
                // The supporters' classes, poorest first.
                var classes: [Int32] = []
                for ballot in supporters[project] {
                    let budgetClass = Int(outcome.classOfBallot[Int(ballot)])
                    if histogram[budgetClass] == 0 { classes.append(Int32(budgetClass)) }
                    histogram[budgetClass] += ballots.weights[Int(ballot)]
                }
                Self.sort(&classes, keys: outcome.classBudget, approximate: outcome.approximate)
                var payers = projects.supporterCounts[project]
                let cost = Rational(projects.costs[project])
                for budgetClass in classes {
                    guard payers > 0, outcome.classBudget[Int(budgetClass)] * Rational(payers) < cost else { break }
                    payers -= histogram[Int(budgetClass)]
                }
                for budgetClass in classes { histogram[Int(budgetClass)] = 0 }
                bound[project] = payers
                guard payers > 0 else { continue }
                if let current = best {
                    let order = compareScores(payers, project, current.payers, current.project)
                    if order < 0 || (order == 0 && projects.identifierRank[project] > projects.identifierRank[current.project]) {
                        continue
                    }
                }
                best = (project, payers, cost / Rational(payers))
            }
            guard let (winner, _, share) = best else { return outcome }
            outcome.winners.append(winner)
            open.removeAll { $0 == winner }
            // Classes that can pay the share pay it: each splits into payers and the others.
            var split: [Int32: Int32] = [:]
            for ballot in supporters[winner] where outcome.classBudget[Int(outcome.classOfBallot[Int(ballot)])] >= share {
                let old = outcome.classOfBallot[Int(ballot)]
                let new: Int32
                if let known = split[old] {
                    new = known
                } else {
                    new = Int32(outcome.classBudget.count)
                    let budget = outcome.classBudget[Int(old)] - share
                    outcome.classBudget.append(budget)
                    outcome.approximate.append(budget.doubleValue)
                    outcome.classParent.append(old)
                    outcome.classPayment.append((winner, share))
                    histogram.append(0)
                    split[old] = new
                }
                outcome.classOfBallot[Int(ballot)] = new
                outcome.paying[winner].insert(ballot)
            }
        }
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
    private struct Leximax {
        var entries: [(amount: Rational, approximate: Double, rank: Int)]

        static func < (a: Leximax, b: Leximax) -> Bool {
            for (x, y) in zip(a.entries, b.entries) {
                let order = ExactEqualShares.compare(x.amount, x.approximate, y.amount, y.approximate)
                if order != 0 { return order < 0 }
                if x.rank != y.rank { return x.rank < y.rank }
            }
            return a.entries.count < b.entries.count
        }

        /// Compares the first entry with `(price, rank)`: -1, 0 or 1.
        func compareFirst(_ price: () -> Rational, _ approximate: Double, _ rank: Int) -> Int {
            let first = entries[0]
            let gap = first.approximate - approximate
            let order: Int
            if abs(gap) > (abs(first.approximate) + abs(approximate)) * 1e-12 {
                order = gap < 0 ? -1 : 1
            } else {
                let exact = price()
                order = first.amount == exact ? 0 : (first.amount < exact ? -1 : 1)
            }
            if order != 0 { return order }
            return first.rank == rank ? 0 : (first.rank < rank ? -1 : 1)
        }

        /// Whether this vector comes before `[(price, rank)]`.
        func precedes(_ price: () -> Rational, _ approximate: Double, _ rank: Int) -> Bool {
            compareFirst(price, approximate, rank) < 0
        }

        /// Whether `[(price, rank)]` comes before this vector.
        func follows(_ price: () -> Rational, _ approximate: Double, _ rank: Int) -> Bool {
            let order = compareFirst(price, approximate, rank)
            return order > 0 || (order == 0 && entries.count > 1)
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
        let leximax = outcome.classBudget.indices.map { budgetClass -> Leximax in
            var payments: [(amount: Rational, approximate: Double, rank: Int)] = []
            var link = budgetClass
            while let payment = outcome.classPayment[link] {
                payments.append((payment.amount, payment.amount.doubleValue, rank[payment.project]))
                link = Int(outcome.classParent[link])
            }
            guard !payments.isEmpty else { return Leximax(entries: [(.zero, 0, 0)]) }
            let entries = payments.sorted {
                let order = Self.compare($0.amount, $0.approximate, $1.amount, $1.approximate)
                return order != 0 ? order > 0 : $0.rank < $1.rank
            }
            return Leximax(entries: entries)
        }
        // Classes by leftover budget and by leximax vector; then voters (their ballots' classes,
        // in file order) in those orders, ties kept in file order.
        var byLeftover = (0..<Int32(outcome.classBudget.count)).map { $0 }
        Self.sort(&byLeftover, keys: outcome.classBudget, approximate: outcome.approximate)
        let leftoverRank = Self.ranks(byLeftover) { outcome.classBudget[$0] == outcome.classBudget[$1] }
        let byLeximax = leximax.indices.sorted { leximax[$0] < leximax[$1] }.map { Int32($0) }
        let leximaxRank = Self.ranks(byLeximax) { !(leximax[$0] < leximax[$1]) }
        let classOfVoter = ballots.ballotOfVoter.map { outcome.classOfBallot[Int($0)] }
        let votersByLeftover = Self.votersInOrder(classOfVoter, rank: leftoverRank)
        let votersByLeximax = Self.votersInOrder(classOfVoter, rank: leximaxRank)
        var increase: Rational?
        for project in 0..<projects.projectCount {
            guard let found = greedyProjectChange(
                project, outcome, leximax, classOfVoter: classOfVoter, byLeftover: votersByLeftover, byLeximax: votersByLeximax)
            else { continue }
            if increase == nil || found < increase! { increase = found }
        }
        return increase
    }

    /// Ranks along a sorted order: equal neighbours (`same(previous, next)`) share a rank.
    private static func ranks(_ order: [Int32], same: (Int, Int) -> Bool) -> [Int] {
        var rank = [Int](repeating: 0, count: order.count)
        for position in order.indices.dropFirst() {
            let (previous, current) = (Int(order[position - 1]), Int(order[position]))
            rank[current] = same(previous, current) ? rank[previous] : rank[previous] + 1
        }
        return rank
    }

    /// The voters ordered by the rank of their class, voters of equal rank in file order: a
    /// counting sort.
    private static func votersInOrder(_ classOfVoter: [Int32], rank: [Int]) -> [Int] {
        var start = [Int](repeating: 0, count: (rank.max() ?? 0) + 2)
        for budgetClass in classOfVoter { start[rank[Int(budgetClass)] + 1] += 1 }
        for index in 1..<start.count { start[index] += start[index - 1] }
        var ordered = [Int](repeating: 0, count: classOfVoter.count)
        for (voter, budgetClass) in classOfVoter.enumerated() {
            ordered[start[rank[Int(budgetClass)]]] = voter
            start[rank[Int(budgetClass)]] += 1
        }
        return ordered
    }

    /// Algorithm 2 for one project: the smallest per-voter increase at which it certifies the
    /// outcome unstable, or `nil` (infinite).
    private func greedyProjectChange(
        _ project: Int, _ outcome: Outcome, _ leximax: [Leximax], classOfVoter: [Int32], byLeftover: [Int], byLeximax: [Int]
    ) -> Rational? {
        // The voters who approve the project without paying for it: O_p(X).
        var outsideBallot = [Bool](repeating: false, count: ballots.weights.count)
        for ballot in supporters[project] where !outcome.paying[project].contains(ballot) { outsideBallot[Int(ballot)] = true }
        let voters = ballots.ballotOfVoter
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
            let price = { cost / Rational(sharing) }
            if leximaxIndex < count && leximax[Int(classOfVoter[outsideByLeximax[leximaxIndex]])].precedes(price, approximatePrice, name) {
                if solvent[outsideByLeximax[leximaxIndex]] {
                    solvent[outsideByLeximax[leximaxIndex]] = false
                    solventCount -= 1
                }
                leximaxIndex += 1
            } else if leftoverIndex < count
                && leximax[Int(classOfVoter[outsideByLeftover[leftoverIndex]])].follows(price, approximatePrice, name)
            {
                solvent[outsideByLeftover[leftoverIndex]] = true
                solventCount += 1
                leftoverIndex += 1
            } else if leftoverIndex < count {
                let budgetClass = Int(classOfVoter[outsideByLeftover[leftoverIndex]])
                let approximate = approximatePrice - outcome.approximate[budgetClass]
                // Exactly only when it may be the smallest so far.
                if increase == nil || approximate <= increase!.approximate + abs(approximate) * 1e-12 + 1e-300 {
                    let candidate = price() - outcome.classBudget[budgetClass]
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
