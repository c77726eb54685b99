import Foundation
import ParticipationStore
import Testing

@Suite("SQLite connection setup")
struct SQLiteConnectionTests {
    @Test func inMemoryConnectionEnforcesForeignKeysAndHasBoundedBusyTimeout() throws {
        let db = try SQLiteConnection.open(SQLiteConfiguration(path: ":memory:", busyTimeout: .milliseconds(1500)))

        #expect(try db.fetchOne(sql: "PRAGMA foreign_keys") { $0.int(at: 0) } == 1)
        #expect(try db.fetchOne(sql: "PRAGMA busy_timeout") { $0.int(at: 0) } == 1500)
        // 2 is MEMORY: savepoint journals stay off the disk.
        #expect(try db.fetchOne(sql: "PRAGMA temp_store") { $0.int(at: 0) } == 2)
        // WAL does not apply to memory databases.
        #expect(try db.fetchOne(sql: "PRAGMA journal_mode") { $0.string(at: 0) } == "memory")
    }

    @Test func fileDatabaseUsesWriteAheadLogWithNormalSync() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("wal.sqlite").path
            let db = try SQLiteConnection.open(SQLiteConfiguration(path: path))

            #expect(try db.fetchOne(sql: "PRAGMA journal_mode") { $0.string(at: 0) } == "wal")
            // 1 is NORMAL.
            #expect(try db.fetchOne(sql: "PRAGMA synchronous") { $0.int(at: 0) } == 1)
        }
    }

    @Test func fileThatIsNotADatabaseFailsAtOpenAndIsLeftAlone() async throws {
        try await withTemporaryDirectory { directory in
            // Given a file of text long enough to hold an SQLite header
            let url = directory.appendingPathComponent("notes.sqlite")
            let content = Data(String(repeating: "these are not database pages\n", count: 200).utf8)
            try content.write(to: url)

            // When it is opened, then it fails at once with SQLITE_NOTADB, naming the file
            let error = #expect(throws: SQLiteError.self) {
                try SQLiteConnection.open(SQLiteConfiguration(path: url.path))
            }
            #expect(error?.code == .notADatabase)
            #expect(error?.description.contains(url.path) == true)

            // and the file is untouched
            #expect(try Data(contentsOf: url) == content)
        }
    }

    @Test func pathInMissingDirectoryFailsToOpen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("missing/db.sqlite").path
            let error = #expect(throws: SQLiteError.self) {
                try SQLiteConnection.open(SQLiteConfiguration(path: path))
            }
            #expect(error?.code == .cannotOpen)
        }
    }

    @Test func busyTimeoutIsBoundedWhenAnotherConnectionHoldsTheWriteLock() async throws {
        try await withTemporaryDirectory { directory in
            // Given two connections to one file, the first holding the write lock
            let path = directory.appendingPathComponent("busy.sqlite").path
            let holder = try SQLiteConnection.open(SQLiteConfiguration(path: path))
            let waiter = try SQLiteConnection.open(SQLiteConfiguration(path: path, busyTimeout: .milliseconds(200)))
            try holder.execute(sql: "BEGIN IMMEDIATE")
            defer { try? holder.execute(sql: "ROLLBACK") }

            // When the second tries to write, then it gives up with SQLITE_BUSY after
            // about the timeout, rather than hanging or failing at once
            let clock = ContinuousClock()
            let start = clock.now
            let error = #expect(throws: SQLiteError.self) {
                try waiter.writeTransaction {}
            }
            let waited = clock.now - start
            #expect(error?.code == .busy)
            #expect(waited >= .milliseconds(150))
            #expect(waited < .seconds(5))
        }
    }
}
