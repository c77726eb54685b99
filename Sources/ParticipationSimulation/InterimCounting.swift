import Participation

/// Counts an approval vote until the counting engine lands in main.
///
/// The engine (`CountingRule.count`, exact rational arithmetic, every rule the survey's cities
/// use) is being built in parallel; this file is the seam to replace with a call to it. Only
/// the greedy rule is implemented here, because it needs nothing but integer sums: projects by
/// supporters (most first, then smallest id), each kept if it still fits the envelope.
public enum InterimCounting {
    /// The selected projects, in selection order.
    /// - Throws: `invalidInput` for a rule the interim counter does not implement.
    public static func select(
        rule: ScenarioCountingRule, envelope: Int64, costs: [PropositionID: Int64], supporters: [PropositionID: Int]
    ) throws -> [PropositionID] {
        switch rule {
        case .greedyCost:
            let ordered = costs.keys.sorted { lhs, rhs in
                let left = supporters[lhs] ?? 0
                let right = supporters[rhs] ?? 0
                return left != right ? left > right : lhs < rhs
            }
            var remaining = envelope
            var selected: [PropositionID] = []
            for id in ordered where (supporters[id] ?? 0) > 0 {
                // Every id comes from `costs`, so its cost is present.
                let cost = costs[id]!
                if cost <= remaining {
                    selected.append(id)
                    remaining -= cost
                }
            }
            return selected
        case .equalShares:
            throw ParticipationError.invalid(
                "rule", "the Method of Equal Shares needs the counting engine, which has not landed in main yet")
        }
    }
}
