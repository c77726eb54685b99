import Participation
import PostgresNIO

/// A ``ParticipationStorage`` backend on PostgreSQL, through PostgresNIO's connection pool.
///
/// ```swift
/// let store = try await PostgresStore(configuration: PostgresStoreConfiguration(url: "postgres://app@db/participation"))
/// try await store.insertTenant(tenant)
/// // …
/// await store.shutdown()
/// ```
///
/// The store owns its `PostgresClient` and runs the pool (`PostgresClient.run()`) in a task
/// of its own, from ``init(configuration:logger:)`` until ``shutdown()``. Open one store
/// per process and share it: it is `Sendable`, and every requirement leases a pooled
/// connection for one transaction.
///
/// The schema is the SQLite backend's, in PostgreSQL types: composite keys scope every id
/// by its tenant, foreign keys forbid references across tenants, unique indexes keep one
/// ballot per voter and process, triggers keep charter versions consecutive and ballot ids
/// unused. Writes run at `SERIALIZABLE` isolation, so a requirement's checks and its
/// writes (quotas, thresholds, "already voted") behave as if no other writer ran at the
/// same time; a transaction PostgreSQL aborts to guarantee that (serialization failure,
/// deadlock) is run again, up to ``PostgresStoreConfiguration/maximumAttempts`` times.
/// Reads run in one `REPEATABLE READ READ ONLY` snapshot each.
///
/// ## Topics
/// ### Opening and closing
/// - ``init(configuration:logger:)``
/// - ``shutdown()``
/// - ``PostgresStoreConfiguration``
/// - ``PostgresSchemaTooNewError``
public final class PostgresStore: ParticipationStorage {
    let client: PostgresClient
    let logger: Logger
    let maximumAttempts: Int
    private let running: Task<Void, Never>

    /// Connects, creates the configured schema if needed and brings the tables up to date.
    ///
    /// - Throws: ``PostgresSchemaTooNewError`` if the database was migrated by a newer
    ///   version of this library (nothing is changed); ``PostgresStoreConfiguration/InvalidURL``
    ///   for a schema name that is not a plain identifier;
    ///   ``ParticipationError/Code/storageFailure`` if the server cannot be reached or
    ///   refuses the migrations. The pool is shut down before any of these is thrown.
    public init(
        configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "participation.postgres")
    ) async throws {
        var clientConfiguration = configuration.client
        if let schema = configuration.schema {
            guard PostgresSchema.isPlainIdentifier(schema) else {
                throw PostgresStoreConfiguration.InvalidURL(
                    reason: "schema must be lowercase letters, digits and underscores, not '\(schema)'")
            }
            clientConfiguration.options.additionalStartupParameters.append(("search_path", schema))
        }
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.maximumAttempts = max(1, configuration.maximumAttempts)
        self.running = Task { await client.run() }
        do {
            try await PostgresSchema.migrate(client: client, schema: configuration.schema, logger: logger)
        } catch {
            await shutdown()
            if let error = error as? PostgresSchemaTooNewError { throw error }
            throw PostgresFailure.wrap(error)
        }
    }

    /// Closes every pooled connection and ends the pool's task. Requirements called
    /// afterwards fail with `storageFailure`. Calling it again does nothing.
    public func shutdown() async {
        running.cancel()
        await running.value
    }

    deinit {
        running.cancel()
    }

    /// Runs `body` in one `SERIALIZABLE` write transaction, again when PostgreSQL aborts
    /// it to keep transactions serializable; errors come out as ``ParticipationError``.
    func write<Result>(_ body: (PostgresTransaction) async throws -> Result) async throws -> Result {
        try await transaction(begin: "BEGIN ISOLATION LEVEL SERIALIZABLE", body)
    }

    /// Runs `body` in one read-only snapshot; errors come out as ``ParticipationError``.
    func read<Result>(_ body: (PostgresTransaction) async throws -> Result) async throws -> Result {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<Result>(
        begin: PostgresQuery, _ body: (PostgresTransaction) async throws -> Result
    ) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await client.withConnection { connection in
                    let transaction = PostgresTransaction(connection: connection, logger: logger)
                    try await transaction.execute(begin)
                    do {
                        let result = try await body(transaction)
                        try await transaction.execute("COMMIT")
                        return result
                    } catch {
                        do {
                            try await transaction.execute("ROLLBACK")
                        } catch {
                            // The connection's state is unknown (perhaps still in the
                            // transaction): close it so that the pool never lends it again.
                            try? await connection.close()
                        }
                        throw error
                    }
                }
            } catch let error as PSQLError where PostgresFailure.isTransient(error) && attempt < maximumAttempts {
                attempt += 1
                try await PostgresFailure.backOff(attempt: attempt)
            } catch {
                throw PostgresFailure.wrap(error)
            }
        }
    }
}
