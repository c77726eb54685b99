// Release-mode timing of the counting engine on the Pabulib corpus.
//
//     swift run -c release participation-benchmarks [DIR] [FILE.pb …] [--all] [--scale-only]
//         [--peer PROGRAM] [--ladders] [--ees] [--repetitions N]
//
// DIR defaults to ../shared/pabulib; FILE.pb arguments add files from elsewhere. Without --all,
// only the largest instances are timed.
//
// Every figure is the best of a few repetitions, in milliseconds of wall time, one thread.
// * Load: `PabulibParser.compactElection(contentsOf:)` (read + parse, what counting needs) and
//   its speed in MB/s; the full parse (`parse(contentsOf:)`, every ballot as written) beside it.
// * Load + rule for greedy-cost, mes-cost and phragmen. With `--peer PROGRAM`, the same on the
//   peer, run in the same process order: PROGRAM is called as `PROGRAM FILE RULE REPEAT` (RULE =
//   greedy, mes or phragmen) and prints `{"load_ms": …, "rule_ms": …}`; the ratio ours/peer is
//   printed against the ceiling 0.5 (issue 19).
// * With `--ladders`: the Add1 ladders on one core (`countSequentially`) and in parallel
//   (`count`), with their ratio to the load; with `--ees` too, exact equal shares with ADD-OPT
//   (hundreds to thousands of EES runs: minutes on the large files).
// * The rules of expected-outcomes.tsv for the file, each checked against its row.
// Then a synthetic city-wide vote (1,000,000 voters × 5 approvals over 300 projects, seeded) is
// built and counted through `CompactElection`; `--scale-only` runs that part alone.
import Foundation
import Participation

var arguments = Array(CommandLine.arguments.dropFirst())
/// Removes `name VALUE` from `arguments` and returns the value.
func option(_ name: String, in arguments: inout [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
let peer = option("--peer", in: &arguments)
let repetitions = option("--repetitions", in: &arguments).flatMap { Int($0) } ?? 5
let all = arguments.contains("--all")
let scaleOnly = arguments.contains("--scale-only")
let ladders = arguments.contains("--ladders")
let exactEqualShares = arguments.contains("--ees")
let positional = arguments.filter { !$0.hasPrefix("--") }
let directory = URL(fileURLWithPath: positional.first { !$0.hasSuffix(".pb") } ?? "../shared/pabulib")
let extraFiles = positional.filter { $0.hasSuffix(".pb") }.map { URL(fileURLWithPath: $0) }
let largest = [
    "Poland_Lodz_2022.pb", "Poland_Warszawa_2026.pb", "Poland_Warszawa_2021_Mokotow.pb", "Poland_Wroclaw_2015_150_-_500.pb",
    "Poland_Krakow_2022.pb", "Poland_Katowice_2023.pb", "Hungary_Budapest_2024.pb", "Netherlands_Amsterdam_309.pb",
]

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// The fastest wall time of `repetitions` runs, in milliseconds.
func best(of repetitions: Int, _ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    var fastest = Double.infinity
    for _ in 0..<repetitions {
        let start = clock.now
        try await body()
        fastest = min(fastest, milliseconds(clock.now - start))
    }
    return fastest
}

func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }

/// The peer's load and rule times for one file and rule, from its JSON line.
func peerTimes(_ file: URL, _ rule: String, peer: String?, repetitions: Int) -> (load: Double, rule: Double)? {
    guard let peer else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: peer)
    process.arguments = [file.path, rule, String(repetitions)]
    let output = Pipe()
    process.standardOutput = output
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    func number(_ key: String) -> Double? {
        guard let range = text.range(of: "\"\(key)\": ") else { return nil }
        return Double(text[range.upperBound...].prefix { "0123456789.".contains($0) })
    }
    guard let load = number("load_ms"), let rule = number("rule_ms") else { return nil }
    return (load, rule)
}

let table = try ExpectedOutcome.table(String(contentsOf: directory.appendingPathComponent("expected-outcomes.tsv"), encoding: .utf8))
let files = scaleOnly ? [] : (all ? Array(Set(table.map(\.file))).sorted() : largest).map { directory.appendingPathComponent($0) } + extraFiles

if !files.isEmpty {
    print("| file | MB | load ms | MB/s | full parse ms | rule | load + rule ms | peer load + rule ms | ratio (ceiling 0.5) |")
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
}
var ladderRows: [String] = []
var checkRows: [String] = []
for url in files {
    guard FileManager.default.fileExists(atPath: url.path) else { continue }
    let name = url.deletingPathExtension().lastPathComponent
    let megabytes = Double((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0) / 1e6
    var election: CompactElection?
    let load = try await best(of: repetitions) { election = try PabulibParser.compactElection(contentsOf: url) }
    let full = try await best(of: max(1, repetitions / 2)) { _ = try PabulibParser.parse(contentsOf: url) }
    // Assigned by the timed closure above, which ran at least once.
    let loaded = election!
    for (rule, peerRule) in [(CountingRule.greedyCost, "greedy"), (.equalShares, "mes"), (.phragmen, "phragmen")] where rule.accepts(loaded.kind) {
        let time = try await best(of: repetitions) {
            _ = try rule.countSequentially(try PabulibParser.compactElection(contentsOf: url))
        }
        let peerTime = loaded.kind.isApproval ? peerTimes(url, peerRule, peer: peer, repetitions: repetitions) : nil
        let peerCell = peerTime.map { "\(format($0.load + $0.rule)) (\(format($0.load)) + \(format($0.rule)))" } ?? "–"
        let ratio = peerTime.map { String(format: "%.2f", time / ($0.load + $0.rule)) } ?? "–"
        print("| \(name) | \(String(format: "%.2f", megabytes)) | \(format(load)) | \(String(format: "%.0f", megabytes / load * 1000)) | "
            + "\(format(full)) | \(rule.rawValue) | \(format(time)) | \(peerCell) | \(ratio) |")
    }
    if ladders {
        let rules = [CountingRule.equalSharesAddOne, .equalSharesAddOneOfficial] + (exactEqualShares ? [.exactEqualSharesAddOpt] : [])
        for rule in rules where rule.accepts(loaded.kind) {
            let sequential = try await best(of: 2) { _ = try rule.countSequentially(loaded) }
            let parallel = try await best(of: 2) { _ = try await rule.count(loaded) }
            ladderRows.append("| \(name) | \(format(load)) | \(rule.rawValue) | \(format(sequential)) | "
                + "\(String(format: "%.1f", sequential / load)) | \(format(parallel)) |")
        }
    }
    for row in table where row.file == url.lastPathComponent {
        let rule = try CountingRule(named: row.ruleName)
        var outcome: CountingOutcome?
        let time = try await best(of: 1) { outcome = try rule.countSequentially(loaded) }
        let status = outcome.map(row.matches) == true ? "ok" : "MISMATCH"
        checkRows.append("| \(name) | \(row.ruleName) | \(format(time)) | \(status) |")
    }
}
if !ladderRows.isEmpty {
    print("")
    print("| file | load ms | ladder | one core ms | one core / load | count (parallel batches) ms |")
    print("|---|---:|---|---:|---:|---:|")
    ladderRows.forEach { print($0) }
}
if !checkRows.isEmpty {
    print("")
    print("| file | rule of expected-outcomes.tsv | rule ms (one core) | outcome |")
    print("|---|---|---:|---|")
    checkRows.forEach { print($0) }
}

if scaleOnly || all { try await ScaleBenchmark().report() }
