import ParticipationStore
import Testing

@Suite("SQLite savepoints")
struct SQLiteSavepointTests {
    private struct StepFailed: Error, Equatable {}

    @Test func failedStepIsUndoneWhileTheTransactionKeepsTheOthers() throws {
        let db = try SQLiteConnection.open(.inMemory)
        try db.executeScript("CREATE TABLE entry (label TEXT NOT NULL)")

        try db.writeTransaction {
            try db.withSavepoint { try db.execute(sql: "INSERT INTO entry VALUES (?)", arguments: ["kept"]) }
            // (`do`/`catch` rather than `#expect(throws:)`: inside this closure the macro
            // ran the previous statement's closure instead, a Swift Testing 6.3 pitfall.)
            do {
                try db.withSavepoint {
                    try db.execute(sql: "INSERT INTO entry VALUES (?)", arguments: ["undone"])
                    throw StepFailed()
                }
                Issue.record("the failing step did not throw")
            } catch {
                #expect(error as? StepFailed == StepFailed())
            }
            #expect(db.isInsideTransaction)
            try db.withSavepoint { try db.execute(sql: "INSERT INTO entry VALUES (?)", arguments: ["also kept"]) }
        }

        let labels = try db.fetchAll(sql: "SELECT label FROM entry ORDER BY rowid") { $0.string(at: 0) }
        #expect(labels == ["kept", "also kept"])
    }
}
