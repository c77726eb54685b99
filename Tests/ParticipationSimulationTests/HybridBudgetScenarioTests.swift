import Foundation
import Participation
import ParticipationSimulation
import Testing

@Suite("Hybrid municipal budget scenario")
struct HybridBudgetScenarioTests {
    static func smallTown(seed: UInt64) throws -> BudgetScenario {
        try .hybridMunicipal(seed: seed, people: 1_200, districts: 3, ideas: 20)
    }

    @Test("seed 2026 gives the pinned outcome")
    func pinnedOutcome() async throws {
        let report = try await BudgetScenarioRunner(try Self.smallTown(seed: 2026)).run().report

        #expect(report.population.people == 1_320)
        #expect(report.population.nonResidentWorkers == 120)
        #expect(report.population.withoutAccount == 214)
        #expect(report.population.underSixteen == 62)
        #expect(report.population.byDistrict.map(\.people) == [287, 692, 341])

        #expect(report.ideas.submitted == 20)
        #expect(report.ideas.bySubmission == [NamedCount("collective", 2), NamedCount("individual", 13), NamedCount("transcribed", 5)])
        #expect(report.ideas.admissible == 15)
        #expect(report.ideas.costAdjusted == 6)
        #expect(report.ideas.reworked == 3)
        #expect(report.ideas.inadmissibleByReason.map(\.count).reduce(0, +) == 5)

        #expect(
            report.votes.ballotsByChannel
                == [NamedCount("assisted", 51), NamedCount("kiosk", 18), NamedCount("online", 142), NamedCount("paper", 89)])
        #expect(report.votes.ballotsCounted == 300)
        #expect(report.votes.attempts == 309)
        #expect(report.votes.duplicateAttempts == 7)
        #expect(report.votes.duplicatesCaught == 7)
        #expect(report.votes.refusedIneligible == 2)
        #expect(report.votes.refusedOther == 0)

        #expect(report.turnout.map(\.voters) == [52, 164, 84])
        #expect(report.turnout.map(\.eligible) == [273, 657, 328])
        #expect(report.turnout.map(\.perMille) == [190, 249, 256])

