/// The projects a voter may choose in one scope of a participatory budget, with their costs.
///
/// Only projects judged admissible reach a ballot, and only if their cost is known and fits
/// the envelope of their district (or the whole envelope), and their category is funded.
public struct BallotList: Hashable, Sendable {
    /// The scope: a district, or nil for the city-wide ballot.
    public let scope: DistrictID?
    /// The envelope this ballot spends, in cents.
    public let envelope: Int64
    /// Project id → cost in cents, for the projects on the ballot.
    public let costs: [PropositionID: Int64]
    /// Projects of the budget on another scope's ballot, for precise refusals.
    let elsewhere: [PropositionID: DistrictID?]

    /// Builds the ballot of `scope` from the budget's propositions.
    /// - Throws: `invalidInput` on `scope` when it names no envelope of the budget.
    public init(scope: DistrictID?, settings: BudgetSettings, propositions: [Proposition]) throws {
        guard let envelope = settings.envelope(for: scope) else {
            throw ParticipationError.invalid(
                "scope",
                settings.isSplitByDistrict
                    ? "this budget is voted per district; \(scope.map { "'\($0)' is not one of its districts" } ?? "choose a district")"
                    : "this budget has a single city-wide ballot; do not name a district")
        }
        self.scope = scope
        self.envelope = envelope
        var costs: [PropositionID: Int64] = [:]
        var elsewhere: [PropositionID: DistrictID?] = [:]
        for proposition in propositions where Self.reachesBallot(proposition, settings: settings) {
            let projectScope: DistrictID? = settings.isSplitByDistrict ? proposition.districtID : nil
            guard let cost = proposition.estimatedCost, let projectEnvelope = settings.envelope(for: projectScope),
                cost <= projectEnvelope
            else { continue }
            if projectScope == scope { costs[proposition.id] = cost } else { elsewhere[proposition.id] = projectScope }
        }
        self.costs = costs
        self.elsewhere = elsewhere
    }

    /// Statuses of a project that was judged admissible: before the vote, and after it (the
    /// outcome and the realisation), so that a published result can still be recounted.
    static let ballotStatuses: Set<PropositionStatus> = [.admissible, .retained, .notRetained, .inProgress, .realised]

    static func reachesBallot(_ proposition: Proposition, settings: BudgetSettings) -> Bool {
        guard proposition.lifecycle == .published, ballotStatuses.contains(proposition.status) else { return false }
        return settings.categories.isEmpty || !settings.categories.isDisjoint(with: proposition.themes)
    }

    /// The first reason `choices` is not a valid ballot in `format`, or nil when it is valid.
    public func violation(of choices: [BallotChoice], format: BallotFormat) -> BallotViolation? {
        guard !choices.isEmpty else { return .empty }
        var seen: Set<PropositionID> = []
        var total: Int64 = 0
        for choice in choices {
            if let district = elsewhere[choice.propositionID] {
                return .projectOfAnotherDistrict(choice.propositionID, district: district)
            }
            guard let cost = costs[choice.propositionID] else { return .unknownProject(choice.propositionID) }
            guard seen.insert(choice.propositionID).inserted else { return .repeatedProject(choice.propositionID) }
            total += cost
        }
        switch format {
        case .approval(let minimum, let maximum):
            if let withPoints = choices.first(where: { $0.points != 1 }) { return .pointsOnNonCumulativeBallot(withPoints.propositionID) }
            if choices.count < minimum { return .tooFewProjects(minimum: minimum, got: choices.count) }
            if choices.count > maximum { return .tooManyProjects(maximum: maximum, got: choices.count) }
        case .knapsack(let minimumSpendPercent):
            if let withPoints = choices.first(where: { $0.points != 1 }) { return .pointsOnNonCumulativeBallot(withPoints.propositionID) }
            if total > envelope { return .overEnvelope(envelope: envelope, total: total) }
            if let percent = minimumSpendPercent {
                // Rounded up, so "at least 80%" never accepts 79.99%.
                let minimum = (envelope * Int64(percent) + 99) / 100
                if total < minimum { return .underMinimumSpend(minimum: minimum, total: total) }
            }
        case .cumulative(let points, let maximumPerProject):
            var given = 0
            for choice in choices {
                guard choice.points >= 1 else { return .nonPositivePoints(choice.propositionID) }
                if let maximumPerProject, choice.points > maximumPerProject {
                    return .tooManyPointsOnProject(choice.propositionID, maximum: maximumPerProject)
                }
                given += choice.points
            }
            if given > points { return .tooManyPoints(maximum: points, got: given) }
        case .ranked(let maximumRanks):
            if let withPoints = choices.first(where: { $0.points != 1 }) { return .pointsOnNonCumulativeBallot(withPoints.propositionID) }
            if choices.count > maximumRanks { return .tooManyRanks(maximum: maximumRanks, got: choices.count) }
        }
        return nil
    }
}
