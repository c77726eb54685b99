/// Why a ballot is invalid, exactly. Each case becomes an `invalid_input` error on the field
/// `choices`.
public enum BallotViolation: Hashable, Sendable, CustomStringConvertible {
    case empty
    case unknownProject(PropositionID)
    case projectOfAnotherDistrict(PropositionID, district: DistrictID?)
    case repeatedProject(PropositionID)
    case tooFewProjects(minimum: Int, got: Int)
    case tooManyProjects(maximum: Int, got: Int)
    case overEnvelope(envelope: Int64, total: Int64)
    case underMinimumSpend(minimum: Int64, total: Int64)
    case nonPositivePoints(PropositionID)
    case tooManyPoints(maximum: Int, got: Int)
    case tooManyPointsOnProject(PropositionID, maximum: Int)
    case tooManyRanks(maximum: Int, got: Int)
    case pointsOnNonCumulativeBallot(PropositionID)

    public var description: String {
        switch self {
        case .empty: "the ballot chooses no project"
        case .unknownProject(let id): "project '\(id)' is not on this ballot"
        case .projectOfAnotherDistrict(let id, let district):
            "project '\(id)' belongs to \(district.map { "district '\($0)'" } ?? "the city-wide ballot"), not this one"
        case .repeatedProject(let id): "project '\(id)' appears twice"
        case .tooFewProjects(let minimum, let got): "choose at least \(minimum) project(s), got \(got)"
        case .tooManyProjects(let maximum, let got): "choose at most \(maximum) project(s), got \(got)"
        case .overEnvelope(let envelope, let total):
            "the chosen projects cost \(Money.format(total)), over the envelope of \(Money.format(envelope))"
        case .underMinimumSpend(let minimum, let total):
            "the chosen projects cost \(Money.format(total)), under the minimum of \(Money.format(minimum))"
        case .nonPositivePoints(let id): "project '\(id)' must get at least 1 point"
        case .tooManyPoints(let maximum, let got): "at most \(maximum) points may be given, got \(got)"
        case .tooManyPointsOnProject(let id, let maximum): "project '\(id)' may get at most \(maximum) points"
        case .tooManyRanks(let maximum, let got): "rank at most \(maximum) project(s), got \(got)"
        case .pointsOnNonCumulativeBallot(let id): "project '\(id)' has points, but this ballot does not give points"
        }
    }

    /// The library error for this violation.
    public var error: ParticipationError {
        ParticipationError(.invalidInput, "invalid ballot: \(description)", field: "choices")
    }
}

/// Formats integer cents for messages: `123456` → `"1234.56"`.
enum Money {
    static func format(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
