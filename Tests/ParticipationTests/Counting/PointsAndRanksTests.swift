import Foundation
import Testing
@testable import Participation

/// The rules that count points and ranks: greedy by total points, greedy by Borda score, and
/// equal shares with point satisfaction, against pabutools 1.2.3 on the corpus, against the
/// outcomes cities published, and on hand-made ballots.
@Suite struct PointsAndRanksTests {
    static let rows: [ExpectedOutcome] = {
        // A fixture of this target; a parse failure should fail loudly.
        let table = try! FixtureLibrary.expectedOutcomes("points-and-ranks-outcomes.tsv")
        return table.filter { FixtureLibrary.availableFiles.contains($0.file) }
    }()

    @Test func everyCumulativeAndOrdinalFixtureHasItsReferenceRows() {
        let files = Set(Self.rows.map(\.file))
        #expect(files.count >= 8)
        #expect(Set(Self.rows.map(\.ruleName)) == ["greedy-points", "greedy-borda", "mes-points"])
    }

    @Test(arguments: rows)
    func ruleMatchesPabutools(_ row: ExpectedOutcome) async throws {
        let election = try PabulibParser.compactElection(contentsOf: FixtureLibrary.url(row.file))
        let outcome = try await CountingRule(named: row.ruleName).count(election)
        #expect(row.matches(outcome), "\(row.file) \(row.ruleName): \(outcome.sortedSelected)")
    }

    @Test(arguments: ["Poland_Czestochowa_2024_Lisiniec.pb", "Poland_Katowice_2023_Osiedle_Tysiaclecia.pb"])
    func greedyByPointsReproducesThePublishedOutcome(_ file: String) throws {
        let election = try FixtureLibrary.election(file)
        let threshold = election.metadataValue(for: "rule") == "greedy-threshold" ? election.minimumProjectScoreThreshold : nil
        let outcome = try CountingRule.greedyPoints.countSequentially(election, options: CountingOptions(minimumProjectScore: threshold))
        // The `selected` column of PROJECTS is what the city published.
        let column = try #require(election.projectAttributeKeys.firstIndex(of: "selected"))
        let published = election.projects.filter { $0.attributes[column] == "1" }.map(\.id)
        #expect(outcome.sortedSelected == published.sorted(by: ProjectIdentifierOrder.precedes))
    }

    func project(_ id: String, _ cost: Int) -> BudgetProject { BudgetProject(id: id, cost: Rational(cost)) }

    @Test func pointsDecideWhereSupportersWouldDecideOtherwise() async throws {
        // b has more supporters (3 against 2) but fewer points (3 against 10); only one fits.
        let projects = [project("a", 60), project("b", 60)]
        var election = try CompactElection(budget: 100, kind: .cumulative, projects: projects)
        try election.addBallot([0], points: [5])
        try election.addBallot([0, 1], points: [5, 1])
        try election.addBallot([1], points: [1])
        try election.addBallot([1], points: [1])
        #expect(try await CountingRule.greedyCost.count(election).selected == ["b"])
        #expect(try await CountingRule.greedyPoints.count(election).selected == ["a"])
    }

    @Test func bordaScoresFollowTheRanks() async throws {
        // b is listed by all three voters, a by two only, but both of those rank a first: Borda
        // a = 1 + 1 = 2, b = 0 + 0 + 0 = 0 (a one-project ranking gives 0). Only one fits.
        let projects = [project("a", 60), project("b", 60)]
        var election = try CompactElection(budget: 100, kind: .ordinal, projects: projects)
        try election.addBallot([0, 1])
        try election.addBallot([0, 1])
        try election.addBallot([1])
        #expect(election.bordaTotals == [2, 0])
        #expect(try await CountingRule.greedyCost.count(election).selected == ["b"])
        #expect(try await CountingRule.greedyBorda.count(election).selected == ["a"])
        // A repeated project keeps its first rank, as pabutools reads it.
        var repeated = try CompactElection(budget: 100, kind: .ordinal, projects: projects)
        try repeated.addBallot([0, 1, 0])
        #expect(repeated.bordaTotals == [1, 0])
    }

    @Test func equalSharesWithPointsChargesInProportionToPoints() async throws {
        // Budget 90 for 3 voters: 30 each. "big" (60) has 9 points from v1 and 1 from v2:
        // 10ρ = 60 gives ρ = 6, but v1 would pay 54 > 30, so v1 pays 30 and v2 pays the other 30
        // (ρ = 30). "small" (20) has 1 point from v2 and 1 from v3: ρ = 10. small wins, v2 and v3
        // pay 10 each; big then needs 60 from v1 (30) and v2 (20): unaffordable.
        // By cost satisfaction both have ρ = 1/2; big wins the tie on its id, then small fits.
        let projects = [project("big", 60), project("small", 20)]
        var election = try CompactElection(budget: 90, kind: .cumulative, projects: projects)
        try election.addBallot([0], points: [9])
        try election.addBallot([0, 1], points: [1, 1])
        try election.addBallot([1], points: [1])
        #expect(try await CountingRule.equalSharesPoints.count(election).selected == ["small"])
        #expect(try await CountingRule.equalShares.count(election).selected == ["big", "small"])
    }

    @Test func rulesRefuseBallotsWithoutWhatTheyCount() async throws {
        let approval = try BudgetElection.approvals(budget: 10, projects: [project("a", 5)], approvals: [["a"]])
        for rule in [CountingRule.greedyPoints, .equalSharesPoints, .greedyBorda] {
            #expect(!rule.accepts(.approval))
            let error = await #expect(throws: ParticipationError.self) { try await rule.count(approval) }
            #expect(error?.code == .unsupportedBallotKind)
        }
        #expect(CountingRule.greedyBorda.accepts(.ordinal) && !CountingRule.greedyBorda.accepts(.cumulative))
        #expect(CountingRule.greedyPoints.accepts(.scoring) && CountingRule.equalSharesPoints.accepts(.cumulative))
    }
}
