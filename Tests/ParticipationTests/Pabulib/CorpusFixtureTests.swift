import Foundation
import Testing
@testable import Participation

/// Every rule of `expected-outcomes.tsv` on every fixture file, compared exactly.
///
/// Tests run in debug builds; pairs that take more than a few seconds there are left to the
/// release-mode `participation check-corpus ../shared/pabulib`, which checks every row.
@Suite struct CorpusFixtureTests {
    static let slowInDebug: Set<String> = [
        "Poland_Warszawa_2023_Bemowo.pb mes-cost-add1",
        "Poland_Warszawa_2023_Bemowo.pb mes-cost-add1-official",
    ]

    static let rows: [ExpectedOutcome] = {
        let available = FixtureLibrary.availableFiles
        // The table is a fixture of this target; a parse failure should fail loudly.
        let table = try! FixtureLibrary.expectedOutcomes()
        return table.filter { available.contains($0.file) && !slowInDebug.contains("\($0.file) \($0.ruleName)") }
    }()

    @Test func fixturesAreBundled() {
        #expect(FixtureLibrary.availableFiles.count >= 20)
        #expect(Self.rows.count >= 100)
    }

    @Test(arguments: rows)
    func ruleMatchesTheReferenceOutcome(_ row: ExpectedOutcome) async throws {
        let election = try FixtureLibrary.election(row.file)
        let rule = try CountingRule(named: row.ruleName)
        let outcome = try await rule.count(election)
        #expect(outcome.sortedSelected == row.selected.sorted(by: ProjectIdentifierOrder.precedes))
        #expect(outcome.totalCost == row.totalCost)
    }

    @Test(arguments: FixtureLibrary.availableFiles.sorted())
    func exportThenImportGivesTheSameElection(_ file: String) throws {
        let election = try FixtureLibrary.election(file)
        let again = try PabulibParser.parse(try PabulibWriter.text(of: election))
        #expect(again == election)
    }
}

extension ExpectedOutcome: CustomTestStringConvertible {
    public var testDescription: String { "\(file) \(ruleName)" }
}
