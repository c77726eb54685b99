/// Knobs that change what a rule computes or how fast.
public struct CountingOptions: Sendable, Hashable {
    /// Greedy rules ignore projects whose score is below this value (Pabulib `greedy-threshold`,
    /// META `min_project_score_threshold`). The score is the total of points for cumulative and
    /// scoring ballots, and the number of supporters otherwise. Other rules ignore it.
    public var minimumProjectScore: Rational?
    /// How many batches of Add1 ladder steps may run at once (speculatively, in parallel; each
    /// batch computes several consecutive steps in one pass). The outcome never depends on it.
    /// Defaults to the number of active processors.
    public var parallelSteps: Int

    /// Creates options.
    public init(minimumProjectScore: Rational? = nil, parallelSteps: Int? = nil) {
        self.minimumProjectScore = minimumProjectScore
        self.parallelSteps = max(1, parallelSteps ?? ProcessorCount.active)
    }
}
