import Foundation
import Participation

/// `participation check-corpus DIR [TABLE]`: counts every row of `TABLE` (by default
/// `DIR/expected-outcomes.tsv`) on the files of `DIR`, and compares.
enum CorpusCheck {
    static func run(directory: String, table: String?) async throws -> Int32 {
        let base = URL(fileURLWithPath: directory)
        let tableURL = table.map { URL(fileURLWithPath: $0) } ?? base.appendingPathComponent("expected-outcomes.tsv")
        guard let text = try? String(contentsOf: tableURL, encoding: .utf8) else {
            throw ParticipationError(.invalidArguments, "Cannot read \(tableURL.path).", field: "directory")
        }
        let rows = try ExpectedOutcome.table(text)
        let clock = ContinuousClock()
        var passed = 0
        var failed = 0
        var loaded: (file: String, election: CompactElection)?
        for row in rows {
            let label = "\(row.file) \(row.ruleName)"
            do {
                if loaded?.file != row.file {
                    let start = clock.now
                    let election = try PabulibParser.compactElection(contentsOf: base.appendingPathComponent(row.file))
                    printError("loaded \(row.file) in \(TallyReportFormat.milliseconds(clock.now - start)) ms")
                    loaded = (row.file, election)
                }
                // Set just above when absent or stale.
                let election = loaded!.election
                let rule = try CountingRule(named: row.ruleName)
                let start = clock.now
                let outcome = try await rule.count(election)
                let elapsed = clock.now - start
                if row.matches(outcome) {
                    passed += 1
                    print("ok       \(label) \(TallyReportFormat.milliseconds(elapsed)) ms")
                } else {
                    failed += 1
                    print("MISMATCH \(label) \(TallyReportFormat.milliseconds(elapsed)) ms: expected \(row.selected.joined(separator: ",")) (\(row.totalCost.decimalString)), got \(outcome.sortedSelected.joined(separator: ",")) (\(outcome.totalCost.decimalString))")
                }
            } catch let error as ParticipationError {
                failed += 1
                print("MISMATCH \(label): \(error.message)")
            }
        }
        print("\(passed) passed, \(failed) failed")
        return failed == 0 ? 0 : 1
    }
}
