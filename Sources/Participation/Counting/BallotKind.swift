/// How voters expressed themselves (Pabulib META `vote_type`).
public enum BallotKind: String, Sendable, Hashable, CaseIterable {
    /// A set of approved projects.
    case approval
    /// A single approved project; counted exactly like ``approval``.
    case chooseOne = "choose-1"
    /// Points spread over projects under a total; counting treats a listed project as supported.
    case cumulative
    /// Independent points per project; counting treats a listed project as supported.
    case scoring
    /// A ranking, best first; counting treats a ranked project as supported.
    case ordinal

    /// Whether ballots carry a `points` list parallel to the projects.
    public var hasPoints: Bool { self == .cumulative || self == .scoring }

    /// Whether the ballots are approval sets (the only kind sequential Phragmén accepts).
    public var isApproval: Bool { self == .approval || self == .chooseOne }
}
