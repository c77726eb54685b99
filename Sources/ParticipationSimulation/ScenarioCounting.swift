import Participation

/// Counts a simulated approval vote with the library's counting engine (`CountingRule`).
public enum ScenarioCounting {
    /// The projects `rule` selects, sorted by id.
    ///
    /// - Parameters:
    ///   - costs: project id → cost in cents, for every project on the ballot.
    ///   - ballots: each ballot as indices into `projects` (the ids of `costs`, sorted).
    /// - Throws: `invalidElection` from the engine for an inconsistent profile.
    public static func select(
        rule: ScenarioCountingRule, envelope: Int64, projects: [PropositionID], costs: [PropositionID: Int64],
        ballots: [[Int]]
    ) async throws -> [PropositionID] {
        // The scenario and the engine name rules alike, so every scenario rule is an engine rule.
        let engineRule = CountingRule(rawValue: rule.rawValue)!
        var election = try CompactElection(
            budget: Rational(Int(envelope)), projects: projects.map { BudgetProject(id: $0.rawValue, cost: Rational(Int(costs[$0] ?? 0))) },
            expectedBallotCount: ballots.count)
        for ballot in ballots { try election.addBallot(ballot) }
        let outcome = try await engineRule.count(election)
        return outcome.selectedIndices.map { projects[$0] }.sorted()
    }
}
