/// A participatory-budgeting election: the projects, the budget, and the ballots.
///
/// This is the input of every ``CountingRule`` and what the Pabulib parser and writer read and
/// write. Build one from domain data with ``init(budget:kind:projects:ballots:metadata:projectAttributeKeys:voterAttributeKeys:)``
/// (which validates it), or parse a `.pb` file with ``PabulibParser``.
public struct BudgetElection: Sendable, Hashable {
    /// The META lines in file order (including `budget` and `vote_type` as written).
    public var metadata: [MetadataEntry]
    /// The budget limit.
    public var budget: Rational
    /// How voters expressed themselves.
    public var kind: BallotKind
    /// The projects, in file order.
    public var projects: [BudgetProject]
    /// The ballots, in file order; empty ballots count as voters.
    public var ballots: [BudgetBallot]
    /// Names of the extra PROJECTS columns carried by ``BudgetProject/attributes``.
    public var projectAttributeKeys: [String]
    /// Names of the extra VOTES columns carried by ``BudgetBallot/attributes``.
    public var voterAttributeKeys: [String]

    /// Creates an election after checking that it is countable.
    ///
    /// - Throws: ``ParticipationError`` with code ``ParticipationError/Code/invalidElection`` when a
    ///   project id or voter id repeats, a cost or the budget is negative, a ballot names a
    ///   project index out of range, points do not pair with projects, or attributes do not
    ///   match their keys.
    public init(
        budget: Rational,
        kind: BallotKind,
        projects: [BudgetProject],
        ballots: [BudgetBallot],
        metadata: [MetadataEntry] = [],
        projectAttributeKeys: [String] = [],
        voterAttributeKeys: [String] = []
    ) throws {
        try Self.validate(budget: budget, projects: projects, projectAttributeKeys: projectAttributeKeys)
        var voterIDs = Set<String>()
        for ballot in ballots {
            guard voterIDs.insert(ballot.voterID).inserted else {
                throw ParticipationError(.invalidElection, "Voter id \"\(ballot.voterID)\" appears twice.", field: "voter_id")
            }
            for index in ballot.projects where !projects.indices.contains(index) {
                throw ParticipationError(
                    .invalidElection, "The ballot of voter \"\(ballot.voterID)\" names project index \(index), which does not exist.",
                    field: "vote")
            }
            if kind.hasPoints ? ballot.points.count != ballot.projects.count : !ballot.points.isEmpty {
                throw ParticipationError(
                    .invalidElection, "The ballot of voter \"\(ballot.voterID)\" has \(ballot.points.count) points for \(ballot.projects.count) projects.",
                    field: "points")
            }
            guard ballot.attributes.count == voterAttributeKeys.count else {
                throw ParticipationError(
                    .invalidElection, "The ballot of voter \"\(ballot.voterID)\" has \(ballot.attributes.count) attributes for \(voterAttributeKeys.count) keys.",
                    field: "attributes")
            }
        }
        self.init(
            uncheckedBudget: budget, kind: kind, projects: projects, ballots: ballots, metadata: metadata,
            projectAttributeKeys: projectAttributeKeys, voterAttributeKeys: voterAttributeKeys)
    }

    /// Checks the budget and the projects: no negative amount, no repeated id, and (unless
    /// `projectAttributeKeys` is nil) attributes matching their keys.
    static func validate(budget: Rational, projects: [BudgetProject], projectAttributeKeys: [String]?) throws {
        guard !budget.isNegative else {
            throw ParticipationError(.invalidElection, "The budget \(budget) is negative.", field: "budget")
        }
        var projectIDs = Set<String>()
        for project in projects {
            guard projectIDs.insert(project.id).inserted else {
                throw ParticipationError(.invalidElection, "Project id \"\(project.id)\" appears twice.", field: "project_id")
            }
            guard !project.cost.isNegative else {
                throw ParticipationError(.invalidElection, "Project \"\(project.id)\" has a negative cost.", field: "cost")
            }
            if let keys = projectAttributeKeys, project.attributes.count != keys.count {
                throw ParticipationError(
                    .invalidElection, "Project \"\(project.id)\" has \(project.attributes.count) attributes for \(keys.count) keys.",
                    field: "attributes")
            }
        }
    }

    /// Creates an approval election from project ids, the shape most domain code has.
    ///
    /// - Parameter approvals: one array of approved project ids per voter; voters are numbered
    ///   from 1 in the order given.
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/invalidElection``) when an
    ///   approval names an unknown project, or for the reasons the designated initializer gives.
    public static func approvals(budget: Rational, projects: [BudgetProject], approvals: [[String]]) throws -> BudgetElection {
        var indexOfID: [String: Int] = [:]
        for (index, project) in projects.enumerated() { indexOfID[project.id] = index }
        var ballots: [BudgetBallot] = []
        ballots.reserveCapacity(approvals.count)
        for (position, approved) in approvals.enumerated() {
            var indices: [Int] = []
            for id in approved {
                guard let index = indexOfID[id] else {
                    throw ParticipationError(.invalidElection, "Voter \(position + 1) approves unknown project \"\(id)\".", field: "vote")
                }
                indices.append(index)
            }
            ballots.append(BudgetBallot(voterID: String(position + 1), projects: indices))
        }
        return try BudgetElection(budget: budget, kind: .approval, projects: projects, ballots: ballots)
    }

    /// Creates an election whose consistency the caller (the Pabulib parser) already checked.
    init(
        uncheckedBudget budget: Rational,
        kind: BallotKind,
        projects: [BudgetProject],
        ballots: [BudgetBallot],
        metadata: [MetadataEntry],
        projectAttributeKeys: [String],
        voterAttributeKeys: [String]
    ) {
        self.metadata = metadata
        self.budget = budget
        self.kind = kind
        self.projects = projects
        self.ballots = ballots
        self.projectAttributeKeys = projectAttributeKeys
        self.voterAttributeKeys = voterAttributeKeys
    }

    /// The value of the first META entry with this key, if any.
    public func metadataValue(for key: String) -> String? { metadata.value(for: key) }

    /// META `min_project_score_threshold`, parsed exactly, if present.
    public var minimumProjectScoreThreshold: Rational? { metadata.minimumProjectScoreThreshold }

    /// The index of the project with this id, if any.
    public func projectIndex(of id: String) -> Int? {
        projects.firstIndex { $0.id == id }
    }
}