        #expect(report.result.rule == "greedy-cost")
        #expect(report.result.onBallot == 15)
        #expect(report.result.allocated == 236_047_00)
        #expect(report.result.winners.map(\.id) == [
                "proposition-1369", "proposition-1344", "proposition-1354", "proposition-1350", "proposition-1349",
            ])
        #expect(report.result.winners.map(\.supporters) == [178, 157, 111, 101, 81])
        // The winners' timelines, recorded with the service's realisation events.
        #expect(report.realisation.map(\.propositionID) == [
                "proposition-1344", "proposition-1349", "proposition-1350", "proposition-1354", "proposition-1369",
            ])
        #expect(report.realisation.allSatisfy { $0.state == .delivered && $0.progressPercent == 100 })
        #expect(report.realisation.allSatisfy {
            $0.steps.map(\.kind) == [.study, .tender, .worksStarted, .progressUpdate, .delivered]
        })
        #expect(report.realisation.map(\.spent) == [14_800_50, 98_812_35, 43_608_00, 30_495_00, 62_237_50])
        #expect(report.realisation.map { $0.differenceFromEstimate ?? 0 } == [2_150_50, 4_705_35, -3_792_00, -1_605_00, 12_447_50])
    }

    @Test("every attempt is accounted for: counted, or refused with its reason")
    func attemptsAddUp() async throws {
        let votes = try await BudgetScenarioRunner(try Self.smallTown(seed: 7)).run().report.votes
        #expect(votes.ballotsCounted + votes.duplicatesCaught + votes.refusedIneligible + votes.refusedOther == votes.attempts)
        #expect(votes.ballotsByChannel.map(\.count).reduce(0, +) == votes.ballotsCounted)
    }

    @Test("the same seed reproduces the same report, to the byte")
    func sameSeedSameReport() async throws {
        let first = try await BudgetScenarioRunner(try Self.smallTown(seed: 99)).run().report
        let second = try await BudgetScenarioRunner(try Self.smallTown(seed: 99)).run().report
        #expect(first == second)
        #expect(try first.json() == second.json())
    }

    @Test("another seed gives another town and another vote")
    func differentSeedDiffers() async throws {
        let first = try await BudgetScenarioRunner(try Self.smallTown(seed: 1)).run().report
        let second = try await BudgetScenarioRunner(try Self.smallTown(seed: 2)).run().report
        #expect(first != second)
        #expect(first.population.byDistrict != second.population.byDistrict)
        #expect(first.votes.ballotsByChannel != second.votes.ballotsByChannel)
    }

    @Test("the result is published, within the envelope, and the winners are realised")
    func publishedAndRealised() async throws {
        let run = try await BudgetScenarioRunner(try Self.smallTown(seed: 2026)).run()
        let report = run.report
        #expect(report.result.allocated <= report.result.envelope)
        #expect(report.result.winners.map(\.cost).reduce(0, +) == report.result.allocated)

        let process = try await run.service.process(run.processID, in: run.tenantID)
        let published = try #require(process.publishedResult)
        #expect(published.binding)
        #expect(published.scopes.first?.selected == report.result.winners.map(\.id).sorted())
        // Publication makes the tally public.
        let tally = try await run.service.publicTally(of: run.processID, in: run.tenantID)
        #expect(tally.ballots == report.votes.ballotsCounted)

        for realisation in report.realisation {
            let history = try await run.service.storage.statusHistory(of: realisation.propositionID, in: run.tenantID)
            let timeline = try await run.service.realisationTimeline(of: realisation.propositionID, in: run.tenantID)
            #expect(ProjectRealisation(timeline) == realisation)
            switch realisation.state {
            case .delivered: #expect(history.map(\.status).suffix(3) == [.retained, .inProgress, .realised])
            case .abandoned: #expect(history.last?.status == .retained)
            default: Issue.record("every winner's timeline ends: \(realisation.state)")
            }
        }
        #expect(process.currentPhase?.id == "realisation")
    }

    @Test("seed 2: a winner whose study is negative is abandoned with its public reason, and stays retained")
    func abandonedWinner() async throws {
        let run = try await BudgetScenarioRunner(try Self.smallTown(seed: 2)).run()
        let abandoned = run.report.realisation.filter { $0.state == .abandoned }
        #expect(abandoned.count == 1)
        for realisation in abandoned {
            #expect(realisation.steps.map(\.kind) == [.study, .abandoned])
            #expect(realisation.spent == 0)
            let timeline = try await run.service.realisationTimeline(of: realisation.propositionID, in: run.tenantID)
            #expect(timeline.events.last?.note.isEmpty == false)
            let proposition = try await run.service.proposition(realisation.propositionID, in: run.tenantID)
            #expect(proposition.status == .retained)
        }
    }

    @Test("ideas come in online, from collectives and on paper, and the committee's reasons are kept")
    func ideasAndReview() async throws {
        let run = try await BudgetScenarioRunner(try Self.smallTown(seed: 2026)).run()
        let propositions = try await run.service.storage.propositions(of: run.processID, in: run.tenantID)
        #expect(propositions.count == 20)
        let transcribed = propositions.filter { if case .transcribed = $0.origin { true } else { false } }
        #expect(transcribed.count == 5)
        for proposition in propositions where proposition.status == .inadmissible {
            let review = try await run.service.storage.statusHistory(of: proposition.id, in: run.tenantID)
                .first { $0.status == .inadmissible }
            #expect(review?.reason != nil)
            #expect(review?.justification.isEmpty == false)
        }
        var collectiveAuthors = 0
        for proposition in propositions {
            let author = try await run.service.storage.participant(proposition.authors[0], in: run.tenantID)
            if case .collective = author.kind { collectiveAuthors += 1 }
        }
        #expect(collectiveAuthors == 2)
        let adjusted = try await propositions.asyncFilter { proposition in
            try await run.service.storage.versions(of: proposition.id, in: run.tenantID)
                .contains { $0.note == "Chiffrage des services techniques" }
        }
        #expect(adjusted.count == 6)
    }
}

extension Array where Element: Sendable {
    func asyncFilter(_ isIncluded: (Element) async throws -> Bool) async rethrows -> [Element] {
        var kept: [Element] = []
        for element in self where try await isIncluded(element) { kept.append(element) }
        return kept
    }
}

@Suite("Counting rules in a scenario")
struct ScenarioCountingRuleTests {
    @Test("equal shares runs through the engine, stays within the envelope, and differs from greedy")
    func equalShares() async throws {
        var scenario = try HybridBudgetScenarioTests.smallTown(seed: 2026)
        scenario.rule = .equalShares
        let shares = try await BudgetScenarioRunner(scenario).run().report.result
        let greedy = try await BudgetScenarioRunner(try HybridBudgetScenarioTests.smallTown(seed: 2026)).run().report.result
        #expect(shares.rule == "mes-cost")
        #expect(shares.allocated <= shares.envelope)
        #expect(!shares.winners.isEmpty)
        #expect(Set(shares.winners.map(\.id)) != Set(greedy.winners.map(\.id)) || shares.allocated != greedy.allocated)
    }
}
