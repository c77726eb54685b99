extension ParticipationError.Code {
    /// An election cannot be counted as given: a ballot names a project index that does not
    /// exist, points do not match the projects, a cost or the budget is negative, or an id repeats.
    public static let invalidElection = Self(rawValue: "invalid_election")
    /// The rule does not apply to these ballots (sequential Phragmén needs approval ballots).
    public static let unsupportedBallotKind = Self(rawValue: "unsupported_ballot_kind")
    /// The counting rule name is not one of ``CountingRule``'s raw values.
    public static let unknownCountingRule = Self(rawValue: "unknown_counting_rule")
    /// A minimum-score threshold was asked for but is missing or not a number.
    public static let invalidThreshold = Self(rawValue: "invalid_threshold")
}
