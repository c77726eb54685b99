import Foundation
import Participation
import ParticipationSimulation
import Testing

@Suite("Grenoble-style petition scenario")
struct PetitionScenarioTests {
    @Test("seed 2026: the threshold is reached, the votation adopts the petition")
    func pinnedOutcome() async throws {
        let report = try await PetitionScenarioRunner(try .grenobleStyle(seed: 2026)).run()
        #expect(report.signatureAttempts == 140)
        #expect(report.signaturesCounted == 119)
        #expect(report.signaturesRefusedIneligible == 21)
        #expect(report.thresholdReachedAtSignature == 25)
        #expect(report.statuses == ["open", "to-be-debated-in-council", "sent-to-votation"])
        #expect(report.votationVoters == 669)
        #expect(report.votationRefusedIneligible == 95)
        #expect(report.inFavour == 400)
        #expect(report.against == 269)
        #expect(report.adopted)
    }

    @Test("more no than yes: not adopted, even above the minimum in favour")
    func majorityAgainst() async throws {
        var scenario = try PetitionScenario.grenobleStyle(seed: 2026)
        scenario.inFavourPerMille = 450
        scenario.minimumInFavour = 10
        let report = try await PetitionScenarioRunner(scenario).run()
        #expect(report.inFavour >= 10)
        #expect(report.inFavour < report.against)
        #expect(!report.adopted)
    }

    @Test("too few signatures: no debate, no votation")
    func thresholdNotReached() async throws {
        var scenario = try PetitionScenario.grenobleStyle(seed: 2026)
        scenario.signatureThreshold = 10_000
        let report = try await PetitionScenarioRunner(scenario).run()
        #expect(report.thresholdReachedAtSignature == nil)
        #expect(report.statuses == ["open"])
        #expect(report.votationVoters == 0)
    }

    @Test("the same seed reproduces the report; another seed differs")
    func determinism() async throws {
        let first = try await PetitionScenarioRunner(try .grenobleStyle(seed: 8)).run()
        #expect(first == (try await PetitionScenarioRunner(try .grenobleStyle(seed: 8)).run()))
        #expect(first != (try await PetitionScenarioRunner(try .grenobleStyle(seed: 9)).run()))
    }
}
