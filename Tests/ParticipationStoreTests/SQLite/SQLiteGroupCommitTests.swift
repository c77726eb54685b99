import Foundation
import ParticipationStore
import Testing

/// Concurrent writes share a transaction (group commit) but keep each write's own
/// outcome: these hold whichever writes end up grouped together.
@Suite("SQLite group commit")
struct SQLiteGroupCommitTests {
    static let migrator = SQLiteMigrator(migrations: [
        SQLiteMigration(version: 1, name: "entries", sql: """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            INSERT INTO parent (id) VALUES (1);
            CREATE TABLE entry (
                id INTEGER PRIMARY KEY CHECK (id > 0),
                parent_id INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED
            );
            """),
    ])

    private struct Refused: Error {}

    /// A write whose own statement fails, or whose body throws, undoes only itself:
    /// every other concurrent write is kept and acknowledged.
    @Test func aFailingWriteUndoesOnlyItself() async throws {
        try await withTemporaryDirectory { directory in
            let database = try await SQLiteDatabase.open(
                SQLiteConfiguration(path: directory.appendingPathComponent("db.sqlite").path), migrator: Self.migrator)
            let outcomes = try await Self.insertConcurrently(into: database, count: 300) { id in
                switch id % 7 {
                case 0: -id  // the CHECK refuses it
                case 3: nil  // the body throws after inserting
                default: id
                }
            }
            let stored = try await Self.storedIDs(in: database)
            for (id, succeeded) in outcomes {
                #expect(succeeded == (id % 7 != 0 && id % 7 != 3), "entry \(id)")
            }
            #expect(stored == Set(outcomes.filter(\.value).map(\.key)))
        }
    }

    /// A write that leaves a deferred foreign key unresolved would fail the group's commit;
    /// it is refused on its own instead, and the other writes of its group are kept.
    @Test func aDeferredViolationFailsOnlyItsOwnWrite() async throws {
        try await withTemporaryDirectory { directory in
            let database = try await SQLiteDatabase.open(
                SQLiteConfiguration(path: directory.appendingPathComponent("db.sqlite").path), migrator: Self.migrator)
            let outcomes = try await Self.insertConcurrently(into: database, count: 300, parent: { $0 % 50 == 0 ? 2 : 1 })
            for (id, succeeded) in outcomes {
                #expect(succeeded == (id % 50 != 0), "entry \(id)")
            }
            #expect(try await Self.storedIDs(in: database) == Set(outcomes.filter(\.value).map(\.key)))

            await #expect(throws: SQLiteError.self) {
                try await database.write { db in try db.execute(sql: "INSERT INTO entry (id, parent_id) VALUES (1000, 3)") }
            }
            try await database.write { db in try db.execute(sql: "INSERT INTO entry (id, parent_id) VALUES (1001, 1)") }
            let stored = try await Self.storedIDs(in: database)
            #expect(!stored.contains(1000) && stored.contains(1001))
        }
    }

    /// The same on an in-memory database, where reads share the writer's connection and so
    /// must never see a write that is not committed yet.
    @Test func readsOnTheWritersConnectionSeeOnlyCommittedWrites() async throws {
        let database = try await SQLiteDatabase.open(.inMemory, migrator: Self.migrator)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 1...200 {
                group.addTask {
                    if id % 2 == 0 {
                        // Never kept: the deferred foreign key is unresolved.
                        try? await database.write { db in
                            try db.execute(sql: "INSERT INTO entry (id, parent_id) VALUES (?, 2)", arguments: [.integer(Int64(id))])
                        }
                    } else {
                        let uncommitted = try await database.read { db in
                            try db.fetchOne(sql: "SELECT count(*) FROM entry WHERE parent_id = 2") { $0.int(at: 0) }
                        }
                        #expect(uncommitted == 0)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Inserts entries `1...count` concurrently, each in its own write; `row` gives the id
    /// to insert (nil: the body throws after inserting), `parent` its parent. Returns
    /// whether each write reported success.
    private static func insertConcurrently(
        into database: SQLiteDatabase, count: Int,
        row: @escaping @Sendable (Int) -> Int? = { $0 }, parent: @escaping @Sendable (Int) -> Int = { _ in 1 }
    ) async throws -> [Int: Bool] {
        try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for id in 1...count {
                group.addTask {
                    do {
                        try await database.write { db in
                            let stored = row(id)
                            try db.execute(
                                sql: "INSERT INTO entry (id, parent_id) VALUES (?, ?)",
                                arguments: [.integer(Int64(stored ?? id)), .integer(Int64(parent(id)))])
                            if stored == nil { throw Refused() }
                        }
                        return (id, true)
                    } catch {
                        return (id, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for try await (id, succeeded) in group { outcomes[id] = succeeded }
            return outcomes
        }
    }

    private static func storedIDs(in database: SQLiteDatabase) async throws -> Set<Int> {
        Set(try await database.read { db in try db.fetchAll(sql: "SELECT id FROM entry") { $0.int(at: 0) } })
    }
}
