import Participation

/// A project idea as the scenario plans it: who brings it and how, what it costs, how the
/// committee will judge it, and how appealing it will be on the ballot.
public struct ProjectIdea: Hashable, Sendable, Codable {
    /// A stable key for the idea within its catalogue ("idea-007").
    public var key: String
    public var title: String
    public var body: String
    /// The district the project is located in.
    public var districtID: DistrictID
    /// The author's cost estimate in cents.
    public var authorEstimate: Int64
    public var submission: IdeaSubmission
    public var review: ReviewPlan
    /// A note for a co-construction rework of the text, if the idea is reworked with its author.
    public var reworkNote: String?
    /// 1...100; see ``BallotCandidate/appeal``.
    public var appeal: Int

    public init(
        key: String, title: String, body: String, districtID: DistrictID, authorEstimate: Int64, submission: IdeaSubmission,
        review: ReviewPlan, reworkNote: String? = nil, appeal: Int
    ) {
        self.key = key
        self.title = title
        self.body = body
        self.districtID = districtID
        self.authorEstimate = authorEstimate
        self.submission = submission
        self.review = review
        self.reworkNote = reworkNote
        self.appeal = appeal
    }
}

/// How an idea reaches the platform.
public enum IdeaSubmission: Hashable, Sendable, Codable {
    /// Typed in online by a resident with an account.
    case individual
    /// Submitted online by the representative of a collective (association, family, class…).
    case collective(CollectiveKind)
    /// Filled in on paper (a form at the town hall, a market stand…) by someone without an
    /// account, and transcribed by an agent.
    case transcribed(OfflineSource)

    /// A short name for reports.
    public var name: String {
        switch self {
        case .individual: "individual"
        case .collective: "collective"
        case .transcribed: "transcribed"
        }
    }
}

/// What the review committee will decide about an idea.
public enum ReviewPlan: Hashable, Sendable, Codable {
    /// Admissible; the committee may correct the cost estimate (cents), explaining why.
    case admissible(adjustedCost: Int64?)
    /// Not admissible, for this reason.
    case inadmissible(ReviewReason)
}
