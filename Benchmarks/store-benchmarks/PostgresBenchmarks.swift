import Foundation
import Participation
import ParticipationPostgres
import ParticipationStore
import PostgresNIO

/// The same two shapes against PostgreSQL, when `PARTICIPATION_POSTGRES_URL` names a
/// server (`scripts/with-postgres swift run -c release store-benchmarks`): `PostgresStore`
/// against raw PostgresNIO statements, each in a schema of its own prepared by the store.
/// Then a third shape PostgreSQL is for: online casting by many voters at once, on both
/// stores.
@MainActor
enum PostgresBenchmarks {
    static func run(url: String, options: BenchmarkOptions, sqlite: SQLiteStore) async throws {
        let run = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(8)
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.client.options.maximumConnections = max(options.concurrency, 1)
        let voterCount = max(options.onlineBallots * 2, options.paperBallots)

        configuration.schema = "bench_raw_\(run)"
        let rawPreparation = try await PostgresStore(configuration: configuration)
        try await BenchmarkFixture.populate(rawPreparation, voterCount: voterCount)
        let rawClient = PostgresClient(configuration: rawClientConfiguration(configuration))
        configuration.schema = "bench_library_\(run)"
        let library = try await PostgresStore(configuration: configuration)
        try await BenchmarkFixture.populate(library, voterCount: voterCount)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await rawClient.run() }
            defer { group.cancelAll() }
            let server = try await rawClient.query("SHOW server_version").collect().first?.decode(String.self) ?? "?"
            print("")
            print("PostgreSQL \(server) at \(configuration.client.host ?? "?"), default settings (fsync on, synchronous_commit on)")
            let raw = RawPostgresWriter(client: rawClient)

            var online = (raw: Duration.zero, library: Duration.zero)
            for chunk in StoreBenchmarks.chunks(of: options.onlineBallots, size: 1_000) {
                online.raw += try await StoreBenchmarks.measure { try await raw.castOneByOne(chunk) }
                online.library += try await StoreBenchmarks.measure {
                    for number in chunk {
                        _ = try await library.castBallot(
                            BenchmarkFixture.ballot(number, process: BenchmarkFixture.onlineProcess, channel: .online))
                    }
                }
            }
            StoreBenchmarks.compare(
                "online casting, 1 transaction per ballot", count: options.onlineBallots, online, raw: "raw PostgresNIO")

            var paper = (raw: Duration.zero, library: Duration.zero)
            for batch in StoreBenchmarks.chunks(of: options.paperBallots, size: options.batchSize) {
                paper.raw += try await StoreBenchmarks.measure { try await raw.importPaper(batch) }
                let ballots = batch.map {
                    BenchmarkFixture.ballot($0, process: BenchmarkFixture.paperProcess, channel: BenchmarkFixture.paperChannel)
                }
                paper.library += try await StoreBenchmarks.measure {
                    for outcome in await library.castBallots(ballots) {
                        guard case .success(.cast) = outcome else {
                            throw StoreBenchmarks.BenchmarkFailure(description: "paper ballot not cast: \(outcome)")
                        }
                    }
                }
            }
            StoreBenchmarks.compare(
                "paper import, \(options.batchSize) ballots per transaction", count: options.paperBallots, paper,
                raw: "raw PostgresNIO")

            // Voters after the sequential ones, so that every ballot is a first one.
            let concurrent = options.onlineBallots..<(2 * options.onlineBallots)
            let onPostgres = try await StoreBenchmarks.measure { try await castConcurrently(concurrent, on: library, tasks: options.concurrency) }
            let onSQLite = try await StoreBenchmarks.measure { try await castConcurrently(concurrent, on: sqlite, tasks: options.concurrency) }
            print("online casting, \(options.concurrency) voters at once: \(concurrent.count) ballots")
            print("  SQLiteStore (file, WAL):  \(StoreBenchmarks.rate(concurrent.count, onSQLite)) ballots/s")
            print("  PostgresStore (\(options.concurrency) connections): \(StoreBenchmarks.rate(concurrent.count, onPostgres)) ballots/s")
        }
        await library.shutdown()
        await rawPreparation.shutdown()
        try await dropSchemas(["bench_raw_\(run)", "bench_library_\(run)"], configuration: configuration)
    }

    /// Casts ballots `numbers` on the online process from `tasks` tasks at once.
    private static func castConcurrently(_ numbers: Range<Int>, on store: some ParticipationStorage, tasks: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<tasks {
                group.addTask {
                    for number in stride(from: numbers.lowerBound + worker, to: numbers.upperBound, by: tasks) {
                        let outcome = try await store.castBallot(
                            BenchmarkFixture.ballot(number, process: BenchmarkFixture.onlineProcess, channel: .online))
                        guard outcome == .cast else {
                            throw StoreBenchmarks.BenchmarkFailure(description: "ballot \(number) not cast: \(outcome)")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// The pool configuration of the store's raw twin: its schema, one connection.
    private static func rawClientConfiguration(_ configuration: PostgresStoreConfiguration) -> PostgresClient.Configuration {
        var client = configuration.client
        client.options.maximumConnections = 1
        client.options.additionalStartupParameters.append(("search_path", configuration.schema ?? "public"))
        return client
    }

    private static func dropSchemas(_ schemas: [String], configuration: PostgresStoreConfiguration) async throws {
        let client = PostgresClient(configuration: configuration.client)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            for schema in schemas {
                // Names made above from a UUID: safe to splice.
                try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
            }
        }
    }
}
