/// Brings a database schema up to date by applying ordered ``SQLiteMigration``s.
///
/// Applied versions are recorded in the `schema_migration` table, one row per
/// migration, written in the same transaction as the migration's own changes: a
/// migration is applied whole or not at all, and a crash leaves the schema at the last
/// complete version.
///
/// A database whose recorded version is newer than the latest migration this code
/// knows is refused with ``SchemaTooNewError`` and left untouched: an older program
/// must not write to a schema it doesn't understand.
///
/// Several processes may migrate the same file at once: each migration re-reads the
/// applied version under the write lock, so each step runs exactly once.
package struct SQLiteMigrator: Sendable {
    /// The migrations, by increasing version.
    package let migrations: [SQLiteMigration]

    /// Creates a migrator.
    ///
    /// - Parameter migrations: Versions must be positive and strictly increasing; this is
    ///   a programming error otherwise, caught by a precondition.
    package init(migrations: [SQLiteMigration]) {
        precondition(migrations.first.map { $0.version > 0 } ?? true, "migration versions start above 0")
        precondition(
            zip(migrations, migrations.dropFirst()).allSatisfy { $0.version < $1.version },
            "migration versions must strictly increase"
        )
        self.migrations = migrations
    }

    /// The schema version after every migration has run, 0 when there are none.
    package var latestVersion: Int {
        migrations.last?.version ?? 0
    }

    /// Applies the migrations the database lacks, each in its own write transaction.
    ///
    /// - Throws: ``SchemaTooNewError`` if the database is ahead of this code, having
    ///   changed nothing; ``SQLiteError`` if a migration fails, in which case earlier
    ///   migrations stay applied and the failing one leaves no trace.
    package func migrate(_ db: SQLiteConnection) throws {
        let appliedVersion = try db.writeTransaction {
            // Creating the table rolls back too if the version check throws.
            try db.executeScript("""
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                ) STRICT
                """)
            let applied = try Self.appliedVersion(db)
            guard applied <= latestVersion else {
                throw SchemaTooNewError(
                    path: db.configuration.path,
                    databaseVersion: applied,
                    latestKnownVersion: latestVersion
                )
            }
            return applied
        }

        for migration in migrations where migration.version > appliedVersion {
            try db.writeTransaction {
                // Another process may have applied it since the check above.
                guard try Self.appliedVersion(db) < migration.version else { return }
                try db.executeScript(migration.sql)
                try db.execute(
                    sql: "INSERT INTO schema_migration (version, name) VALUES (?, ?)",
                    arguments: [.integer(Int64(migration.version)), .text(migration.name)]
                )
            }
        }
    }

    /// The highest version recorded, 0 for a database never migrated.
    package static func appliedVersion(_ db: SQLiteConnection) throws -> Int {
        try db.fetchOne(sql: "SELECT coalesce(max(version), 0) FROM schema_migration") { $0.int(at: 0) } ?? 0
    }
}
