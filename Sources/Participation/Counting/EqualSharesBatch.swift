/// Runs of the method of equal shares at several per-voter budgets at once (*lanes*), sharing
/// what they have in common: the passes over each project's supporters and over its classes.
///
/// A single run keeps voters in budget classes and, for each candidate it evaluates, builds the
/// histogram of its supporters over the classes — a pass over the supporters, the bulk of the
/// work. Here the lanes that have chosen the same winners so far share one partition of the
/// voters into classes, each class carrying one budget per lane; one histogram then serves every
/// lane, and the classification of the classes (poor or rich) is done for all lanes in one pass
/// over the classes. A class that pays its whole budget in every lane joins the empty class 0;
/// one that pays it in some lanes only becomes a class whose budget is 0 there: the partition is
/// the common refinement of the lanes' own partitions, so each lane sees exactly the budgets its
/// own run would. When lanes choose different winners the group splits, and each part goes on
/// alone with a copy of the partition.
///
/// Every lane takes its decisions like a single run (floating point with error bounds, exact
/// rationals when in doubt) on the same budgets, so it selects the same winners in the same order;
/// evaluating a candidate a lane alone would not have evaluated changes none of its decisions.
struct EqualSharesBatch {
    /// The most lanes one batch runs (the width of the lane masks).
    static let maximumLanes = 64

    /// One candidate evaluated in one round for some lanes of a group: its supporters' classes
    /// with their counts, the lanes in which each class is poor, and each lane's result.
    private struct Evaluation {
        var project: Int
        var classes: [Int32]
        var counts: [Int]
        var poorLanes: [UInt64]
        /// The lanes evaluated, and among them those where the project is affordable.
        var evaluated: UInt64 = 0
        var affordable: UInt64 = 0
        // By lane (`width` entries each).
        var richCount: [Int]
        var payment: [Double]
        var paymentError: [Double]
        var exactPayment: [Rational?]
        var rho: [Double]
        var rhoError: [Double]

        func lower(_ lane: Int) -> Double { rho[lane] - EqualSharesRun.safety * rhoError[lane] - abs(rho[lane]) * 1e-14 }
        func upper(_ lane: Int) -> Double { rho[lane] + EqualSharesRun.safety * rhoError[lane] + abs(rho[lane]) * 1e-14 }
    }

    /// One lane's own state: its winners, a lower bound on each candidate's ρ, and which
    /// candidates it selected or dropped.
    private struct Lane {
        var index: Int
        var winners: [Int] = []
        var stale: [Double]
        var closed: [Bool]
    }

    /// Lanes that chose the same winners so far, with their shared partition of the ballots.
    private struct Group {
        var lanes: [Lane]
        var classOfBallot: [Int32]
        /// A winner to pay before going on (a group split off at a round), with its evaluation.
        var pending: Evaluation?
    }

    private let run: EqualSharesRun
    private let profile: CountingProfile
    private let budgets: [Rational]
    private let width: Int

    // Classes, shared by every group and only ever appended to: budgets `values[c * width + lane]`.
    private var values: [Double]
    private var errors: [Double]
    /// Exact budgets computed so far, by `class * width + lane` (rarely needed: a dictionary).
    private var exact: [Int: Rational] = [:]
    private var parent: [Int32] = [-1, -1]
    private var round: [Int32] = [-1, -1]
    /// The lanes in which the class came out of its round with an empty budget.
    private var emptied: [UInt64] = [0, 0]
    /// Each round's winning evaluation, for the exact payments.
    private var rounds: [Evaluation] = []

    /// One class's worth of zero budgets, to append.
    private let zeros: [Double]

    // Scratch, sized to the classes.
    private var histogram: [Int] = [0, 0]
    private var remap: [Int32] = [-1, -1]

    init(run: EqualSharesRun, budgets: [Rational]) {
        precondition(!budgets.isEmpty && budgets.count <= Self.maximumLanes, "1 to \(Self.maximumLanes) budgets")
        self.run = run
        profile = run.profile
        self.budgets = budgets
        width = budgets.count
        zeros = [Double](repeating: 0, count: width)
        values = [Double](repeating: 0, count: 2 * width)
        errors = [Double](repeating: 0, count: 2 * width)
        values.reserveCapacity(32768 * width)
        errors.reserveCapacity(32768 * width)
        for (lane, budget) in budgets.enumerated() {
            values[width + lane] = budget.doubleValue
            errors[width + lane] = abs(values[width + lane]) * EqualSharesRun.epsilon
        }
    }

