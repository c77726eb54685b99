/// The counted ballots of one scope in the compact form counting reads: each proposition once,
/// and every ballot as positions into that list, in flat arrays.
///
/// A million five-choice ballots take about 45 MB here, against several hundred bytes per
/// ``Ballot`` value (ids as strings, channel, dates), which is what lets a city-wide budget be
/// counted within a small memory budget. Voters are not named: a profile is what the count and
/// an anonymous export need, nothing more.
public struct BallotProfile: Hashable, Sendable {
    /// The district the ballots are for, or nil for budget-wide ballots.
    public let scope: DistrictID?
    /// Every proposition named on at least one ballot, each once, in order of first appearance.
    public private(set) var propositions: [PropositionID] = []
    /// Every ballot's choices, ballot after ballot, as positions in ``propositions``.
    public private(set) var choices: [Int32] = []
    /// The points of each entry of ``choices`` (1 except on cumulative ballots).
    public private(set) var points: [Int32] = []
    /// Where each ballot's choices end in ``choices``: ballot `i` is
    /// `choices[(i == 0 ? 0 : ballotEnds[i - 1]) ..< ballotEnds[i]]`.
    public private(set) var ballotEnds: [Int32] = []
    private var positions: [PropositionID: Int32] = [:]

    public init(scope: DistrictID?) { self.scope = scope }

    /// The number of ballots.
    public var count: Int { ballotEnds.count }

    /// The choices of ballot `index` as positions in ``propositions``, with their points.
    public func ballot(_ index: Int) -> (choices: ArraySlice<Int32>, points: ArraySlice<Int32>) {
        let range = Int(index == 0 ? 0 : ballotEnds[index - 1])..<Int(ballotEnds[index])
        return (choices[range], points[range])
    }

    /// Appends one ballot, its choices in the ballot's order.
    public mutating func append(_ ballot: [BallotChoice]) {
        for choice in ballot { appendChoice(choice.propositionID, points: choice.points) }
        endBallot()
    }

    /// Appends one choice to the ballot being built; ``endBallot()`` closes it. For backends
    /// that read a ballot's lines one row at a time.
    public mutating func appendChoice(_ proposition: PropositionID, points given: Int) {
        let position: Int32
        if let known = positions[proposition] {
            position = known
        } else {
            position = Int32(propositions.count)
            positions[proposition] = position
            propositions.append(proposition)
        }
        choices.append(position)
        points.append(Int32(clamping: given))
    }

    /// Closes the ballot being built (a ballot with no choice is still a ballot).
    public mutating func endBallot() { ballotEnds.append(Int32(choices.count)) }

    /// Reserves room for about `ballots` ballots of `choicesPerBallot` choices.
    public mutating func reserveCapacity(ballots: Int, choicesPerBallot: Int) {
        ballotEnds.reserveCapacity(ballots)
        choices.reserveCapacity(ballots * choicesPerBallot)
        points.reserveCapacity(ballots * choicesPerBallot)
    }
}
