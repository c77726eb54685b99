/// One run of the method of equal shares (MES) with cost satisfaction and a fixed per-voter
/// budget, exactly as pabutools' `method_of_equal_shares` computes it.
///
/// Every voter starts with the same budget. Candidates are projects with a positive cost and at
/// least one supporter. In each round, a candidate's ρ is the smallest factor such that its
/// supporters, each paying `min(budget, ρ·cost)`, cover its cost; the candidate with the smallest
/// ρ wins (ties: see ``TieBreak``), its supporters pay, and candidates their supporters can no
/// longer afford are dropped for good. The run ends when no candidate is affordable.
///
/// ## How it stays exact and fast
/// Voters with the same budget form a *budget class*; a project's supporters become a histogram
/// over classes. Budgets are tracked in `Double` together with a rigorous bound on their
/// rounding error, and every decision (poor or rich, affordable or not, which ρ is smallest) is
/// taken in floating point only when the margin exceeds the error bound. Otherwise — near-ties,
/// exact ties — the decision is recomputed in exact rationals: each class remembers its parent
/// class and the round whose exact payment it paid, so its exact budget is rebuilt on demand.
/// The winner's payment is always exact. The outcome is therefore the exact outcome.
struct EqualSharesRun {
    /// How exact ties between equally good candidates are broken.
    enum TieBreak: Sendable {
        /// Smallest project id (pabutools' `lexico_tie_breaking`).
        case identifier
        /// Lower cost, then more supporters, then smallest id (pabulib's checker).
        case lowerCostThenMoreApprovals
    }

    private struct Evaluation {
        var project: Int
        /// The poor classes with their supporter counts (they pay their whole budget).
        var poorClasses: [Int32]
        var poorCounts: [Int]
        var richCount: Int
        /// The payment `ρ·cost` asked of each rich supporter, with its error bound.
        var payment: Double
        var paymentError: Double
        /// The exact payment, when the evaluation had to be exact.
        var exactPayment: Rational?
        var rho: Double
        var rhoError: Double
        var lower: Double { rho - rhoError }
        var upper: Double { rho + rhoError }
    }

    private static let epsilon = 0x1p-52
    /// Multiplies every propagated error bound: the analysis counts each rounding once; the
    /// factor absorbs the few operations it glosses over.
    private static let safety = 4.0

    let profile: CountingProfile
    let tieBreak: TieBreak

    // Per-project constants.
    private let costDouble: [Double]
    private let costError: [Double]
    private let candidates: [Int]

    init(profile: CountingProfile, tieBreak: TieBreak) {
        self.profile = profile
        self.tieBreak = tieBreak
        var costDouble = [Double](repeating: 0, count: profile.projectCount)
        var costError = [Double](repeating: 0, count: profile.projectCount)
        var candidates: [Int] = []
        for project in 0..<profile.projectCount {
            let cost = profile.costs[project]
            costDouble[project] = cost.doubleValue
            costError[project] = cost.bitWidth <= 53 ? 0 : abs(costDouble[project]) * Self.epsilon
            if !cost.isZero && !cost.isNegative && profile.supporterCounts[project] > 0 {
                candidates.append(project)
            }
        }
        self.costDouble = costDouble
        self.costError = costError
        self.candidates = candidates
    }

    /// The MES candidates: supported projects with a positive cost.
    var candidateProjects: [Int] { candidates }

    /// Runs MES with `perVoterBudget` (in the profile's scaled currency) and returns the winners
    /// in selection order.
    func run(perVoterBudget: Rational) -> [Int] {
        var state = RunState(run: self, perVoterBudget: perVoterBudget)
        return state.execute()
    }

    private struct RunState {
        let run: EqualSharesRun
        var profile: CountingProfile { run.profile }

        // Budget classes. Class 0 is the empty budget; class 1 the initial budget.
        var classApprox: [Double]
        var classError: [Double]
        var classParent: [Int32]
        var classRound: [Int32]
        var classExact: [Rational?]
        /// Each round's winning evaluation; its exact payment is filled in lazily.
        var roundWinners: [Evaluation] = []