    private var classCount: Int { parent.count }

    private static func bit(_ lane: Int) -> UInt64 { 1 << UInt64(lane) }

    /// Runs every lane to its end; returns each lane's winners in selection order.
    mutating func execute() -> [[Int]] {
        var outcomes = [[Int]](repeating: [], count: width)
        var closed = [Bool](repeating: true, count: profile.projectCount)
        var stale = [Double](repeating: 0, count: profile.projectCount)
        for project in run.candidates {
            closed[project] = false
            // ρ ≥ 1/supporters: nobody pays more than the payment asked of the rich.
            stale[project] = (1.0 / Double(profile.supporterCounts[project])) * (1 - 1e-12)
        }
        let lanes = (0..<width).map { Lane(index: $0, stale: stale, closed: closed) }
        var pending = [Group(lanes: lanes, classOfBallot: [Int32](repeating: 1, count: profile.ballotCount))]
        while var group = pending.popLast() {
            if let winner = group.pending {
                group.pending = nil
                pay(winner, in: &group)
            }
            runRounds(&group, splittingInto: &pending, outcomes: &outcomes)
        }
        return outcomes
    }

    /// Runs the group's rounds until every lane has ended; lanes that choose another winner than
    /// the first lane go on as new groups, appended to `pending`.
    private mutating func runRounds(_ group: inout Group, splittingInto pending: inout [Group], outcomes: inout [[Int]]) {
        while !group.lanes.isEmpty {
            let lanes = group.lanes.count
            // Candidates still open in some lane, by their smallest lower bound over those lanes.
            var order: [(project: Int, lower: Double)] = []
            for project in run.candidates {
                var lower = Double.infinity
                for lane in group.lanes where !lane.closed[project] { lower = min(lower, lane.stale[project]) }
                if lower < .infinity { order.append((project, lower)) }
            }
            order.sort { $0.lower < $1.lower }
            var evaluations: [Evaluation] = []
            var minimumUpper = [Double](repeating: .infinity, count: lanes)
            var largestUpper = Double.infinity
            for (project, lower) in order {
                // Later candidates have larger bounds in every lane: no lane needs them.
                if lower > largestUpper { break }
                var needing: UInt64 = 0
                for position in 0..<lanes
                where !group.lanes[position].closed[project] && group.lanes[position].stale[project] <= minimumUpper[position] {
                    needing |= Self.bit(group.lanes[position].index)
                }
                if needing == 0 { continue }
                var start = [Double](repeating: 0, count: width)
                for lane in group.lanes { start[lane.index] = lane.stale[project] * run.costDouble[project] * (1 - 1e-12) }
                let evaluation = evaluate(project, lanes: needing, start: start, group.classOfBallot)
                for position in 0..<lanes {
                    let lane = group.lanes[position].index
                    guard evaluation.evaluated & Self.bit(lane) != 0 else { continue }
                    if evaluation.affordable & Self.bit(lane) != 0 {
                        group.lanes[position].stale[project] = max(group.lanes[position].stale[project], evaluation.lower(lane))
                        minimumUpper[position] = min(minimumUpper[position], evaluation.upper(lane))
                    } else {
                        group.lanes[position].closed[project] = true
                    }
                }
                evaluations.append(evaluation)
                largestUpper = minimumUpper.max() ?? .infinity
            }
            // Each lane's winner; a lane with no affordable candidate has ended.
            var winners: [(position: Int, evaluation: Int)] = []
            for position in 0..<lanes {
                let lane = group.lanes[position].index
                let contenders = evaluations.indices.filter {
                    evaluations[$0].affordable & Self.bit(lane) != 0 && evaluations[$0].lower(lane) <= minimumUpper[position]
                }
                if contenders.isEmpty {
                    outcomes[lane] = group.lanes[position].winners
                    continue
                }
                winners.append((position, chooseWinner(contenders, in: &evaluations, lane: lane)))
            }
            guard let first = winners.first?.evaluation else { return }
            // Lanes choosing another winner go on without this group's partition changes.
            var byWinner: [Int: [Int]] = [:]
            for entry in winners where entry.evaluation != first { byWinner[entry.evaluation, default: []].append(entry.position) }
            for (winner, positions) in byWinner.sorted(by: { $0.key < $1.key }) {
                pending.append(Group(
                    lanes: positions.map { group.lanes[$0] }, classOfBallot: group.classOfBallot, pending: evaluations[winner]))
            }
            group.lanes = winners.filter { $0.evaluation == first }.map { group.lanes[$0.position] }
            pay(evaluations[first], in: &group)
        }
    }

