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
