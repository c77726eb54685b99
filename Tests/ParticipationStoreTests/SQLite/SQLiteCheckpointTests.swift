import Foundation
import ParticipationStore
import Testing

/// The log of a file database is checkpointed and started over as it grows: with the readers
/// and the writer all open, no connection may pin it (an unfinished statement holding a read
/// transaction would), or it would grow with every write.
@Suite("SQLite checkpoints")
struct SQLiteCheckpointTests {
    static let migrator = SQLiteMigrator(migrations: [
        SQLiteMigration(version: 1, name: "pages", sql: "CREATE TABLE page (id INTEGER PRIMARY KEY, filler BLOB NOT NULL);")
    ])

    /// 6,000 commits of one 4 KiB row each: without checkpoints the log would pass 24 MiB.
    @Test func theLogStaysBoundedAndEveryRowIsKept() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("db.sqlite").path
            let database = try await SQLiteDatabase.open(SQLiteConfiguration(path: path), migrator: Self.migrator)
            var largestLog = 0
            for id in 1...6_000 {
                try await database.write { db in
                    try db.execute(
                        sql: "INSERT INTO page (id, filler) VALUES (?, zeroblob(4000))", arguments: [.integer(Int64(id))])
                }
                if id.isMultiple(of: 500) {
                    largestLog = max(largestLog, Self.size(of: path + "-wal"))
                }
            }
            // Two thresholds' worth of pages (1,000 each) at most, with room for index pages.
            #expect(largestLog > 0)
            #expect(largestLog < 12 << 20, "log reached \(largestLog) bytes")
            let count = try await database.read { db in try db.fetchOne(sql: "SELECT count(*) FROM page") { $0.int(at: 0) } }
            #expect(count == 6_000)
        }
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