        var classOfBallot: [Int32]
        var histogram: [Int]
        var touched: [Int32] = []
        /// Where ``evaluate(_:)`` sorts the rich classes; kept to reuse its storage.
        var richScratch: [Int32] = []
        /// During ``pay(_:)``, the class each old class's paying supporters move to; -1 when
        /// not yet decided, and always 0 for the empty class.
        var remap: [Int32]

        var staleLower: [Double]
        var active: [Int]

        init(run: EqualSharesRun, perVoterBudget: Rational) {
            self.run = run
            let initial = perVoterBudget.doubleValue
            classApprox = [0, initial]
            classError = [0, abs(initial) * EqualSharesRun.epsilon * 2]
            classParent = [-1, -1]
            classRound = [-1, -1]
            classExact = [.zero, perVoterBudget]
            classOfBallot = [Int32](repeating: 1, count: run.profile.ballotCount)
            histogram = [0, 0]
            remap = [0, -1]
            staleLower = [Double](repeating: 0, count: run.profile.projectCount)
            for project in run.candidates {
                staleLower[project] = (1.0 / Double(run.profile.supporterCounts[project])) * (1 - 1e-12)
            }
            active = run.candidates
        }

        mutating func execute() -> [Int] {
            var winners: [Int] = []
            var dropped = [Bool](repeating: false, count: profile.projectCount)
            while !active.isEmpty {
                active.sort { staleLower[$0] < staleLower[$1] }
                var evaluations: [Evaluation] = []
                var minimumUpper = Double.infinity
                for project in active {
                    if staleLower[project] > minimumUpper { break }
                    guard let evaluation = evaluate(project) else {
                        dropped[project] = true
                        continue
                    }
                    staleLower[project] = max(staleLower[project], evaluation.lower)
                    minimumUpper = min(minimumUpper, evaluation.upper)
                    evaluations.append(evaluation)
                }
                active.removeAll { dropped[$0] }
                if evaluations.isEmpty { break }
                let contenders = evaluations.filter { $0.lower <= minimumUpper }
                let winner = chooseWinner(contenders)
                pay(winner)
                winners.append(winner.project)
                active.removeAll { $0 == winner.project }
            }
            return winners
        }

        // MARK: Evaluation

        mutating func clearHistogram() {
            touched.withUnsafeBufferPointer { touched in
                histogram.withUnsafeMutableBufferPointer { counts in
                    for budgetClass in touched { counts[Int(budgetClass)] = 0 }
                }
            }
        }

