/// A paper ballot as an agent keys it in: whose it is (the voter signed the register at the
/// station) and what it chose.
public struct PaperBallot: Hashable, Sendable, Codable {
    public var voterID: ParticipantID
    public var scope: DistrictID?
    public var choices: [BallotChoice]

    public init(voterID: ParticipantID, scope: DistrictID? = nil, choices: [BallotChoice]) {
        self.voterID = voterID
        self.scope = scope
        self.choices = choices
    }
}

/// What became of one paper ballot of a batch.
public enum PaperBallotOutcome: Hashable, Sendable {
    /// Counted, under this id.
    case counted(BallotID)
    /// Refused, with the reason (invalid ballot, ineligible voter, already voted…).
    case refused(ParticipationError)
}