    // MARK: Evaluation

    /// Builds the histogram of `project`'s supporters over the classes: the classes and counts.
    private mutating func histogramOf(_ project: Int, _ classOfBallot: [Int32]) -> (classes: [Int32], counts: [Int]) {
        let start = profile.supporterOffsets[project]
        let end = profile.supporterOffsets[project + 1]
        var classes: [Int32] = []
        profile.supporterBallots.withUnsafeBufferPointer { supporters in
            profile.ballotWeights.withUnsafeBufferPointer { weights in
                classOfBallot.withUnsafeBufferPointer { classOf in
                    histogram.withUnsafeMutableBufferPointer { counts in
                        for position in start..<end {
                            let ballot = Int(supporters[position])
                            let budgetClass = Int(classOf[ballot])
                            if counts[budgetClass] == 0 { classes.append(Int32(truncatingIfNeeded: budgetClass)) }
                            counts[budgetClass] += weights[ballot]
                        }
                    }
                }
            }
        }
        let counts = classes.map { histogram[Int($0)] }
        for budgetClass in classes { histogram[Int(budgetClass)] = 0 }
        return (classes, counts)
    }

    /// Evaluates `project` in the lanes of `lanes`: whether it is affordable there and at which ρ.
    ///
    /// In each lane, finds the payment `q` solving `Σ min(budget, q) = cost` without sorting:
    /// mark poor the classes whose budget is below a lower bound of `q` (`start`, from the lane's
    /// lower bound on ρ, or `cost / supporters`), recompute `q` from the classes still rich
    /// (which stays at or above that bound), and repeat until nobody moves — one pass over the
    /// classes per round of marking, for all lanes at once. The pass in which nobody moves also
    /// checks every classification against the error bounds; a lane in doubt is evaluated exactly.
    /// One lane's progress in ``evaluate(_:lanes:start:_:)``.
    private struct Settling {
        /// The poor classes' budgets summed, with the bound on its rounding error.
        var paid = 0.0
        var paidError = 0.0
        var rich: Int
        /// The payment the classes are compared with: a lower bound of `q` at first, then `q`.
        var threshold: Double
        /// The widened error bound of `q`, once `threshold` is `q`.
        var slack: Double
        /// The highest budget of a poor class, plus its widened error.
        var poorHigh = -Double.infinity
        /// Classes from this budget up were left out after the first pass ("far"), and the lowest
        /// of them, minus its widened error.
        var ceiling: Double
        var farLow = Double.infinity
    }

