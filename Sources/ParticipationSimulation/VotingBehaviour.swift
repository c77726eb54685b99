import Participation

/// How a simulated voter picks projects. Each behaviour gives every project an integer
/// weight; the voter draws projects without replacement in proportion to those weights.
public enum VotingBehaviour: Hashable, Sendable, Codable {
    /// Every project equally likely.
    case uniform
    /// Weight appeal²: a few well-presented projects attract most votes.
    case popularityWeighted
    /// Each pick falls on a project of the voter's own district with probability
    /// `loyaltyPercent` %, else on another district's project (by appeal within each group).
    case districtLoyal(loyaltyPercent: Int)
    /// Cheaper projects are preferred in inverse proportion to their cost (times appeal):
    /// a project ten times dearer is ten times less likely.
    case costSensitive

    /// A short name for reports.
    public var name: String {
        switch self {
        case .uniform: "uniform"
        case .popularityWeighted: "popularity-weighted"
        case .districtLoyal: "district-loyal"
        case .costSensitive: "cost-sensitive"
        }
    }

    /// The weight of each candidate, in the candidates' order, for a voter of `district`.
    /// Every weight is at least 1, so any project may be chosen.
    public func weights(for candidates: [BallotCandidate], voterDistrict district: DistrictID) -> [Int] {
        switch self {
        case .uniform:
            return candidates.map { _ in 1 }
        case .popularityWeighted:
            return candidates.map { $0.appeal * $0.appeal }
        case .districtLoyal(let loyaltyPercent):
            let loyalty = max(0, min(100, loyaltyPercent))
            let own = candidates.reduce(0) { $0 + ($1.districtID == district ? $1.appeal : 0) }
            let others = candidates.reduce(0) { $0 + ($1.districtID == district ? 0 : $1.appeal) }
            // Scaling each group by the other's total makes the groups' masses
            // loyalty : (100 - loyalty), whatever the number of projects in each.
            guard own > 0, others > 0 else { return candidates.map(\.appeal) }
            return candidates.map { candidate in
                let scaled = candidate.districtID == district ? candidate.appeal * loyalty * others : candidate.appeal * (100 - loyalty) * own
                return max(1, scaled)
            }
        case .costSensitive:
            guard let cheapest = candidates.map(\.cost).filter({ $0 > 0 }).min() else { return candidates.map(\.appeal) }
            return candidates.map { candidate in
                let ratio = candidate.cost > 0 ? Int(cheapest * 1_000 / candidate.cost) : 1_000
                return max(1, candidate.appeal * ratio)
            }
        }
    }
}

/// A mix of behaviours across a population, with integer weights.
public struct BehaviourMix: Hashable, Sendable, Codable {
    public struct Share: Hashable, Sendable, Codable {
        public var behaviour: VotingBehaviour
        public var weight: Int

        public init(_ behaviour: VotingBehaviour, weight: Int) {
            self.behaviour = behaviour
            self.weight = weight
        }
    }

    public var shares: [Share]

    /// Creates a mix.
    /// - Throws: `invalidInput` when no weight is positive or one is negative.
    public init(_ shares: [Share]) throws {
        guard shares.allSatisfy({ $0.weight >= 0 }), shares.contains(where: { $0.weight > 0 }) else {
            throw ParticipationError.invalid("behaviours", "a behaviour mix needs non-negative weights, one positive")
        }
        self.shares = shares
    }

    /// Everyone votes the same way.
    public static func only(_ behaviour: VotingBehaviour) -> BehaviourMix { BehaviourMix(checked: [Share(behaviour, weight: 1)]) }

    /// A town as participatory budgets usually see it: most follow the projects everyone
    /// talks about, many vote for their own neighbourhood, some watch the cost.
    public static let typicalTown = BehaviourMix(
        checked: [
            Share(.popularityWeighted, weight: 40),
            Share(.districtLoyal(loyaltyPercent: 70), weight: 30),
            Share(.costSensitive, weight: 20),
            Share(.uniform, weight: 10),
        ])

    private init(checked shares: [Share]) { self.shares = shares }

    /// Draws one voter's behaviour.
    public func draw(using random: inout SimulationRandom) -> VotingBehaviour {
        shares[random.weightedIndex(shares.map(\.weight))].behaviour
    }
}
