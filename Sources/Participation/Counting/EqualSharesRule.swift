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
            remap = [-1, -1]
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

        /// Fills `histogram`/`touched` with the classes of `project`'s supporters.
        mutating func buildHistogram(_ project: Int) {
            touched.removeAll(keepingCapacity: true)
            let start = profile.supporterOffsets[project]
            let end = profile.supporterOffsets[project + 1]
            profile.supporterBallots.withUnsafeBufferPointer { supporters in
                profile.ballotWeights.withUnsafeBufferPointer { weights in
                    classOfBallot.withUnsafeBufferPointer { classOf in
                        histogram.withUnsafeMutableBufferPointer { counts in
                            for position in start..<end {
                                let ballot = Int(supporters[position])
                                let budgetClass = Int(classOf[ballot])
                                if counts[budgetClass] == 0 { touched.append(Int32(budgetClass)) }
                                counts[budgetClass] += weights[ballot]
                            }
                        }
                    }
                }
            }
        }

        mutating func clearHistogram() {
            for budgetClass in touched { histogram[Int(budgetClass)] = 0 }
        }

        /// ρ of `project` with its poor classes, or `nil` when its supporters cannot afford it.
        ///
        /// Finds the payment `q` solving `Σ min(budget, q) = cost` without sorting: start with
        /// everyone rich (`q = cost / supporters`), move the classes whose budget is below `q` to
        /// the poor side, recompute `q` (which only grows), and repeat until nobody moves. Then
        /// every classification is checked against the error bounds; any doubt means an exact
        /// evaluation.
        mutating func evaluate(_ project: Int) -> Evaluation? {
            buildHistogram(project)
            defer { clearHistogram() }
            let cost = run.costDouble[project]
            let costError = run.costError[project]
            let eps = EqualSharesRun.epsilon
            let safety = EqualSharesRun.safety
            var paid = 0.0
            var paidError = 0.0
            var rich = profile.supporterCounts[project]
            var poor: [Int32] = []
            // `richEnd` splits `touched` into rich classes [0, richEnd) and poor ones after it.
            var richEnd = touched.count
            var q = cost / Double(rich)
            while true {
                var moved = false
                var index = 0
                while index < richEnd {
                    let budgetClass = Int(touched[index])
                    if classApprox[budgetClass] < q {
                        let count = histogram[budgetClass]
                        paid += Double(count) * classApprox[budgetClass]
                        paidError += Double(count) * classError[budgetClass] + abs(paid) * eps * 2
                        rich -= count
                        poor.append(touched[index])
                        richEnd -= 1
                        touched.swapAt(index, richEnd)
                        moved = true
                    } else {
                        index += 1
                    }
                }
                if rich == 0 {
                    // Everyone is poor: unaffordable, if the shortfall exceeds the rounding error.
                    guard cost - paid > safety * (paidError + costError + (cost + paid) * eps) else { return exactEvaluation(project) }
                    return nil
                }
                q = (cost - paid) / Double(rich)
                if !moved { break }
            }
            let qError = (paidError + costError + (cost + paid) * eps) / Double(rich) + abs(q) * eps
            for index in 0..<richEnd {
                let budgetClass = Int(touched[index])
                guard classApprox[budgetClass] - safety * classError[budgetClass] > q + safety * qError else {
                    return exactEvaluation(project)
                }
            }
            for budgetClass in poor {
                guard classApprox[Int(budgetClass)] + safety * classError[Int(budgetClass)] < q - safety * qError else {
                    return exactEvaluation(project)
                }
            }
            let rho = q / cost
            let rhoError = qError / cost + abs(rho) * eps + costError / cost * abs(rho)
            return Evaluation(
                project: project, poorClasses: poor, poorCounts: poor.map { histogram[Int($0)] },
                richCount: rich, payment: q, paymentError: safety * qError + abs(q) * 1e-14, exactPayment: nil,
                rho: rho, rhoError: safety * rhoError + abs(rho) * 1e-14)
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

        mutating func pay(_ winner: Evaluation) {
            let round = Int32(roundWinners.count)
            roundWinners.append(winner)
            let payment = winner.payment
            let paymentError = winner.paymentError
            let project = winner.project
            buildHistogram(project)
            var poor = Set<Int32>(winner.poorClasses)
            poor.insert(0)
            for budgetClass in touched {
                let index = Int(budgetClass)
                if poor.contains(budgetClass) {
                    remap[index] = 0
                    continue
                }
                let newClass = Int32(classApprox.count)
                let value = classApprox[index] - payment
                classApprox.append(value)
                classError.append(classError[index] + paymentError + (abs(classApprox[index]) + abs(payment)) * EqualSharesRun.epsilon)
                classParent.append(budgetClass)
                classRound.append(round)
                classExact.append(nil)
                histogram.append(0)
                remap.append(-1)
                remap[index] = newClass
            }
            clearHistogram()
            let start = profile.supporterOffsets[project]
            let end = profile.supporterOffsets[project + 1]
            for position in start..<end {
                let ballot = Int(profile.supporterBallots[position])
                classOfBallot[ballot] = remap[Int(classOfBallot[ballot])]
            }
            for budgetClass in touched { remap[Int(budgetClass)] = -1 }
        }
    }
}