    private mutating func evaluate(_ project: Int, lanes: UInt64, start: [Double], _ classOfBallot: [Int32]) -> Evaluation {
        let (classes, counts) = histogramOf(project, classOfBallot)
        let cost = run.costDouble[project]
        let costError = run.costError[project]
        let eps = EqualSharesRun.epsilon
        let safety = EqualSharesRun.safety
        let width = self.width
        let supporters = profile.supporterCounts[project]
        let first = cost / Double(supporters)
        // The error bound of `first`, the payment with nobody poor.
        let firstSlack = safety * ((costError + cost * eps) / Double(supporters) + first * eps)
        var lane = (0..<width).map { j -> Settling in
            let threshold = lanes & Self.bit(j) != 0 ? max(first, start[j]) : first
            return Settling(rich: supporters, threshold: threshold, slack: firstSlack, ceiling: threshold * 1.5)
        }
        var poorLanes = [UInt64](repeating: 0, count: classes.count)
        // Classes at or above a lane's ceiling in the first pass are "far": rich unless the payment
        // comes near the lowest of them, and then not visited again; the others are listed.
        var nearLanes = [UInt64](repeating: 0, count: classes.count)
        var near: [Int32] = []
        var settling = lanes
        var unaffordable: UInt64 = 0
        var doubtful: UInt64 = 0
        var full = true
        values.withUnsafeBufferPointer { values in
            errors.withUnsafeBufferPointer { errors in
                lane.withUnsafeMutableBufferPointer { lane in
                    poorLanes.withUnsafeMutableBufferPointer { poorLanes in
                        nearLanes.withUnsafeMutableBufferPointer { nearLanes in
                            while settling != 0 {
                                var moved: UInt64 = 0
                                var uncertain: UInt64 = 0
                                let visited = full ? classes.count : near.count
                                for position in 0..<visited {
                                    let index = full ? position : Int(near[position])
                                    let base = Int(classes[index]) * width
                                    let count = counts[index]
                                    // Poor classes stay poor, far ones rich: only the others are visited.
                                    var open = settling & ~poorLanes[index] & (full ? ~0 : nearLanes[index])
                                    while open != 0 {
                                        let j = open.trailingZeroBitCount
                                        open &= open &- 1
                                        let value = values[base + j]
                                        let error = safety * errors[base + j]
                                        if value < lane[j].threshold {
                                            poorLanes[index] |= Self.bit(j)
                                            lane[j].paid += Double(count) * value
                                            lane[j].paidError += Double(count) * errors[base + j] + abs(lane[j].paid) * eps * 2
                                            lane[j].rich -= count
                                            lane[j].poorHigh = max(lane[j].poorHigh, value + error)
                                            moved |= Self.bit(j)
                                        } else if value >= lane[j].ceiling {
                                            lane[j].farLow = min(lane[j].farLow, value - error)
                                        } else {
                                            if nearLanes[index] == 0 { near.append(Int32(truncatingIfNeeded: index)) }
                                            nearLanes[index] |= Self.bit(j)
                                            if value - error <= lane[j].threshold + lane[j].slack { uncertain |= Self.bit(j) }
                                        }
                                    }
                                }
                                full = false
                                var open = settling
                                while open != 0 {
                                    let j = open.trailingZeroBitCount
                                    open &= open &- 1
                                    if lane[j].rich == 0 {
                                        unaffordable |= Self.bit(j)
                                        settling &= ~Self.bit(j)
                                        continue
                                    }
                                    let next = (cost - lane[j].paid) / Double(lane[j].rich)
                                    let slack = safety * ((lane[j].paidError + costError + (cost + lane[j].paid) * eps)
                                        / Double(lane[j].rich) + abs(next) * eps)
                                    if lane[j].farLow <= next + slack {
                                        // The payment reached the far classes: visit them all again.
                                        lane[j].ceiling = .infinity
                                        lane[j].farLow = .infinity
                                        full = true
                                    } else if moved & Self.bit(j) == 0 && next == lane[j].threshold {
                                        // Nobody moved at the payment itself: the pass checked the near
                                        // rich classes' margins; the poor ones' is their highest budget's,
                                        // the far ones' their lowest's.
                                        if uncertain & Self.bit(j) != 0 || lane[j].poorHigh >= next - lane[j].slack { doubtful |= Self.bit(j) }
                                        settling &= ~Self.bit(j)
                                        continue
                                    }
                                    lane[j].threshold = next
                                    lane[j].slack = slack
                                }
                            }
                        }
                    }
                }
            }
        }
        var evaluation = Evaluation(
            project: project, classes: classes, counts: counts, poorLanes: poorLanes, evaluated: lanes,
            richCount: lane.map(\.rich), payment: lane.map(\.threshold), paymentError: lane.map { $0.slack / safety },
            exactPayment: [Rational?](repeating: nil, count: width), rho: [Double](repeating: 0, count: width),
            rhoError: [Double](repeating: 0, count: width))
        for j in 0..<width where lanes & Self.bit(j) != 0 {
            if unaffordable & Self.bit(j) != 0 {
                // Everyone is poor: unaffordable, if the shortfall exceeds the rounding error.
                let paid = lane[j].paid
                if cost - paid > safety * (lane[j].paidError + costError + (cost + paid) * eps) { continue }
                doubtful |= Self.bit(j)
            }
            if doubtful & Self.bit(j) != 0 {
                evaluateExactly(&evaluation, lane: j)
                continue
            }
            evaluation.affordable |= Self.bit(j)
            let rho = evaluation.payment[j] / cost
            evaluation.rho[j] = rho
            evaluation.rhoError[j] = evaluation.paymentError[j] / cost + abs(rho) * eps + costError / cost * abs(rho)
        }
        return evaluation
    }

