import Foundation
import ParticipationPostgres
import PostgresNIO
import Testing

/// The PostgreSQL server the tests run against: the one `PARTICIPATION_POSTGRES_URL`
/// names (`scripts/with-postgres` starts a private one and sets it). Without it, the
/// tests that need a server are skipped.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["PARTICIPATION_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The trait of every test that needs the server.
    static let isAvailable = Testing.ConditionTrait.enabled(
        if: url != nil,
        "PARTICIPATION_POSTGRES_URL is not set: run `scripts/with-postgres swift test` to test the PostgreSQL backend")

    /// Many checks run at once; each opens a pool, so a few at a time keep the server
    /// under its connection limit.
    static let slots = Slots(count: 6)

    /// The server's configuration with a small pool, in `schema`.
    static func configuration(schema: String?) throws -> PostgresStoreConfiguration {
        guard let url else { throw ConfigurationMissing() }
        var configuration = try PostgresStoreConfiguration(url: url)
        configuration.schema = schema
        configuration.client.options.maximumConnections = 8
        return configuration
    }

    /// The stores' logger: warnings only, so that the migrations every check applies do not
    /// fill the test output.
    static let logger: Logger = {
        var logger = Logger(label: "participation.postgres.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens a store on `schema` with the test configuration and logger.
    static func store(schema: String) async throws -> PostgresStore {
        try await PostgresStore(configuration: configuration(schema: schema), logger: logger)
    }

    /// A schema name no other test uses.
    static func freshSchemaName() -> String {
        "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Runs `body` with the name of a schema no other test uses, then drops the schema
    /// (and everything a store created in it), whatever `body`'s outcome.
    static func withSchema(_ body: (String) async throws -> Void) async throws {
        await slots.acquire()
        let schema = freshSchemaName()
        do {
            try await body(schema)
        } catch {
            try? await dropSchema(schema)
            await slots.release()
            throw error
        }
        try await dropSchema(schema)
        await slots.release()
    }

    /// Runs `body` with a store on a fresh, empty schema (whose name it is also given),
    /// then shuts the store down and drops the schema.
    static func withFreshStore(_ body: (PostgresStore, String) async throws -> Void) async throws {
        try await withSchema { schema in
            let store = try await store(schema: schema)
            do {
                try await body(store, schema)
            } catch {
                await store.shutdown()
                throw error
            }
            await store.shutdown()
        }
    }

    /// Runs `body` with a client of its own on the server (for statements the store does
    /// not make: writing behind its back, dropping schemas).
    static func withClient<Result: Sendable>(
        schema: String? = nil, _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        var configuration = try configuration(schema: nil).client
        configuration.options.maximumConnections = 2
        if let schema { configuration.options.additionalStartupParameters.append(("search_path", schema)) }
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    static func dropSchema(_ schema: String) async throws {
        try await withClient { client in
            _ = try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"))
        }
    }

    struct ConfigurationMissing: Error {}
}

/// At most `count` holders at a time; the others wait in order.
actor Slots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
