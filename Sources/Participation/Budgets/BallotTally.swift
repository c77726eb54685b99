/// Counts of a vote in one scope, as the public sees them when results are live or published:
/// ballots per channel and, per project, its supporters and points.
public struct BallotTally: Hashable, Sendable, Codable {
    public var scope: DistrictID?
    public var ballots: Int
    public var ballotsByChannel: [String: Int]
    /// Ballots that chose the project.
    public var supporters: [PropositionID: Int]
    /// Points the project received (equal to supporters except on cumulative ballots).
    public var points: [PropositionID: Int]

    public init(scope: DistrictID?) {
        self.scope = scope
        ballots = 0
        ballotsByChannel = [:]
        supporters = [:]
        points = [:]
    }

    /// Adds one ballot.
    public mutating func add(_ ballot: Ballot) {
        ballots += 1
        ballotsByChannel[ballot.channel.name, default: 0] += 1
        for choice in ballot.choices {
            supporters[choice.propositionID, default: 0] += 1
            points[choice.propositionID, default: 0] += choice.points
        }
    }
}