    /// The exact counterpart of the floating-point evaluation, in one lane, for when rounding
    /// could change a decision.
    private mutating func evaluateExactly(_ evaluation: inout Evaluation, lane: Int) {
        let bit = Self.bit(lane)
        var budget: [Rational] = []
        for budgetClass in evaluation.classes { budget.append(exactBudget(Int(budgetClass), lane: lane)) }
        let ordered = evaluation.classes.indices.sorted { budget[$0] < budget[$1] }
        let cost = Rational(profile.costs[evaluation.project])
        var paid = Rational.zero
        var rich = profile.supporterCounts[evaluation.project]
        for index in evaluation.classes.indices { evaluation.poorLanes[index] &= ~bit }
        evaluation.affordable &= ~bit
        for position in ordered.indices {
            let index = ordered[position]
            let q = (cost - paid) / Rational(rich)
            if q <= budget[index] {
                for poor in ordered[0..<position] { evaluation.poorLanes[poor] |= bit }
                let payment = q.doubleValue
                let rho = (q / cost).doubleValue
                evaluation.affordable |= bit
                evaluation.richCount[lane] = rich
                evaluation.payment[lane] = payment
                evaluation.paymentError[lane] = abs(payment) * 1e-15
                evaluation.exactPayment[lane] = q
                evaluation.rho[lane] = rho
                evaluation.rhoError[lane] = abs(rho) * 1e-15
                return
            }
            paid += budget[index] * Rational(evaluation.counts[index])
            rich -= evaluation.counts[index]
        }
    }

    private mutating func exactBudget(_ budgetClass: Int, lane: Int) -> Rational {
        func known(_ budgetClass: Int) -> Rational? {
            if budgetClass == 0 || emptied[budgetClass] & Self.bit(lane) != 0 { return .zero }
            if budgetClass == 1 { return budgets[lane] }
            return exact[budgetClass * width + lane]
        }
        if let value = known(budgetClass) { return value }
        var chain: [Int] = []
        var current = budgetClass
        while known(current) == nil {
            chain.append(current)
            current = Int(parent[current])
        }
        // Class 1 is known, and every chain of parents ends there.
        var value = known(current)!
        for link in chain.reversed() {
            value = value - exactRoundPayment(Int(round[link]), lane: lane)
            exact[link * width + lane] = value
        }
        return value
    }

    /// The exact payment of a round's winner in a lane, computed the first time it is needed.
    private mutating func exactRoundPayment(_ index: Int, lane: Int) -> Rational {
        if let known = rounds[index].exactPayment[lane] { return known }
        let payment = exactPayment(rounds[index], lane: lane)
        rounds[index].exactPayment[lane] = payment
        return payment
    }

    /// The exact payment of an evaluation's rich supporters in a lane.
    private mutating func exactPayment(_ evaluation: Evaluation, lane: Int) -> Rational {
        if let known = evaluation.exactPayment[lane] { return known }
        var paid = Rational.zero
        for (index, budgetClass) in evaluation.classes.enumerated()
        where budgetClass != 0 && evaluation.poorLanes[index] & Self.bit(lane) != 0 {
            paid += exactBudget(Int(budgetClass), lane: lane) * Rational(evaluation.counts[index])
        }
        return (Rational(profile.costs[evaluation.project]) - paid) / Rational(evaluation.richCount[lane])
    }

