#if canImport(FoundationEssentials)
import FoundationEssentials
#endif
import Foundation
import Participation

/// Performs a parsed ``CountingCommand``: results on standard output, everything else on
/// standard error.
enum CommandLineTool {
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            switch try CountingCommand.parse(arguments) {
            case .help:
                printError(CountingCommand.usage)
                return arguments.isEmpty ? 1 : 0
            case .tally(let file, let rule, let json, let threshold, let sequential):
                return try await tally(file: file, rule: rule, json: json, threshold: threshold, sequential: sequential)
            case .compare(let file, let rules, let json, let threshold):
                return try await compare(file: file, rules: rules, json: json, threshold: threshold)
            case .checkCorpus(let directory, let table):
                return try await CorpusCheck.run(directory: directory, table: table)
            }
        } catch let error as ParticipationError {
            printError("error: \(error.message)")
            return 2
        } catch {
            printError("error: \(error)")
            return 2
        }
    }

    static func tally(file: String, rule: CountingRule, json: Bool, threshold: CountingCommand.Threshold?, sequential: Bool) async throws -> Int32 {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let election = try PabulibParser.compactElection(contentsOf: URL(fileURLWithPath: file))
        let loadTime = clock.now - loadStart
        let options = try CountingOptions(threshold, of: election, file: file)
        let countStart = clock.now
        let outcome = sequential ? try rule.countSequentially(election, options: options) : try await rule.count(election, options: options)
        let countTime = clock.now - countStart
        if json {
            let report = TallyReport(outcome: outcome, loadMilliseconds: loadTime.milliseconds, countMilliseconds: countTime.milliseconds)
            print(report.json)
        } else {
            for id in outcome.selected { print(id) }
        }
        printError(
            "\(rule.rawValue): \(outcome.selected.count) projects, total cost \(outcome.totalCost.decimalString) of \(election.budget.decimalString); "
                + "load \(TallyReportFormat.milliseconds(loadTime)) ms, count \(TallyReportFormat.milliseconds(countTime)) ms")
        return 0
    }
}

extension CommandLineTool {
    static func compare(file: String, rules: [CountingRule]?, json: Bool, threshold: CountingCommand.Threshold?) async throws -> Int32 {
        let clock = ContinuousClock()
        let start = clock.now
        let election = try PabulibParser.compactElection(contentsOf: URL(fileURLWithPath: file))
        let options = try CountingOptions(threshold, of: election, file: file)
        let rows = try await election.compare(rules ?? CountingRule.allCases.filter { $0.accepts(election.kind) }, options: options)
        let report = ComparisonReport(rows: rows)
        print(json ? report.json : report.text)
        printError("\(rows.count) rules on \(election.voterCount) voters in \(TallyReportFormat.milliseconds(clock.now - start)) ms")
        return 0
    }
}

extension CountingOptions {
    /// The options of a command: its threshold, if any, read from the file's META when asked.
    init(_ threshold: CountingCommand.Threshold?, of election: CompactElection, file: String) throws {
        self.init()
        switch threshold {
        case .none:
            break
        case .value(let value):
            minimumProjectScore = value
        case .fromMetadata:
            guard let value = election.minimumProjectScoreThreshold else {
                throw ParticipationError(.invalidThreshold, "\(file) has no META min_project_score_threshold.", field: "threshold")
            }
            minimumProjectScore = value
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension Duration {
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}

enum TallyReportFormat {
    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", duration.milliseconds)
    }
}
