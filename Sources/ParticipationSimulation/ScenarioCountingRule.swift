import Participation

/// The counting rule a scenario asks for, named as the counting engine names its rules
/// (`CountingRule` raw values), so that switching to the engine is a lookup by name.
public enum ScenarioCountingRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Greedy by number of supporters, skipping projects that no longer fit.
    case greedyCost = "greedy-cost"
    /// The Method of Equal Shares (cost satisfaction).
    case equalShares = "mes-cost"
}