    // MARK: Selection

    /// A lane's winner among contenders (indices into `evaluations`) whose ρ intervals overlap;
    /// exact only when there are several.
    private mutating func chooseWinner(_ contenders: [Int], in evaluations: inout [Evaluation], lane: Int) -> Int {
        if contenders.count == 1 { return contenders[0] }
        var best: [(evaluation: Int, rho: Rational)] = []
        for contender in contenders {
            let payment = exactPayment(evaluations[contender], lane: lane)
            evaluations[contender].exactPayment[lane] = payment
            let rho = payment / Rational(profile.costs[evaluations[contender].project])
            if best.isEmpty || rho < best[0].rho {
                best = [(contender, rho)]
            } else if rho == best[0].rho {
                best.append((contender, rho))
            }
        }
        let chosen = best.min { a, b in run.precedes(evaluations[a.evaluation].project, evaluations[b.evaluation].project) }
        // `best` holds at least the first contender.
        return chosen!.evaluation
    }

    // MARK: Payment

    /// The group's lanes pay for the winner of `evaluation`, evaluated in this round for every
    /// lane of the group.
    private mutating func pay(_ evaluation: Evaluation, in group: inout Group) {
        let eps = EqualSharesRun.epsilon
        let width = self.width
        let index = Int32(rounds.count)
        var groupLanes: UInt64 = 0
        for lane in group.lanes { groupLanes |= Self.bit(lane.index) }
        let payers = group.lanes.map { (lane: $0.index, payment: evaluation.payment[$0.index], error: evaluation.paymentError[$0.index]) }
        var record = evaluation
        // Classes that pay their whole budget in every lane of the group join class 0; each
        // other one gets a new class, appended in bulk.
        var kept: [Int] = []
        for (position, budgetClass) in evaluation.classes.enumerated() {
            let poor = budgetClass == 0 ? groupLanes : evaluation.poorLanes[position] & groupLanes
            record.poorLanes[position] = poor
            if poor == groupLanes {
                remap[Int(budgetClass)] = 0
            } else {
                kept.append(position)
            }
        }
        let firstNew = classCount
        values.append(contentsOf: repeatElement(0, count: kept.count * width))
        errors.append(contentsOf: repeatElement(0, count: kept.count * width))
        histogram.append(contentsOf: repeatElement(0, count: kept.count))
        remap.append(contentsOf: repeatElement(-1, count: kept.count))
        round.append(contentsOf: repeatElement(index, count: kept.count))
        parent.append(contentsOf: kept.map { evaluation.classes[$0] })
        emptied.append(contentsOf: kept.map { record.poorLanes[$0] })
        values.withUnsafeMutableBufferPointer { values in
            errors.withUnsafeMutableBufferPointer { errors in
                for (offset, position) in kept.enumerated() {
                    let budgetClass = Int(evaluation.classes[position])
                    let newClass = firstNew + offset
                    let poor = record.poorLanes[position]
                    let base = budgetClass * width
                    for payer in payers where poor & Self.bit(payer.lane) == 0 {
                        let value = values[base + payer.lane]
                        values[newClass * width + payer.lane] = value - payer.payment
                        errors[newClass * width + payer.lane] = errors[base + payer.lane] + payer.error
                            + (abs(value) + abs(payer.payment)) * eps
                    }
                    remap[budgetClass] = Int32(newClass)
                }
            }
        }
        rounds.append(record)
        let winner = evaluation.project
        let start = profile.supporterOffsets[winner]
        let end = profile.supporterOffsets[winner + 1]
        profile.supporterBallots.withUnsafeBufferPointer { supporters in
            remap.withUnsafeBufferPointer { remap in
                group.classOfBallot.withUnsafeMutableBufferPointer { classOf in
                    for position in start..<end {
                        let ballot = Int(supporters[position])
                        classOf[ballot] = remap[Int(classOf[ballot])]
                    }
                }
            }
        }
        for budgetClass in evaluation.classes { remap[Int(budgetClass)] = -1 }
        for position in group.lanes.indices {
            group.lanes[position].winners.append(winner)
            group.lanes[position].closed[winner] = true
        }
    }
}


