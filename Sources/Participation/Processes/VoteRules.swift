/// The rules that shape a vote: what a ballot may hold, when results show, whether they bind.
/// They cannot change once a voting phase has opened (CONSUL let admins switch the voting style
/// mid-vote; we do not).
public struct VoteRules: Hashable, Sendable, Codable {
    public var ballot: BallotFormat
    public var resultsVisibility: ResultsVisibility
    /// Whether the collectivité committed to carry out the result ("BP contraignant").
    public var binding: Bool

    public init(ballot: BallotFormat, resultsVisibility: ResultsVisibility = .afterPublication, binding: Bool = true) {
        self.ballot = ballot
        self.resultsVisibility = resultsVisibility
        self.binding = binding
    }
}

/// What one ballot may hold.
public enum BallotFormat: Hashable, Sendable, Codable {
    /// Pick between `minimum` and `maximum` projects.
    case approval(minimum: Int, maximum: Int)
    /// Pick projects whose total cost stays within the envelope, spending at least
    /// `minimumSpendPercent` of it when set.
    case knapsack(minimumSpendPercent: Int?)
    /// Distribute exactly up to `points` points, at most `maximumPerProject` on one project.
    case cumulative(points: Int, maximumPerProject: Int?)
    /// Rank up to `maximumRanks` projects, best first.
    case ranked(maximumRanks: Int)
}

/// When the public sees counts.
public enum ResultsVisibility: String, Hashable, Sendable, Codable {
    /// Counts are public while the vote runs.
    case live
    /// Nothing shows until the results are published.
    case afterPublication
}
