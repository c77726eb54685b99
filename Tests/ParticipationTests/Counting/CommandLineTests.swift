import Testing
@testable import Participation

@Suite struct CommandLineTests {
    @Test func parsesTally() throws {
        let command = try CountingCommand.parse(["tally", "x.pb", "--rule", "mes-cost", "--json", "--threshold", "meta"])
        #expect(command == .tally(file: "x.pb", rule: .equalShares, json: true, threshold: .fromMetadata, sequential: false))
        let plain = try CountingCommand.parse(["tally", "--rule", "greedy-cost", "y.pb", "--threshold", "2.5"])
        #expect(plain == .tally(file: "y.pb", rule: .greedyCost, json: false, threshold: .value(Rational(decimal: "2.5")!), sequential: false))
    }

    @Test func parsesCheckCorpusAndHelp() throws {
        #expect(try CountingCommand.parse(["check-corpus", "../shared/pabulib"]) == .checkCorpus(directory: "../shared/pabulib", table: nil))
        #expect(try CountingCommand.parse(["check-corpus", "d", "t.tsv"]) == .checkCorpus(directory: "d", table: "t.tsv"))
        #expect(try CountingCommand.parse([]) == .help)
    }

    @Test func parsesCompare() throws {
        let command = try CountingCommand.parse(["compare", "x.pb", "--rules", "greedy-cost,mes-cost-add1-official", "--json"])
        #expect(command == .compare(file: "x.pb", rules: [.greedyCost, .equalSharesAddOneOfficial], json: true, threshold: nil))
        #expect(try CountingCommand.parse(["compare", "--threshold", "meta", "y.pb"]) == .compare(file: "y.pb", rules: nil, json: false, threshold: .fromMetadata))
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["compare", "x.pb", "--rules", "greedy-cost,nope"]) }
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["compare", "--rules"]) }
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["compare", "x.pb", "y.pb"]) }
    }

    @Test func comparisonShowsWhoIsServedAndWhatAVoteCosts() async throws {
        // By votes, "big" (3 votes, 60) fills the budget; by votes per unit of cost, "a" and "b"
        // (1 vote for 15 each) go first and "big" no longer fits.
        let projects = [BudgetProject(id: "big", cost: 60), BudgetProject(id: "a", cost: 15), BudgetProject(id: "b", cost: 15)]
        let election = CompactElection(try BudgetElection.approvals(
            budget: 60, projects: projects, approvals: [["big"], ["big"], ["big"], ["a"], ["b"]]))
        let rows = try await election.compare([.greedyCost, .greedyCardinality])
        #expect(rows.map(\.outcome.sortedSelected) == [["big"], ["a", "b"]])
        #expect(rows.map(\.votersServed) == [3, 2])
        #expect(rows[0].shareOfVotersServed == Rational(3, 5))
        #expect(rows[0].costPerVote == 20)
        #expect(rows[1].costPerVote == 15)
        let report = ComparisonReport(rows: rows)
        #expect(report.text.contains("60.0% (3 of 5)"))
        #expect(report.text.contains("40.0% (2 of 5)"))
        #expect(report.json.hasPrefix(#"{"voters": 5, "rules": [{"rule": "greedy-cost", "selected": ["big"], "total_cost": 60, "voters_served": 3, "share_served": 0.600000, "votes_for_selected": 3, "cost_per_vote": 20.000000}"#))
        #expect(ComparisonReport.fixed(Rational(2, 3), places: 2) == "0.67")
        #expect(ComparisonReport.fixed(Rational(1, 8), places: 2) == "0.13")
        await #expect(throws: ParticipationError.self) { try await election.compare([.greedyPoints]) }
    }

    @Test func refusesBadArguments() {
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["tally", "x.pb"]) }
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["tally", "--rule", "nope", "x.pb"]) }
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["tally", "x.pb", "--rule", "phragmen", "--fast"]) }
        #expect(throws: ParticipationError.self) { try CountingCommand.parse(["frobnicate"]) }
    }

    @Test func jsonReportPrintsTotalsAsNumbers() throws {
        let election = try BudgetElection.approvals(
            budget: 100, projects: [BudgetProject(id: "a\"1", cost: Rational(decimal: "10.5")!)], approvals: [["a\"1"]])
        let outcome = try CountingRule.greedyCost.countSequentially(election)
        let report = TallyReport(outcome: outcome, loadMilliseconds: 1.25, countMilliseconds: 0.5)
        #expect(report.json == #"{"rule": "greedy-cost", "selected": ["a\"1"], "total_cost": 10.5, "load_ms": 1.250, "count_ms": 0.500}"#)
    }
}
