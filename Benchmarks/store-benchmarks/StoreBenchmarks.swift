import Foundation
import Participation
import ParticipationStore

/// Measures ballot writes on a file database in WAL/NORMAL mode, in two shapes, through
/// the store's API and through the raw C API, and prints the ratio:
///
/// - *online casting*: one transaction per ballot (1 ballot row and 5 ballot-line rows),
///   as when voters cast one by one: ``SQLiteStore/castBallot(_:)`` against one
///   `BEGIN IMMEDIATE … COMMIT` per ballot in C;
/// - *paper import*: 100,000 paper ballots in batched transactions, as when a polling
///   station's tally is keyed in: ``SQLiteStore/castBallots(_:)`` (one transaction, a savepoint per ballot) against
///   batches in C.
///
/// Both paths write into files prepared identically by the store (schema, tenant,
/// processes, voters); preparation is not timed.
///
/// With `PARTICIPATION_POSTGRES_URL` set, the same shapes then run against PostgreSQL
/// (see ``PostgresBenchmarks``).
///
/// Usage: `swift run -c release store-benchmarks [--online N] [--paper N] [--batch N] [--concurrency N]`
@main @MainActor
struct StoreBenchmarks {
    static func main() async throws {
        let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-benchmarks-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Twice the online ballots: the PostgreSQL run casts a second series concurrently.
        let voterCount = max(2 * options.onlineBallots, options.paperBallots)

        print("SQLite \(RawBallotWriter.sqliteVersion), file database in WAL mode, synchronous = NORMAL")
        print("ballot = 1 ballot row + \(BenchmarkFixture.linesPerBallot) ballot-line rows; \(voterCount) voters")

        let rawPath = directory.appendingPathComponent("raw.sqlite").path
        // The preparing store stays open until the end, as the library's does: closing the
        // last connection deletes the WAL file, and appending to a new WAL costs more than
        // reusing one, which would skew the comparison.
        let rawPreparation = try await BenchmarkFixture.prepare(path: rawPath, voterCount: voterCount)
        defer { withExtendedLifetime(rawPreparation) {} }
        let raw = try RawBallotWriter(path: rawPath)
        let library = try await BenchmarkFixture.prepare(
            path: directory.appendingPathComponent("library.sqlite").path, voterCount: voterCount)

        // The two paths take turns, chunk by chunk, so that drift in the machine's I/O
        // speed (large on shared virtual disks) weighs on both alike.
        var online = (raw: Duration.zero, library: Duration.zero)
        for chunk in chunks(of: options.onlineBallots, size: 1_000) {
            online.raw += try measure { try raw.castOneByOne(chunk) }
            online.library += try await measure {
                for number in chunk {
                    _ = try await library.castBallot(
                        BenchmarkFixture.ballot(number, process: BenchmarkFixture.onlineProcess, channel: .online))
                }
            }
        }
        compare("online casting, 1 transaction per ballot", count: options.onlineBallots, online)

        var paper = (raw: Duration.zero, library: Duration.zero)
        for batch in chunks(of: options.paperBallots, size: options.batchSize) {
            paper.raw += try measure { try raw.importPaper(batch) }
            let ballots = batch.map {
                BenchmarkFixture.ballot($0, process: BenchmarkFixture.paperProcess, channel: BenchmarkFixture.paperChannel)
            }
            paper.library += try await measure {
                for outcome in await library.castBallots(ballots) {
                    guard case .success(.cast) = outcome else { throw BenchmarkFailure(description: "paper ballot not cast: \(outcome)") }
                }
            }
        }
        compare("paper import, \(options.batchSize) ballots per transaction", count: options.paperBallots, paper)

        if let url = ProcessInfo.processInfo.environment["PARTICIPATION_POSTGRES_URL"], !url.isEmpty {
            try await PostgresBenchmarks.run(url: url, options: options, sqlite: library)
        } else {
            print("")
            print("PARTICIPATION_POSTGRES_URL is not set: PostgreSQL not measured (scripts/with-postgres swift run -c release store-benchmarks)")
        }
    }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// `0..<count` cut into consecutive ranges of at most `size`.
    static func chunks(of count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    static func measure(_ body: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        return clock.now - start
    }

    static func measure(_ body: () async throws -> Void) async rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return clock.now - start
    }

    static func compare(_ shape: String, count: Int, _ times: (raw: Duration, library: Duration), raw rawLabel: String = "raw C") {
        let (raw, library) = times
        let rawRate = Double(count) / seconds(raw)
        let libraryRate = Double(count) / seconds(library)
        print("\(shape): \(count) ballots")
        print("  \(rawLabel): \(format(seconds(raw), "%.3f")) s = \(format(rawRate, "%.0f")) ballots/s")
        print("  library: \(format(seconds(library), "%.3f")) s = \(format(libraryRate, "%.0f")) ballots/s")
        print("  library / raw = \(format(100 * libraryRate / rawRate, "%.0f"))%")
    }

    /// `count` per `duration`, formatted.
    static func rate(_ count: Int, _ duration: Duration) -> String {
        format(Double(count) / seconds(duration), "%.0f")
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func format(_ value: Double, _ pattern: String) -> String {
        String(format: pattern, value)
    }
}
