extension CountingRule {
    /// Counts `election` with this rule.
    ///
    /// Add1 ladders evaluate ``CountingOptions/parallelSteps`` MES runs at a time in child
    /// tasks; every other rule runs on the calling task. The outcome never depends on the
    /// parallelism.
    ///
    /// - Throws: ``ParticipationError`` with ``ParticipationError/Code/unsupportedBallotKind``
    ///   for ``phragmen`` on non-approval ballots.
    public func count(_ election: BudgetElection, options: CountingOptions = CountingOptions()) async throws -> CountingOutcome {
        try await count(CompactElection(election), options: options)
    }

    /// Counts `election` with this rule on the calling thread only (Add1 ladders step by step).
    ///
    /// - Throws: as ``count(_:options:)-(BudgetElection,_)``.
    public func countSequentially(_ election: BudgetElection, options: CountingOptions = CountingOptions()) throws -> CountingOutcome {
        try countSequentially(CompactElection(election), options: options)
    }

    /// Counts a ``CompactElection`` with this rule; the outcome is the one of the equivalent
    /// ``BudgetElection``.
    ///
    /// - Throws: as ``count(_:options:)-(BudgetElection,_)``.
    public func count(_ election: CompactElection, options: CountingOptions = CountingOptions()) async throws -> CountingOutcome {
        let profile = CountingProfile(election)
        let indices: [Int]
        switch self {
        case _ where isEqualShares && profile.voterCount == 0:
            indices = Self.nothingToShare
        case .equalSharesAddOne:
            indices = await EqualSharesLadder(profile: profile, definition: .pabutools).run(parallelSteps: options.parallelSteps)
        case .equalSharesAddOneOfficial:
            indices = await EqualSharesLadder(profile: profile, definition: .pabulibChecker).run(parallelSteps: options.parallelSteps)
        default:
            indices = try selectWithoutLadder(election.kind, profile, options)
        }
        return CountingOutcome(rule: self, selectedIndices: indices, projects: election.projects)
    }

    /// Counts a ``CompactElection`` on the calling thread only (Add1 ladders step by step).
    ///
    /// - Throws: as ``count(_:options:)-(BudgetElection,_)``.
    public func countSequentially(_ election: CompactElection, options: CountingOptions = CountingOptions()) throws -> CountingOutcome {
        let profile = CountingProfile(election)
        let indices: [Int]
        switch self {
        case _ where isEqualShares && profile.voterCount == 0:
            indices = Self.nothingToShare
        case .equalSharesAddOne:
            indices = EqualSharesLadder(profile: profile, definition: .pabutools).runSequentially()
        case .equalSharesAddOneOfficial:
            indices = EqualSharesLadder(profile: profile, definition: .pabulibChecker).runSequentially()
        default:
            indices = try selectWithoutLadder(election.kind, profile, options)
        }
        return CountingOutcome(rule: self, selectedIndices: indices, projects: election.projects)
    }

    /// Equal shares gives each voter a share of the budget: with no voter there is nothing to
    /// share and nothing is selected (rather than a division by zero).
    static let nothingToShare: [Int] = []

    /// Whether the rule shares the budget among voters (equal shares and its completions).
    public var isEqualShares: Bool {
        switch self {
        case .equalShares, .equalSharesAddOne, .equalSharesAddOneOfficial: true
        default: false
        }
    }

    private func selectWithoutLadder(_ kind: BallotKind, _ profile: CountingProfile, _ options: CountingOptions) throws -> [Int] {
        switch self {
        case .greedyCost:
            return GreedyRule.select(profile, density: .supporters, stopAtFirstMisfit: false, minimumScore: options.minimumProjectScore)
        case .greedyNoSkip:
            return GreedyRule.select(profile, density: .supporters, stopAtFirstMisfit: true, minimumScore: options.minimumProjectScore)
        case .greedyCardinality:
            return GreedyRule.select(profile, density: .supportersPerCost, stopAtFirstMisfit: false, minimumScore: options.minimumProjectScore)
        case .equalShares:
            guard profile.voterCount > 0 else { return [] }
            let perVoter = Rational(profile.budget) / Rational(profile.voterCount)
            return EqualSharesRun(profile: profile, tieBreak: .identifier).run(perVoterBudget: perVoter)
        case .phragmen:
            guard kind.isApproval else {
                throw ParticipationError(
                    .unsupportedBallotKind, "Sequential Phragmén counts approval ballots only; these are \(kind.rawValue).",
                    field: "vote_type")
            }
            return PhragmenRule.select(profile)
        case .equalSharesAddOne:
            return EqualSharesLadder(profile: profile, definition: .pabutools).runSequentially()
        case .equalSharesAddOneOfficial:
            return EqualSharesLadder(profile: profile, definition: .pabulibChecker).runSequentially()
        }
    }
}
