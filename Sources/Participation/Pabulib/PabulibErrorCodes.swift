extension ParticipationError.Code {
    /// A `.pb` file is not valid Pabulib: the message names the line and what is wrong (unknown
    /// section, missing header column, vote naming an unknown project, repeated project or voter
    /// id, unreadable cost, points not matching the vote, missing budget, …).
    public static let malformedPabulib = Self(rawValue: "malformed_pabulib")
    /// An election cannot be written as Pabulib text (an id containing a comma, a number with no
    /// finite decimal expansion, …).
    public static let unrepresentableInPabulib = Self(rawValue: "unrepresentable_in_pabulib")
}
