import Participation
import ParticipationSimulation
import Testing

/// The example of Docs/SIMULATING.md, kept compiling and passing.
@Suite struct DocumentationExampleTests {
    @Test func doubleVotersAreCaughtAndTheResultFitsTheEnvelope() async throws {
        var scenario = try BudgetScenario.hybridMunicipal(seed: 42, people: 1_000, districts: 3, ideas: 15)
        // Half the voters also try another channel.
        scenario.channels = try ChannelMix(
            turnoutPerMille: 300, online: 50, kiosk: 10, paper: 25, assisted: 15,
            paperWithoutAccount: 70, assistedWithoutAccount: 30, secondAttemptPerMille: 500)

        let run = try await BudgetScenarioRunner(scenario).run()
        let report = run.report

        // Every second ballot was refused and kept as a conflict for staff.
        #expect(report.votes.duplicatesCaught == report.votes.duplicateAttempts)
        let conflicts = try await run.service.ballotConflicts(of: run.processID, by: run.administrator)
        #expect(conflicts.count == report.votes.duplicatesCaught)

        // The published result spends no more than the envelope, and is public.
        #expect(report.result.allocated <= report.result.envelope)
        let tally = try await run.service.publicTally(of: run.processID, in: run.tenantID)
        #expect(tally.ballots == report.votes.ballotsCounted)

        // Same seed, same report.
        #expect(try await BudgetScenarioRunner(scenario).run().report == report)
    }
}
