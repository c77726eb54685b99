import Foundation
import Participation
import Testing

@Suite("Counting and publishing results")
struct ResultsTests {
    /// Three voters: {piste}, {piste, bancs}, {arbres, jardin, bancs}.
    static func votedBudget(rule: CountingRule = .greedyCost) async throws -> BudgetWorld {
        let budget = try await BudgetWorld(
            settings: BudgetSettings(envelope: 100_000_00, cycle: BudgetCycle(firstYear: 2026), countingRule: rule))
        let ballots: [[PropositionID]] = [["piste"], ["piste", "bancs"], ["arbres", "jardin", "bancs"]]
        for (index, chosen) in ballots.enumerated() {
            let voter = try await budget.world.citizen("Voter \(index)")
            _ = try await budget.service.castBallot(chosen.map { BallotChoice($0) }, in: budget.process.id, by: voter)
        }
        return budget
    }

    @Test func greedyByVotesFillsTheEnvelopeAndStatusesFollow() async throws {
        let budget = try await Self.votedBudget()
        let early = await participationError { _ = try await budget.service.publishResults(of: budget.process.id, by: budget.admin) }
        #expect(early?.code == .invalidTransition)
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let result = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        #expect(result.rule == "greedy-cost")
        #expect(result.scopes.count == 1)
        // bancs and piste tie on 2 supporters; "bancs" < "piste" goes first; 20k + 80k fill the
        // 100k envelope, so arbres (50k) and jardin (30k) no longer fit.
        #expect(result.scopes[0].selected == ["bancs", "piste"])
        #expect(result.scopes[0].totalCost == 100_000_00)
        #expect(result.scopes[0].ballots == 3)
        #expect(result.scopes[0].supporters == ["piste": 2, "bancs": 2, "arbres": 1, "jardin": 1])

        let piste = try await budget.service.statusHistory(of: "piste", in: budget.world.tenant.id)
        #expect(piste.last?.status == .retained)
        #expect(piste.last?.justification == "won the vote (greedy-cost, 2 supporters)")
        let jardin = try await budget.service.proposition("jardin", in: budget.world.tenant.id)
        #expect(jardin.status == .notRetained)
        let illegal = try await budget.service.proposition("illegal", in: budget.world.tenant.id)
        #expect(illegal.status == .inadmissible)

        let again = await participationError { _ = try await budget.service.publishResults(of: budget.process.id, by: budget.admin) }
        #expect(again?.code == .invalidTransition)
        let stored = try await budget.service.publishedResult(of: budget.process.id, in: budget.world.tenant.id)
        #expect(stored == result)
        // Published results lift the "after publication" visibility.
        let tally = try await budget.service.publicTally(of: budget.process.id, in: budget.world.tenant.id)
        #expect(tally.ballots == 3)
    }

    @Test func staffCountWithAnyRuleBeforePublishingWithoutPublishing() async throws {
        let budget = try await Self.votedBudget()
        let early = await participationError { _ = try await budget.service.countResults(of: budget.process.id, by: budget.admin) }
        #expect(early?.code == .invalidTransition)
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let citizen = try await budget.world.citizen("Curious")
        let refused = await participationError { _ = try await budget.service.countResults(of: budget.process.id, by: citizen) }
        #expect(refused?.code == .forbidden)

        let greedy = try await budget.service.countResults(of: budget.process.id, by: budget.admin)
        #expect(greedy.map(\.selected) == [["bancs", "piste"]])
        // Equal shares: each voter holds a third of 100k. piste (80k) is beyond its two
        // supporters' 66.7k; bancs costs its two supporters 10k each; jardin (30k) is then
        // beyond its only supporter's remaining 23.3k.
        let shares = try await budget.service.countResults(of: budget.process.id, with: .equalShares, by: budget.admin)
        #expect(shares.first?.selected == ["bancs"])
        #expect(shares.first?.supporters == greedy.first?.supporters)
        // Nothing was published or changed.
        let unpublished = await participationError {
            _ = try await budget.service.publishedResult(of: budget.process.id, in: budget.world.tenant.id)
        }
        #expect(unpublished?.code == .resultsNotPublic)
        #expect(try await budget.service.proposition("piste", in: budget.world.tenant.id).status == .admissible)
        let published = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        #expect(published.scopes == greedy)
    }

    @Test(arguments: [CountingRule.greedyCost, .equalShares, .equalSharesAddOne, .equalSharesAddOneOfficial, .phragmen])
    func anyoneCanRecountTheExportedBallots(rule: CountingRule) async throws {
        let budget = try await Self.votedBudget(rule: rule)
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let result = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        let citizen = try await budget.world.citizen("Curious")
        let file = try await budget.service.exportPabulib(of: budget.process.id, in: budget.world.tenant.id)
        #expect(try await budget.service.exportPabulib(of: budget.process.id, by: citizen) == file)
        #expect(!file.contains("participant-"))
        let recount = try await rule.count(try PabulibParser.parse(file))
        #expect(recount.sortedSelected == result.scopes[0].selected.map(\.rawValue))
    }

    /// Found by fuzzing the demo server: counting a vote nobody took part in with an equal
    /// shares rule divided the envelope among no voters and crashed the server. Equal shares
    /// now selects nothing; every rule that counts approval ballots counts, and the export
    /// recounts to the same outcome.
    @Test(arguments: CountingRule.allCases.filter { $0.accepts(.approval) })
    func aVoteWithoutBallotsCountsUnderEveryRuleAndRecountsAlike(rule: CountingRule) async throws {
        let budget = try await BudgetWorld()
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let results = try await budget.service.countResults(of: budget.process.id, with: rule, by: budget.admin)
        #expect(results.map(\.ballots) == [0])
        if rule.isEqualShares { #expect(results.map(\.selected) == [[]]) }
        let file = try await budget.service.exportPabulib(of: budget.process.id, by: budget.admin)
        #expect(try await rule.count(try PabulibParser.parse(file)).sortedSelected == results[0].selected.map(\.rawValue))
    }

    @Test func beforePublicationOnlyStaffExportBallots() async throws {
        let budget = try await Self.votedBudget()
        let citizen = try await budget.world.citizen("Curious")
        let refused = await participationError { _ = try await budget.service.exportPabulib(of: budget.process.id, by: citizen) }
        #expect(refused?.code == .forbidden)
        let file = try await budget.service.exportPabulib(of: budget.process.id, by: budget.admin)
        #expect(file.contains("num_votes;3"))
    }

    @Test func districtBudgetsAreCountedPerDistrict() async throws {
        let budget = try await BudgetWorld(
            settings: BudgetSettings(
                envelope: 100_000_00, districtEnvelopes: ["north": 60_000_00, "south": 40_000_00], cycle: BudgetCycle(firstYear: 2026)))
        let north = try await budget.world.citizen("Nord")
        let south = try await budget.world.citizen("Sud", profile: Profile(birthDate: Date(timeIntervalSince1970: 0), districtID: "south", statuses: [.resident]))
        _ = try await budget.service.castBallot(choices("arbres", "bancs"), scope: "north", in: budget.process.id, by: north)
        _ = try await budget.service.castBallot(choices("jardin"), scope: "south", in: budget.process.id, by: south)
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let result = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        #expect(result.scopes.map(\.scope) == ["north", "south"])
        // North: 50k + 20k > 60k, so only the first by id among the tie fits: arbres (50k).
        #expect(result.scopes[0].selected == ["arbres"])
        #expect(result.scopes[1].selected == ["jardin"])
    }
}
