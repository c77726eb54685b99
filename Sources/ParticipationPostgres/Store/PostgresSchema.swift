import PostgresNIO

/// The store's schema history and the migrator that applies it. Released migrations never
/// change; append new ones.
///
/// The tables are the SQLite backend's (`StoreSchema` in `ParticipationStore`), version for
/// version, in PostgreSQL types: `bigint` ids and counters, `double precision` timestamps
/// (seconds since 2001-01-01, `Date`'s own representation), `jsonb` documents, identity
/// columns for the `sequence` that orders logs. Key columns carry the invariants, so they
/// hold even against a buggy or concurrent writer.
enum PostgresSchema {
    static let migrations = [version1, notifications, contributions, realisation, moderation, synthesis, oneBallotPerProcess]

    /// Whether `name` can be spliced into SQL as a schema name as it is: lowercase ASCII
    /// letters, digits and underscores, not starting with a digit, at most 63 bytes.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }

    /// Creates the schema if needed and applies every pending migration, each in its own
    /// transaction together with the `schema_migration` row that records it, so a crash
    /// leaves the schema at the last complete version. An advisory lock serializes stores
    /// opening the same schema at once (several server processes starting together).
    ///
    /// - Throws: ``PostgresSchemaTooNewError`` before changing anything if the database is
    ///   at a version newer than the newest migration known here.
    static func migrate(client: PostgresClient, schema: String?, logger: Logger) async throws {
        let newest = migrations.map(\.version).max() ?? 0
        let lockKey = "participation.schema:\(schema ?? "")"
        try await client.withConnection { connection in
            while true {
                let applied = try await step(on: connection, schema: schema, lockKey: lockKey, newest: newest, logger: logger)
                guard let applied else { return }
                logger.info("applied PostgreSQL migration", metadata: ["version": "\(applied.version)", "name": "\(applied.name)"])
            }
        }
    }

    /// Applies the next pending migration in one transaction; `nil` when none is pending.
    private static func step(
        on connection: PostgresConnection, schema: String?, lockKey: String, newest: Int, logger: Logger
    ) async throws -> PostgresMigration? {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))", logger: logger)
            if let schema {
                // Checked by `isPlainIdentifier`: safe to splice.
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
            }
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version bigint PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query(
                "SELECT coalesce(max(version), 0) FROM schema_migration", logger: logger
            ).decode(Int.self) {
                current = version
            }
            guard current <= newest else { throw PostgresSchemaTooNewError(found: current, newestKnown: newest) }
            guard let next = migrations.filter({ $0.version > current }).min(by: { $0.version < $1.version }) else {
                try await connection.query("COMMIT", logger: logger)
                return nil
            }
            for statement in next.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query(
                "INSERT INTO schema_migration (version, name) VALUES (\(next.version), \(next.name))", logger: logger)
            try await connection.query("COMMIT", logger: logger)
            return next
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
