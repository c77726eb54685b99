import Foundation
import Participation
import Testing

/// Cumulative and ranked ballots cast through the library (ParticipationService on
/// InMemoryStorage) reach the rules that read their points and ranks: the winners follow the
/// points, not only the number of supporters.
@Suite struct BallotsThatCountTests {
    /// Casts one ballot per voter and closes the vote.
    static func budget(_ format: BallotFormat, rule: CountingRule, ballots: [[BallotChoice]]) async throws -> BudgetWorld {
        let budget = try await BudgetWorld(
            ballot: format, settings: BudgetSettings(envelope: 100_000_00, cycle: BudgetCycle(firstYear: 2026), countingRule: rule))
        for (index, ballot) in ballots.enumerated() {
            let voter = try await budget.world.citizen("Voter \(index)")
            _ = try await budget.service.castBallot(ballot, in: budget.process.id, by: voter)
        }
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        return budget
    }

    @Test func cumulativeBallotsAreCountedByTheirPoints() async throws {
        // Supporters: bancs 3, piste 2, arbres 2, jardin 1. Points: piste 12, arbres 9, bancs 3,
        // jardin 1. The envelope is 100k: piste (80k) + bancs (20k) by points; by supporters
        // bancs (20k), then arbres (50k, before piste on the id), then jardin (30k).
        let ballots = [
            [BallotChoice("piste", points: 6), BallotChoice("bancs", points: 1)],
            [BallotChoice("piste", points: 6), BallotChoice("bancs", points: 1)],
            [BallotChoice("bancs", points: 1), BallotChoice("arbres", points: 5)],
            [BallotChoice("arbres", points: 4), BallotChoice("jardin", points: 1)],
        ]
        let budget = try await Self.budget(.cumulative(points: 10, maximumPerProject: 6), rule: .greedyPoints, ballots: ballots)
        let published = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        #expect(published.rule == "greedy-points")
        #expect(published.scopes.map(\.selected) == [["bancs", "piste"]])
        #expect(published.scopes.first?.totalCost == 100_000_00)
        let bySupporters = try await budget.service.countResults(of: budget.process.id, with: .greedyCost, by: budget.admin)
        #expect(bySupporters.map(\.selected) == [["arbres", "bancs", "jardin"]])
        // Equal shares, 25k each, paying by points: arbres costs its two supporters all they
        // have (ρ = 25k/4 per point, against 20k/3 for bancs), then bancs costs its other two
        // supporters 10k each; piste (80k) is beyond its supporters' remaining 30k.
        let shares = try await budget.service.countResults(of: budget.process.id, with: .equalSharesPoints, by: budget.admin)
        #expect(shares.map(\.selected) == [["arbres", "bancs"]])
    }

    @Test func rankedBallotsAreCountedByTheirRanks() async throws {
        // Borda: piste 2 + 1, bancs 1 + 2, arbres 1 + 1, jardin 0 (last on every ballot, on all four).
        let ballots = [
            choices("piste", "bancs", "jardin"), choices("piste", "jardin"), choices("bancs", "arbres", "jardin"),
            choices("arbres", "jardin"),
        ]
        let budget = try await Self.budget(.ranked(maximumRanks: 3), rule: .greedyBorda, ballots: ballots)
        let published = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        #expect(published.scopes.map(\.selected) == [["bancs", "piste"]])
        let bySupporters = try await budget.service.countResults(of: budget.process.id, with: .greedyCost, by: budget.admin)
        #expect(bySupporters.map(\.selected) == [["arbres", "bancs", "jardin"]])
    }
}
