/// One voter's ballot.
public struct BudgetBallot: Sendable, Hashable {
    /// The voter id (Pabulib `voter_id`), unique within an election.
    public var voterID: String
    /// Indices into ``BudgetElection/projects``, in the order the voter gave them (a ranking,
    /// best first, for ordinal ballots).
    public var projects: [Int]
    /// Points given to ``projects``, position by position, for cumulative and scoring ballots;
    /// empty otherwise.
    public var points: [Rational]
    /// The other VOTES columns (age, sex, voting method, …) as written, aligned with
    /// ``BudgetElection/voterAttributeKeys``; `nil` is a missing value (`None`).
    public var attributes: [String?]

    /// Creates a ballot.
    public init(voterID: String, projects: [Int], points: [Rational] = [], attributes: [String?] = []) {
        self.voterID = voterID
        self.projects = projects
        self.points = points
        self.attributes = attributes
    }
}
