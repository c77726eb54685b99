/// The money side of a participatory budget: its envelope in integer cents, optionally split
/// by district, the categories of spending it funds, and its cycle.
///
/// Like ``VoteRules``, the settings shape the vote and lock once a voting phase has opened.
public struct BudgetSettings: Hashable, Sendable, Codable {
    /// The whole envelope in cents (the sum of the district envelopes when there are some).
    public var envelope: Int64
    /// Per-district envelopes in cents; empty for a single city-wide envelope.
    public var districtEnvelopes: [DistrictID: Int64]
    /// Where a voter may vote when the budget is split by district.
    public var districtVoting: DistrictVoting
    /// If not empty, only projects in one of these categories reach the ballot
    /// (for example `["investment"]`).
    public var categories: Set<String>
    /// The years the budget covers.
    public var cycle: BudgetCycle
    /// How the winners are computed (see `Docs/COUNTING.md`).
    public var countingRule: CountingRule
    /// For the greedy rules: projects with fewer supporters (points on cumulative ballots)
    /// than this never win.
    public var minimumProjectScore: Int?

    public init(
        envelope: Int64, districtEnvelopes: [DistrictID: Int64] = [:], districtVoting: DistrictVoting = .ownDistrict,
        categories: Set<String> = [], cycle: BudgetCycle, countingRule: CountingRule = .greedyCost,
        minimumProjectScore: Int? = nil
    ) {
        self.envelope = envelope
        self.districtEnvelopes = districtEnvelopes
        self.districtVoting = districtVoting
        self.categories = categories
        self.cycle = cycle
        self.countingRule = countingRule
        self.minimumProjectScore = minimumProjectScore
    }

    /// Whether ballots are per district.
    public var isSplitByDistrict: Bool { !districtEnvelopes.isEmpty }

    /// The envelope a ballot of `scope` spends: the district's, or the whole envelope.
    public func envelope(for scope: DistrictID?) -> Int64? {
        guard let scope else { return isSplitByDistrict ? nil : envelope }
        return districtEnvelopes[scope]
    }
}

/// Where voters may vote in a budget split by district.
public enum DistrictVoting: String, Hashable, Sendable, Codable {
    /// Only in the district of their profile.
    case ownDistrict
    /// In any district, one ballot per district.
    case anyDistrict
}

/// The years a budget covers: one year, or a multi-year cycle such as 2017-2020.
public struct BudgetCycle: Hashable, Sendable, Codable {
    public var firstYear: Int
    public var years: Int

    public init(firstYear: Int, years: Int = 1) {
        self.firstYear = firstYear
        self.years = years
    }
}
