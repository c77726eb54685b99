import Foundation
import ParticipationStore
import Testing

@Suite("SQLite database actor")
struct SQLiteDatabaseTests {
    static let migrator = SQLiteMigrator(migrations: [
        SQLiteMigration(version: 1, name: "counter", sql: """
            CREATE TABLE counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
            INSERT INTO counter (id, value) VALUES (1, 0);
            """),
    ])

    @Test func concurrentWritesAreSerializedAndNoneIsLost() async throws {
        let database = try await SQLiteDatabase.open(.inMemory, migrator: Self.migrator)

        // Each write reads then writes: interleaved writes would lose increments.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    try await database.write { db in
                        let value = try db.fetchOne(sql: "SELECT value FROM counter") { $0.int(at: 0) } ?? 0
                        try db.execute(sql: "UPDATE counter SET value = ?", arguments: [.integer(Int64(value + 1))])
                    }
                }
            }
            try await group.waitForAll()
        }

        let value = try await database.read { db in try db.fetchOne(sql: "SELECT value FROM counter") { $0.int(at: 0) } }
        #expect(value == 200)
    }

    @Test func failedWriteRollsBackAndTheDatabaseStaysUsable() async throws {
        let database = try await SQLiteDatabase.open(.inMemory, migrator: Self.migrator)

        await #expect(throws: SQLiteError.self) {
            try await database.write { db in
                try db.execute(sql: "UPDATE counter SET value = 10")
                try db.execute(sql: "INSERT INTO counter (id, value) VALUES (2, 0)")  // CHECK fails
            }
        }

        try await database.write { db in try db.execute(sql: "UPDATE counter SET value = value + 1") }
        let value = try await database.read { db in try db.fetchOne(sql: "SELECT value FROM counter") { $0.int(at: 0) } }
        #expect(value == 1)
    }

    /// If database closures ran on Swift's cooperative pool, blocking one closure per pool
    /// thread would leave no thread for the task that unblocks them, and this would time
    /// out. Each database has its own queue, so it doesn't.
    @Test func blockingDatabaseWorkLeavesTheCooperativePoolFree() async throws {
        let blockedCount = ProcessInfo.processInfo.activeProcessorCount + 1
        var databases: [SQLiteDatabase] = []
        for _ in 0..<blockedCount {
            databases.append(try await SQLiteDatabase.open(.inMemory))
        }
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)

        try await withThrowingTaskGroup(of: Bool.self) { group in
            for database in databases {
                group.addTask {
                    try await database.withConnection { _ in
                        started.signal()
                        return release.wait(timeout: .now() + 10) == .success
                    }
                }
            }
            // Runs on the cooperative pool while every database closure is blocked.
            group.addTask {
                for _ in 0..<blockedCount {
                    await Task.yield()
                    _ = started.wait(timeout: .now() + 10)
                }
                for _ in 0..<blockedCount { release.signal() }
                return true
            }
            for try await released in group {
                #expect(released)
            }
        }
    }

    @Test func openRefusesNewerSchemaWithoutTouchingIt() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = SQLiteConfiguration(path: directory.appendingPathComponent("db.sqlite").path)
            let newer = SQLiteMigrator(migrations: Self.migrator.migrations + [
                SQLiteMigration(version: 2, name: "later", sql: "CREATE TABLE later (id INTEGER PRIMARY KEY)"),
            ])
            _ = try await SQLiteDatabase.open(configuration, migrator: newer)

            await #expect(throws: SchemaTooNewError.self) {
                _ = try await SQLiteDatabase.open(configuration, migrator: Self.migrator)
            }

            let reopened = try await SQLiteDatabase.open(configuration, migrator: newer)
            let version = try await reopened.read { db in try SQLiteMigrator.appliedVersion(db) }
            #expect(version == 2)
        }
    }

    /// Reads of a file run on reading connections: they see every acknowledged write, and a
    /// read that tries to write is refused instead of going around the writer.
    @Test func readsOfAFileSeeAcknowledgedWritesAndCannotWrite() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = SQLiteConfiguration(path: directory.appendingPathComponent("db.sqlite").path)
            let database = try await SQLiteDatabase.open(configuration, migrator: Self.migrator)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await database.write { db in try db.execute(sql: "UPDATE counter SET value = value + 1") }
                        let seen = try await database.read { db in
                            try db.fetchOne(sql: "SELECT value FROM counter") { $0.int(at: 0) } ?? 0
                        }
                        #expect(seen >= 1)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await database.read { db in try db.fetchOne(sql: "SELECT value FROM counter") { $0.int(at: 0) } } == 50)

            await #expect(throws: SQLiteError.self) {
                try await database.read { db in try db.execute(sql: "UPDATE counter SET value = 0") }
            }
            #expect(try await database.read { db in try db.fetchOne(sql: "SELECT value FROM counter") { $0.int(at: 0) } } == 50)
        }
    }
}
