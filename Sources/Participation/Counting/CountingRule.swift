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

    /// Whether a minimum-score threshold applies to this rule.
    public var acceptsScoreThreshold: Bool {
        self == .greedyCost || self == .greedyNoSkip || self == .greedyCardinality
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
