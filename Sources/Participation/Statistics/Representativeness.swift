/// How one group (a district, an age bracket) took part compared with its weight in the
/// eligible population.
public struct GroupRepresentation: Hashable, Sendable {
    public let group: String
    /// Eligible people in the group (the census figure the tenant supplies).
    public let eligible: Int
    /// Distinct participants in the group.
    public let participants: Int
    /// participants / eligible; nil when the census gives no one.
    public let turnout: Rational?
    /// q = eligible / all eligible.
    public let populationShare: Rational
    /// p = participants / all classified participants (0 when none).
    public let participantShare: Rational
    /// p / q: 1 is proportional, below 1 under-represented; nil when q is 0.
    public let representationRatio: Rational?
}

/// The participants' mix compared with the eligible population's, over one partition
/// (districts, or age brackets).
///
/// Formulas (exact fractions):
/// - turnout of group i: `participants_i / eligible_i`;
/// - shares: `p_i = participants_i / Σ participants`, `q_i = eligible_i / Σ eligible`;
/// - representation ratio of group i: `p_i / q_i`;
/// - dissimilarity index: `D = ½ · Σ |p_i − q_i|`, from 0 (same mix) to 1 (disjoint): the share
///   of participants who would have to be from another group for the mix to match.
///
/// Participants whose group is unknown are counted in ``unclassified`` and left out of the
/// shares (they cannot be placed); the count shows how much the index rests on.
public struct Representativeness: Hashable, Sendable {
    public let groups: [GroupRepresentation]
    /// Participants who could not be placed in a group.
    public let unclassified: Int
    /// Overall turnout: classified participants / all eligible; nil without a census.
    public let turnout: Rational?
    public let dissimilarityIndex: Rational

    /// Compares `participants` (per group) with the census `population` (group, eligible), in
    /// the census's order. Groups absent from the census count in ``unclassified``.
    public init(population: [(group: String, eligible: Int)], participants: [String: Int], unclassified: Int = 0) {
        let known = Set(population.map(\.group))
        let classified = population.reduce(0) { $0 + (participants[$1.group] ?? 0) }
        let eligibleTotal = population.reduce(0) { $0 + max(0, $1.eligible) }
        var groups: [GroupRepresentation] = []
        var distance = Rational.zero
        for (group, eligible) in population {
            let count = participants[group] ?? 0
            let q = eligibleTotal == 0 ? Rational.zero : Rational(max(0, eligible), eligibleTotal)
            let p = classified == 0 ? Rational.zero : Rational(count, classified)
            distance = distance + (p - q).magnitude
            groups.append(
                GroupRepresentation(
                    group: group, eligible: eligible, participants: count,
                    turnout: eligible > 0 ? Rational(count, eligible) : nil, populationShare: q, participantShare: p,
                    representationRatio: q.isZero ? nil : p / q))
        }
        self.groups = groups
        self.unclassified = unclassified + participants.filter { !known.contains($0.key) }.reduce(0) { $0 + $1.value }
        turnout = eligibleTotal > 0 ? Rational(classified, eligibleTotal) : nil
        dissimilarityIndex = distance * Rational(1, 2)
    }

    /// The group named `group`, if the census has it.
    public func group(_ group: String) -> GroupRepresentation? { groups.first { $0.group == group } }
}

/// The eligible population the tenant supplies (census figures), per district and per age bracket.
public struct Census: Hashable, Sendable, Codable {
    public struct AgeGroup: Hashable, Sendable, Codable {
        public let bracket: AgeBracket
        public let eligible: Int
        public init(_ bracket: AgeBracket, eligible: Int) {
            self.bracket = bracket
            self.eligible = eligible
        }
    }

    public var byDistrict: [DistrictID: Int]
    /// Non-overlapping age brackets, youngest first.
    public var byAge: [AgeGroup]

    public init(byDistrict: [DistrictID: Int] = [:], byAge: [AgeGroup] = []) {
        self.byDistrict = byDistrict
        self.byAge = byAge
    }
}

/// Turnout and representativeness of a process by district and by age.
public struct RepresentativenessReport: Hashable, Sendable {
    public let byDistrict: Representativeness
    public let byAge: Representativeness
}
