/// The counting rules, named as in `expected-outcomes.tsv` and on the command line.
///
/// Every rule is exact (rational arithmetic) and breaks remaining ties by the smallest project id
/// in Unicode-scalar order (``ProjectIdentifierOrder``), as pabutools does, unless stated.
/// `Docs/COUNTING.md` gives each definition in full.
public enum CountingRule: String, Sendable, Hashable, CaseIterable {
    /// Greedy by number of supporters (cost satisfaction), skipping projects that do not fit.
    case greedyCost = "greedy-cost"
    /// Greedy by number of supporters, stopping at the first project that does not fit.
    case greedyNoSkip = "greedy-no-skip"
    /// Greedy by supporters per unit of cost (cardinality satisfaction), skipping.
    case greedyCardinality = "greedy-card"
    /// Method of equal shares with cost satisfaction and per-voter budget `B/n`, no completion.
    case equalShares = "mes-cost"
    /// Equal shares completed by pabutools' Add1: raise every voter's budget by one currency
    /// unit until the outcome is exhaustive, or stop before the first one that overspends.
    case equalSharesAddOne = "mes-cost-add1"
    /// Equal shares completed as pabulib's checker defines `equalshares/add1` (the results
    /// cities published): whole-unit costs, per-voter budgets `⌊B/n⌋+1, +2, …` while the
    /// outcome fits, ties to the lower cost, then more approvals, then the smaller id.
    case equalSharesAddOneOfficial = "mes-cost-add1-official"
    /// Sequential Phragmén (approval ballots only).
    case phragmen
    /// Greedy by total points (cumulative and scoring ballots), skipping projects that do not
    /// fit: "sort by points", what cities counting cumulative votes publish.
    case greedyPoints = "greedy-points"
    /// Greedy by total Borda score (ordinal ballots: a ranking of `k` projects gives them
    /// `k − 1, k − 2, …, 0`, as pabutools' `Additive_Borda_Sat`), skipping projects that do not fit.
    case greedyBorda = "greedy-borda"
    /// Equal shares with additive point satisfaction (cumulative and scoring ballots, as
    /// pabutools' `Additive_Cardinal_Sat`): per-voter budget `B/n`, and each supporter of a
    /// project pays in proportion to the points she gave it, `min(budget, ρ·points)`.
    case equalSharesPoints = "mes-points"
    /// Exact equal shares (Kraiczy, Robinson, Elkind 2025; approval ballots): per-voter budget
    /// `B/n`; each round the project with the most supporters able to pay an exactly equal
    /// share, per unit of cost, wins, and they pay that share.
    case exactEqualShares = "ees"
    /// Exact equal shares completed by ADD-OPT: the per-voter budget jumps straight to the next
    /// value at which the outcome can change; the outcome spending most within the budget wins.
    case exactEqualSharesAddOpt = "ees-add-opt"

    /// Whether a minimum-score threshold applies to this rule.
    public var acceptsScoreThreshold: Bool {
        switch self {
        case .greedyCost, .greedyNoSkip, .greedyCardinality, .greedyPoints, .greedyBorda: return true
        default: return false
        }
    }

    /// Whether the rule counts ballots of this kind: sequential Phragmén approval ballots only,
    /// the point rules cumulative and scoring ballots only, greedy by Borda score ordinal ballots
    /// only; the other rules count every kind (a listed project is supported).
    public func accepts(_ kind: BallotKind) -> Bool {
        switch self {
        case .phragmen, .exactEqualShares, .exactEqualSharesAddOpt: return kind.isApproval
        case .greedyPoints, .equalSharesPoints: return kind.hasPoints
        case .greedyBorda: return kind == .ordinal
        default: return true
        }
    }

    /// Parses a rule name, refusing unknown ones with the list of valid names.
    ///
    /// - Throws: ``ParticipationError`` with code ``ParticipationError/Code/unknownCountingRule``.
    public init(named name: String) throws {
        guard let rule = CountingRule(rawValue: name) else {
            let names = CountingRule.allCases.map(\.rawValue).joined(separator: ", ")
            throw ParticipationError(.unknownCountingRule, "Unknown counting rule \"\(name)\"; expected one of: \(names).", field: "rule")
        }
        self = rule
    }
}

extension CountingRule: Codable {}
