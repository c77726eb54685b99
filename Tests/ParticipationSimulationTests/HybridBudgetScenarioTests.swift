import Foundation
import Participation
import ParticipationSimulation
import Testing

@Suite("Hybrid municipal budget scenario")
struct HybridBudgetScenarioTests {
    static func smallTown(seed: UInt64) async throws -> SimulationRun {
        try await BudgetScenarioRunner(try .hybridMunicipal(seed: seed, people: 1_200, districts: 3, ideas: 20)).run()
    }

    @Test func dump() async throws {
        let run = try await Self.smallTown(seed: 2026)
        print(try run.report.json())
    }
}
