/// The method of equal shares (MES) with cost satisfaction and a fixed per-voter budget, exactly
/// as pabutools' `method_of_equal_shares` computes it.
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
///
/// Several per-voter budgets can be run at once (``run(perVoterBudgets:)``, what the Add1
/// ladders do): see ``EqualSharesBatch``.
struct EqualSharesRun {
    /// How exact ties between equally good candidates are broken.
    enum TieBreak: Sendable {
        /// Smallest project id (pabutools' `lexico_tie_breaking`).
        case identifier
        /// Lower cost, then more supporters, then smallest id (pabulib's checker).
        case lowerCostThenMoreApprovals
    }

    static let epsilon = 0x1p-52
    /// Widens every propagated error bound when a decision is taken (never when a bound is
    /// propagated, so that it does not compound): the analysis counts each rounding once; the
    /// factor absorbs the second-order terms it leaves out.
    static let safety = 4.0

    let profile: CountingProfile
    let tieBreak: TieBreak

    // Per-project constants.
    let costDouble: [Double]
    let costError: [Double]
    let candidates: [Int]

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
        run(perVoterBudgets: [perVoterBudget])[0]
    }

    /// Runs MES with each of `perVoterBudgets` (at most ``EqualSharesBatch/maximumLanes``) and
    /// returns each run's winners in selection order: what separate runs would return.
    func run(perVoterBudgets: [Rational]) -> [[Int]] {
        var batch = EqualSharesBatch(run: self, budgets: perVoterBudgets)
        return batch.execute()
    }

    /// Whether `a` wins an exact tie against `b`.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        switch tieBreak {
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
}