        /// ρ of `project` with its poor classes, or `nil` when its supporters cannot afford it.
        ///
        /// Finds the payment `q` solving `Σ min(budget, q) = cost`. With everyone rich,
        /// `q₀ = cost / supporters`; classes below `q₀` are poor whatever happens next, since
        /// moving a class whose budget is below `q` to the poor side only raises `q`. So the one
        /// pass over the supporters that builds the histogram also sets those classes aside, adds
        /// up what they pay (once per class), and keeps the extreme budgets (with their error bounds) of each side.
        /// Only when some remaining class is still below the new `q` are the remaining ones
        /// settled by ``settleRemaining(_:cost:paid:paidError:rich:poor:)``. Then every
        /// classification is checked against the error bounds (through those extremes); any
        /// doubt means an exact evaluation.
        mutating func evaluate(_ project: Int) -> Evaluation? {
            let cost = run.costDouble[project]
            let costError = run.costError[project]
            let eps = EqualSharesRun.epsilon
            let safety = EqualSharesRun.safety
            let supporterCount = profile.supporterCounts[project]
            let q0 = cost / Double(supporterCount)
            var paid = 0.0
            var paidError = 0.0
            var poorWeight = 0
            var lowestRich = Double.infinity
            // Smallest `budget - safety·error` of a rich class, largest `budget + safety·error` of a poor one.
            var richLower = Double.infinity
            var poorUpper = -Double.infinity
            var poor: [Int32] = []
            // Moved out of `self` so the loop writes to uniquely owned locals.
            var list: [Int32] = []
            swap(&list, &touched)
            list.removeAll(keepingCapacity: true)
            var counts: [Int] = []
            swap(&counts, &histogram)
            let start = profile.supporterOffsets[project]
            let end = profile.supporterOffsets[project + 1]
            profile.supporterBallots.withUnsafeBufferPointer { supporters in
                profile.ballotWeights.withUnsafeBufferPointer { weights in
                    classOfBallot.withUnsafeBufferPointer { classOf in
                        classApprox.withUnsafeBufferPointer { approx in
                            classError.withUnsafeBufferPointer { errors in
                                counts.withUnsafeMutableBufferPointer { counts in
                                    for position in start..<end {
                                        let ballot = Int(supporters[position])
                                        let budgetClass = Int(classOf[ballot])
                                        if counts[budgetClass] == 0 {
                                            // First supporter of this class: classify it once.
                                            list.append(Int32(budgetClass))
                                            let budget = approx[budgetClass]
                                            if budget < q0 {
                                                poor.append(Int32(budgetClass))
                                                poorUpper = max(poorUpper, budget + safety * errors[budgetClass])
                                            } else {
                                                lowestRich = min(lowestRich, budget)
                                                richLower = min(richLower, budget - safety * errors[budgetClass])
                                            }
                                        }
                                        counts[budgetClass] += weights[ballot]
                                    }
                                    for budgetClass in poor {
                                        let count = counts[Int(budgetClass)]
                                        paid += Double(count) * approx[Int(budgetClass)]
                                        paidError += Double(count) * errors[Int(budgetClass)] + abs(paid) * eps * 2
                                        poorWeight += count
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // Swapped back rather than assigned, so that no second reference outlives the locals.
            swap(&counts, &histogram)
            swap(&list, &touched)
            defer { clearHistogram() }
            var rich = supporterCount - poorWeight
            var q = q0
            if rich > 0 {
                q = (cost - paid) / Double(rich)
                if lowestRich < q {
                    var pending: [Int32] = []
                    swap(&pending, &richScratch)
                    pending.removeAll(keepingCapacity: true)
                    for budgetClass in touched where classApprox[Int(budgetClass)] >= q0 { pending.append(budgetClass) }
                    let richStart = settleRemaining(&pending, cost: cost, paid: &paid, paidError: &paidError, rich: &rich, poor: &poor)
                    richLower = Double.infinity
                    for budgetClass in pending[richStart...] {
                        richLower = min(richLower, classApprox[Int(budgetClass)] - safety * classError[Int(budgetClass)])
                    }
                    for budgetClass in poor {
                        poorUpper = max(poorUpper, classApprox[Int(budgetClass)] + safety * classError[Int(budgetClass)])
                    }
                    swap(&pending, &richScratch)
                    if rich > 0 { q = (cost - paid) / Double(rich) }
                }
            }
            if rich == 0 {
                // Everyone is poor: unaffordable, if the shortfall exceeds the rounding error.
                guard cost - paid > safety * (paidError + costError + (cost + paid) * eps) else { return exactEvaluation(project) }
                return nil
            }
            let qError = (paidError + costError + (cost + paid) * eps) / Double(rich) + abs(q) * eps
            guard richLower > q + safety * qError, poorUpper < q - safety * qError else { return exactEvaluation(project) }
            let rho = q / cost
            let rhoError = qError / cost + abs(rho) * eps + costError / cost * abs(rho)
            return Evaluation(
                project: project, poorClasses: poor, poorCounts: poor.map { histogram[Int($0)] },
                richCount: rich, payment: q, paymentError: safety * qError + abs(q) * 1e-14, exactPayment: nil,
                rho: rho, rhoError: safety * rhoError + abs(rho) * 1e-14)
        }

        /// Splits the classes of `pending` between poor and rich around the solution `q` of
        /// `paid + Σ_{poor} budget + q · rich = cost`, in expected linear time: a weighted
        /// quickselect. For a pivot budget `v`, if everyone at or below `v` paying their budget
        /// and everyone above paying `v` still falls short of the cost, then `q > v` and the
        /// classes at or below `v` are poor; otherwise `q ≤ v` and those at or above `v` are rich.
        /// Poor classes are added to `paid` and `poor` as they are settled; returns the
        /// index from which `pending` holds the rich classes. Floating point, like the caller:
        /// its error-bound checks catch any misjudged class.
        func settleRemaining(
            _ pending: inout [Int32], cost: Double, paid: inout Double, paidError: inout Double, rich: inout Int,
            poor: inout [Int32]
        ) -> Int {
            let eps = EqualSharesRun.epsilon
            var low = 0
            var high = pending.count
            classApprox.withUnsafeBufferPointer { approx in
                classError.withUnsafeBufferPointer { errors in
                    histogram.withUnsafeBufferPointer { counts in
                        pending.withUnsafeMutableBufferPointer { pending in
                            while low < high {
                                let pivot = approx[Int(pending[low + (high - low) / 2])]
                                // Three-way partition of [low, high): below, equal, above the pivot.
                                var below = low
                                var index = low
                                var above = high
                                var belowSum = 0.0
                                var belowCount = 0
                                while index < above {
                                    let budgetClass = pending[index]
                                    let budget = approx[Int(budgetClass)]
                                    if budget < pivot {
                                        belowSum += Double(counts[Int(budgetClass)]) * budget
                                        belowCount += counts[Int(budgetClass)]
                                        pending.swapAt(below, index)
                                        below += 1
                                        index += 1
                                    } else if budget > pivot {
                                        above -= 1
                                        pending.swapAt(index, above)
                                    } else {
                                        index += 1
                                    }
                                }
                                if paid + belowSum + pivot * Double(rich - belowCount) < cost {
                                    // q > pivot: everything up to the pivot is poor.
                                    for position in low..<above {
                                        let budgetClass = pending[position]
                                        let count = counts[Int(budgetClass)]
                                        paid += Double(count) * approx[Int(budgetClass)]
                                        paidError += Double(count) * errors[Int(budgetClass)] + abs(paid) * eps * 2
                                        rich -= count
                                        poor.append(budgetClass)
                                    }
                                    low = above
                                } else {
                                    // q ≤ pivot: everything from the pivot up is rich.
                                    high = below
                                }
                            }
                        }
                    }
                }
            }
            return low
        }

        /// The exact counterpart of ``evaluate(_:)`` for when rounding could change a decision.
        /// Expects the histogram of `project` to be filled.
        mutating func exactEvaluation(_ project: Int) -> Evaluation? {
            var exact: [Int32: Rational] = [:]
            for budgetClass in touched { exact[budgetClass] = exactBudget(Int(budgetClass)) }
            // Every touched class has an entry, filled just above.
            let ordered = touched.sorted { exact[$0]! < exact[$1]! }
            let cost = Rational(profile.costs[project])
            var paid = Rational.zero
            var rich = profile.supporterCounts[project]
            for position in ordered.indices {
                let budgetClass = ordered[position]
                let budget = exact[budgetClass]!
                let q = (cost - paid) / Rational(rich)
                if q <= budget {
                    let poor = Array(ordered[0..<position])
                    let rho = (q / cost).doubleValue
                    let payment = q.doubleValue
                    return Evaluation(
                        project: project, poorClasses: poor, poorCounts: poor.map { histogram[Int($0)] },
                        richCount: rich, payment: payment, paymentError: abs(payment) * 1e-14, exactPayment: q,
                        rho: rho, rhoError: abs(rho) * 1e-14)
                }
                let count = histogram[Int(budgetClass)]
                paid += budget * Rational(count)
                rich -= count
            }
            return nil
        }

        mutating func exactBudget(_ budgetClass: Int) -> Rational {
            if let known = classExact[budgetClass] { return known }
            var chain: [Int] = []
            var current = budgetClass
            while classExact[current] == nil {
                chain.append(current)
                current = Int(classParent[current])
            }
            // `current` has a known exact budget, so the loop above terminated on it.
            var value = classExact[current]!
            for link in chain.reversed() {
                value = value - exactRoundPayment(Int(classRound[link]))
                classExact[link] = value
            }
            return value
        }

        /// The exact payment of round `round`'s winner, computed the first time it is needed.
        mutating func exactRoundPayment(_ round: Int) -> Rational {
            if let known = roundWinners[round].exactPayment { return known }
            let payment = exactPayment(roundWinners[round])
            roundWinners[round].exactPayment = payment
            return payment
        }

        mutating func exactPayment(_ evaluation: Evaluation) -> Rational {
            if let known = evaluation.exactPayment { return known }
            var paid = Rational.zero
            for (budgetClass, count) in zip(evaluation.poorClasses, evaluation.poorCounts) where budgetClass != 0 {
                paid += exactBudget(Int(budgetClass)) * Rational(count)
            }
            return (Rational(profile.costs[evaluation.project]) - paid) / Rational(evaluation.richCount)
        }

        // MARK: Selection

        /// The winner among contenders whose ρ intervals overlap; exact only when there are several.
        mutating func chooseWinner(_ contenders: [Evaluation]) -> Evaluation {
            if contenders.count == 1 { return contenders[0] }
            var best: [(evaluation: Evaluation, rho: Rational)] = []
            for var contender in contenders {
                let payment = exactPayment(contender)
                contender.exactPayment = payment
                let rho = payment / Rational(profile.costs[contender.project])
                if best.isEmpty || rho < best[0].rho {
                    best = [(contender, rho)]
                } else if rho == best[0].rho {
                    best.append((contender, rho))
                }
            }
            let chosen = best.min { a, b in precedes(a.evaluation.project, b.evaluation.project) }
            // `best` holds at least the first contender.
            return chosen!.evaluation
        }

        func precedes(_ a: Int, _ b: Int) -> Bool {
            switch run.tieBreak {
            case .identifier:
                return profile.identifierRank[a] < profile.identifierRank[b]
            case .lowerCostThenMoreApprovals:
                if profile.costs[a] != profile.costs[b] { return profile.costs[a] < profile.costs[b] }
                if profile.supporterCounts[a] != profile.supporterCounts[b] {
                    return profile.supporterCounts[a] > profile.supporterCounts[b]
                }
                return profile.identifierRank[a] < profile.identifierRank[b]
            }
        }

        // MARK: Payment

        /// The winner's supporters pay: a poor class's supporters (and the empty class) move to
        /// the empty class 0; each other class's supporters move to a new class of its budget
        /// minus the payment. One pass over the supporters, no histogram.
        mutating func pay(_ winner: Evaluation) {
            let round = Int32(roundWinners.count)
            roundWinners.append(winner)
            let payment = winner.payment
            let paymentError = winner.paymentError
            let project = winner.project
            var map: [Int32] = []
            swap(&map, &remap)
            var classes: [Int32] = []
            swap(&classes, &classOfBallot)
            var split: [Int32] = []
            swap(&split, &touched)
            split.removeAll(keepingCapacity: true)
            for budgetClass in winner.poorClasses {
                map[Int(budgetClass)] = 0
                split.append(budgetClass)
            }
            let start = profile.supporterOffsets[project]
            let end = profile.supporterOffsets[project + 1]
            profile.supporterBallots.withUnsafeBufferPointer { supporters in
                for position in start..<end {
                    let ballot = Int(supporters[position])
                    let budgetClass = Int(classes[ballot])
                    var target = map[budgetClass]
                    if target < 0 {
                        target = Int32(classApprox.count)
                        let value = classApprox[budgetClass] - payment
                        classError.append(
                            classError[budgetClass] + paymentError
                                + (abs(classApprox[budgetClass]) + abs(payment)) * EqualSharesRun.epsilon)
                        classApprox.append(value)
                        classParent.append(Int32(budgetClass))
                        classRound.append(round)
                        classExact.append(nil)
                        histogram.append(0)
                        map.append(-1)
                        map[budgetClass] = target
                        split.append(Int32(budgetClass))
                    }
                    classes[ballot] = target
                }
            }
            for budgetClass in split { map[Int(budgetClass)] = -1 }
            map[0] = 0
            split.removeAll(keepingCapacity: true)
            swap(&map, &remap)
            swap(&classes, &classOfBallot)
            swap(&split, &touched)
        }
    }
}
