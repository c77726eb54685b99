import Foundation
import ParticipationStore
import Testing

@Suite("SQLite schema migrations")
struct SQLiteMigratorTests {
    static let v1 = SQLiteMigration(version: 1, name: "create person", sql: "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    static let v2 = SQLiteMigration(version: 2, name: "add email", sql: "ALTER TABLE person ADD COLUMN email TEXT")
    static let v3 = SQLiteMigration(version: 3, name: "index email", sql: "CREATE UNIQUE INDEX person_email ON person (email)")

    private func recordedMigrations(_ db: SQLiteConnection) throws -> [String] {
        try db.fetchAll(sql: "SELECT version || ' ' || name FROM schema_migration ORDER BY version") { $0.string(at: 0) }
    }

    private func tables(_ db: SQLiteConnection) throws -> [String] {
        try db.fetchAll(sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.string(at: 0) }
    }

    @Test func migratesAnEmptyDatabaseAndRecordsEachVersion() throws {
        let db = try SQLiteConnection.open(.inMemory)
        try SQLiteMigrator(migrations: [Self.v1, Self.v2, Self.v3]).migrate(db)

        #expect(try SQLiteMigrator.appliedVersion(db) == 3)
        #expect(try recordedMigrations(db) == ["1 create person", "2 add email", "3 index email"])
        try db.execute(sql: "INSERT INTO person (name, email) VALUES (?, ?)", arguments: ["Ada", "ada@example.org"])
    }

    @Test func reopeningAppliesOnlyTheNewMigrations() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = SQLiteConfiguration(path: directory.appendingPathComponent("db.sqlite").path)
            // Given a file migrated to version 2, with data
            do {
                let db = try SQLiteConnection.open(configuration)
                try SQLiteMigrator(migrations: [Self.v1, Self.v2]).migrate(db)
                try db.execute(sql: "INSERT INTO person (name) VALUES (?)", arguments: ["Ada"])
            }

            // When it is reopened with the same migrations and one more (re-running v1's
            // CREATE TABLE or v2's ALTER TABLE would throw)
            let db = try SQLiteConnection.open(configuration)
            try SQLiteMigrator(migrations: [Self.v1, Self.v2]).migrate(db)
            try SQLiteMigrator(migrations: [Self.v1, Self.v2, Self.v3]).migrate(db)

            // Then only v3 ran, and the data survived
            #expect(try recordedMigrations(db) == ["1 create person", "2 add email", "3 index email"])
            #expect(try db.fetchAll(sql: "SELECT name FROM person") { $0.string(at: 0) } == ["Ada"])
        }
    }

    @Test func newerSchemaIsRefusedAndLeftUnchanged() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = SQLiteConfiguration(path: directory.appendingPathComponent("db.sqlite").path)
            // Given a file migrated to version 3 by a newer program
            do {
                let db = try SQLiteConnection.open(configuration)
                try SQLiteMigrator(migrations: [Self.v1, Self.v2, Self.v3]).migrate(db)
            }

            // When a program that knows only version 2 opens it
            let db = try SQLiteConnection.open(configuration)
            let error = #expect(throws: SchemaTooNewError.self) {
                try SQLiteMigrator(migrations: [Self.v1, Self.v2]).migrate(db)
            }

            // Then it is refused with both versions named, and nothing changed
            #expect(error == SchemaTooNewError(path: configuration.path, databaseVersion: 3, latestKnownVersion: 2))
            #expect(error?.description.contains("schema version 3") == true)
            #expect(try recordedMigrations(db) == ["1 create person", "2 add email", "3 index email"])
            #expect(try db.fetchAll(sql: "SELECT name FROM sqlite_master WHERE type = 'index'") { $0.string(at: 0) }
                .contains("person_email"))
        }
    }

    @Test func foreignDatabaseWithNoMigrationsTableIsNotTouchedWhenRefused() throws {
        // A refusal must roll back the migrations table it created for the check.
        let db = try SQLiteConnection.open(.inMemory)
        try SQLiteMigrator(migrations: [Self.v1, Self.v2]).migrate(db)
        try db.executeScript("DROP TABLE schema_migration; CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '') STRICT; INSERT INTO schema_migration (version, name) VALUES (9, 'future');")

        #expect(throws: SchemaTooNewError.self) {
            try SQLiteMigrator(migrations: [Self.v1]).migrate(db)
        }
        #expect(try recordedMigrations(db) == ["9 future"])
        #expect(try tables(db) == ["person", "schema_migration"])
    }

    @Test func failingMigrationLeavesNoTraceAndKeepsEarlierOnes() throws {
        // Given a second migration whose first statement works and whose second fails
        let db = try SQLiteConnection.open(.inMemory)
        let broken = SQLiteMigration(version: 2, name: "broken", sql: """
            CREATE TABLE vote (id INTEGER PRIMARY KEY);
            INSERT INTO no_such_table VALUES (1);
            """)

        // When migrating
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteMigrator(migrations: [Self.v1, broken]).migrate(db)
        }

        // Then version 1 stays applied, and nothing of version 2 exists
        #expect(error?.sql?.contains("no_such_table") == true)
        #expect(try SQLiteMigrator.appliedVersion(db) == 1)
        #expect(try tables(db) == ["person", "schema_migration"])
        #expect(!db.isInsideTransaction)
    }
}
