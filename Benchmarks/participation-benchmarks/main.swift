// Release-mode timing of the counting engine on the Pabulib corpus.
//
//     swift run -c release participation-benchmarks [DIR] [--all] [--scale-only]
//
// DIR defaults to ../shared/pabulib. Without --all, only the largest instances are timed.
// Then a synthetic city-wide vote (1,000,000 voters × 5 approvals over 300 projects, seeded)
// is built and counted through `CompactElection`; `--scale-only` runs that part alone.
// For each file: the load (read + parse) time, the floor every rule pays once; then each rule
// of expected-outcomes.tsv for that file, its time, its ratio to the load, and the speed-up
// over pabutools' reference time from the table. Times are the best of a few repetitions.
import Foundation
import Participation

let arguments = Array(CommandLine.arguments.dropFirst())
let all = arguments.contains("--all")
let scaleOnly = arguments.contains("--scale-only")
let directory = URL(fileURLWithPath: arguments.first { !$0.hasPrefix("--") } ?? "../shared/pabulib")
let largest = [
    "Poland_Wroclaw_2015_150_-_500.pb", "Poland_Lodz_2022.pb", "Poland_Warszawa_2026.pb",
    "Poland_Krakow_2022.pb", "Poland_Katowice_2023.pb", "Hungary_Budapest_2024.pb",
    "Netherlands_Amsterdam_309.pb", "Poland_Warszawa_2021_Mokotow.pb",
    "France_Toulouse_2022_9_-_Trois_Cocus_Borderouge_Croix-Daurade_Paleficat_Grand_Selve.pb",
]

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// Wall-clock and process CPU time of a run, in milliseconds. On a machine shared with other
/// work the wall time stretches while the CPU time does not; parallel steps make CPU exceed wall.
struct Timing {
    var wall = Double.infinity
    var cpu = Double.infinity
}

func cpuMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
}

/// The fastest wall time and the smallest CPU time over `repetitions` runs.
func best(of repetitions: Int, _ body: () async throws -> Void) async rethrows -> Timing {
    let clock = ContinuousClock()
    var fastest = Timing()
    for _ in 0..<repetitions {
        let start = clock.now
        let cpuStart = cpuMilliseconds()
        try await body()
        fastest.cpu = min(fastest.cpu, cpuMilliseconds() - cpuStart)
        fastest.wall = min(fastest.wall, milliseconds(clock.now - start))
    }
    return fastest
}

func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

let table = try ExpectedOutcome.table(String(contentsOf: directory.appendingPathComponent("expected-outcomes.tsv"), encoding: .utf8))
let files = scaleOnly ? [] : all ? Array(Set(table.map(\.file))).sorted() : largest
if !files.isEmpty {
    print("| file | load ms | rule | rule ms | rule cpu ms | rule/load | pabutools s | speed-up |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
}
for file in files {
    let url = directory.appendingPathComponent(file)
    guard FileManager.default.fileExists(atPath: url.path) else { continue }
    var election: CompactElection?
    let load = try await best(of: 3) { election = try PabulibParser.compactElection(contentsOf: url) }.wall
    // Assigned by the timed closure above, which ran at least once.
    let loaded = election!
    for row in table where row.file == file {
        let rule = try CountingRule(named: row.ruleName)
        var outcome: CountingOutcome?
        let repetitions = rule == .equalSharesAddOne || rule == .equalSharesAddOneOfficial ? 1 : 3
        let timing = try await best(of: repetitions) { outcome = try await rule.count(loaded) }
        let time = timing.wall
        let status = outcome.map(row.matches) == true ? "" : " MISMATCH"
        let reference = row.referenceSeconds.map { String(format: "%.3f", $0) } ?? "–"
        let speedUp = row.referenceSeconds.map { String(format: "%.0f×", $0 * 1000 / max(time, 0.001)) } ?? "–"
        print("| \(file.replacingOccurrences(of: ".pb", with: "")) | \(String(format: "%.1f", load)) | \(row.ruleName)\(status) | "
            + "\(String(format: "%.1f", time)) | \(String(format: "%.1f", timing.cpu)) | \(String(format: "%.1f", time / load)) | \(reference) | \(speedUp) |")
    }
}

try await ScaleBenchmark().report()
