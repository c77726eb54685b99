import Foundation

/// Measures ballot writes on a file database in WAL/NORMAL mode, in two shapes:
///
/// - *online casting*: one `BEGIN IMMEDIATE` transaction per ballot (1 ballot row and
///   5 ballot-line rows), as when voters cast one by one;
/// - *paper import*: 100,000 paper ballots in batched transactions, as when a
///   counting centre uploads its tally sheets.
///
/// Phase 1 measures the raw C API only: the ceiling any library path is held to.
///
/// Usage: `swift run -c release store-benchmarks [--online N] [--paper N] [--batch N]`
@main
struct StoreBenchmarks {
    static func main() throws {
        let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-benchmarks-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        print("SQLite \(RawBallotWriter.sqliteVersion), file database in WAL mode, synchronous = NORMAL")
        print("ballot = 1 ballot row + \(BenchmarkBallot.linesPerBallot) ballot-line rows")

        let online = try RawBallotWriter(path: directory.appendingPathComponent("raw-online.sqlite").path)
        let onlineTime = try measure { try online.castOneByOne(count: options.onlineBallots) }
        report("raw C, online casting (1 transaction per ballot)", count: options.onlineBallots, time: onlineTime)

        let paper = try RawBallotWriter(path: directory.appendingPathComponent("raw-paper.sqlite").path)
        let paperTime = try measure { try paper.importPaper(count: options.paperBallots, batchSize: options.batchSize) }
        report("raw C, paper import (\(options.batchSize) ballots per transaction)", count: options.paperBallots, time: paperTime)
    }

    private static func measure(_ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return clock.now - start
    }

    private static func report(_ label: String, count: Int, time: Duration) {
        let seconds = Double(time.components.seconds) + Double(time.components.attoseconds) / 1e18
        let rate = Double(count) / seconds
        print("\(label): \(count) ballots in \(String(format: "%.3f", seconds)) s = \(String(format: "%.0f", rate)) ballots/s")
    }
}
