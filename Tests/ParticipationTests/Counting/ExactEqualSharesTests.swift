import Foundation
import Testing
@testable import Participation

/// Exact equal shares and its ADD-OPT completion, against the pabutools main branch.
@Suite struct ExactEqualSharesTests {
    static let rows: [ExpectedOutcome] = {
        // A fixture of this target; a parse failure should fail loudly.
        let table = try! FixtureLibrary.expectedOutcomes("ees-outcomes.tsv")
        // Rows that take more than a second in a debug build are left to `check-corpus`.
        let slow: Set<String> = ["Switzerland_Zurich_SN.pb", "Poland_Swiecie_2023.pb", "Hungary_Budapest_2022_VIII_Jozsefvaros.pb"]
        return table.filter { FixtureLibrary.availableFiles.contains($0.file) && !($0.ruleName == "ees-add-opt" && slow.contains($0.file)) }
    }()

    @Test(arguments: rows)
    func ruleMatchesPabutoolsMain(_ row: ExpectedOutcome) async throws {
        let election = try PabulibParser.compactElection(contentsOf: FixtureLibrary.url(row.file))
        let outcome = try await CountingRule(named: row.ruleName).count(election)
        #expect(row.matches(outcome), "\(row.file) \(row.ruleName): \(outcome.sortedSelected)")
    }

    /// The examples of `pabutools/rules/ees_addopt.py`'s docstrings.
    static func example(costs: [Rational], budget: Rational, approvals: [[String]]) throws -> CompactElection {
        let projects = costs.enumerated().map { BudgetProject(id: "p\($0.offset + 1)", cost: $0.element) }
        return CompactElection(try BudgetElection.approvals(budget: budget, projects: projects, approvals: approvals))
    }

    @Test func paysExactlyEqualSharesAndCompletesByTheNextBudgetThatChangesTheOutcome() async throws {
        let first = try Self.example(costs: [10, 16, 21], budget: 40, approvals: [["p1"], ["p1", "p3"], ["p2", "p3"], ["p2", "p3"]])
        #expect(try await CountingRule.exactEqualShares.count(first).selected == ["p1", "p2"])

        let second = try Self.example(
            costs: [2, Rational(decimal: "3.2")!, 6], budget: 10, approvals: [["p1"], ["p1", "p3"], ["p2", "p3"], ["p2", "p3"], ["p3"]])
        // At 2 per voter p1 and p2 are bought (1 and 1.6 a head); half a unit more per voter lets
        // p3's five supporters pay 6/5 each instead.
        // The table counts in fifths of a unit (3.2 = 16/5).
        let table = ProjectTable(second)
        let ees = ExactEqualShares(second, table)
        let outcome = ees.run(perVoterBudget: 2 * Rational(table.scale))
        #expect(outcome.winners == [0, 1])
        #expect(ees.addOpt(outcome) == Rational(1, 2) * Rational(table.scale))
        #expect(try await CountingRule.exactEqualSharesAddOpt.count(second).sortedSelected == ["p1", "p3"])
    }
}
