import Foundation
import Participation
import ParticipationSimulation
import Testing

@Suite("Votes on two channels")
struct DuplicateVoteTests {
    /// A town where half the voters try a second channel.
    static func doubleVoters(seed: UInt64) throws -> BudgetScenario {
        var scenario = try BudgetScenario.hybridMunicipal(seed: seed, people: 800, districts: 2, ideas: 12)
        scenario.channels = try ChannelMix(
            turnoutPerMille: 400, online: 40, kiosk: 20, paper: 20, assisted: 20, paperWithoutAccount: 50,
            assistedWithoutAccount: 50, secondAttemptPerMille: 500)
        return scenario
    }

    @Test("every second ballot on another channel is refused and kept as a conflict")
    func secondBallotsAreCaught() async throws {
        let run = try await BudgetScenarioRunner(try Self.doubleVoters(seed: 5)).run()
        let votes = run.report.votes
        #expect(votes.duplicateAttempts > 50)
        #expect(votes.duplicatesCaught == votes.duplicateAttempts)
        #expect(votes.ballotsCounted + votes.duplicatesCaught == votes.attempts)

        let conflicts = try await run.service.ballotConflicts(of: run.processID, by: run.administrator)
        #expect(conflicts.count == votes.duplicatesCaught)
        #expect(Set(conflicts.map(\.voterID)).count == conflicts.count, "one conflict per double voter")
        for conflict in conflicts {
            #expect(conflict.keptChannel.name != conflict.refusedChannel.name)
            let kept = try await run.service.storage.ballot(
                of: conflict.voterID, process: run.processID, in: run.tenantID)
            #expect(kept?.id == conflict.keptBallotID, "the first ballot still counts")
        }
        // Every channel was seen on both sides of a conflict.
        #expect(Set(conflicts.map(\.keptChannel.name)) == ["online", "kiosk", "paper", "assisted"])
        #expect(Set(conflicts.map(\.refusedChannel.name)) == ["online", "kiosk", "paper", "assisted"])
    }

    @Test("one ballot per voter counts, whatever the number of attempts")
    func oneBallotPerVoter() async throws {
        let run = try await BudgetScenarioRunner(try Self.doubleVoters(seed: 6)).run()
        let ballots = try await run.service.storage.ballots(of: run.processID, in: run.tenantID, after: nil, limit: 100_000)
        #expect(Set(ballots.map(\.voterID)).count == ballots.count)
        #expect(ballots.count == run.report.votes.ballotsCounted)
    }
}
