import ParticipationStore
import Testing

@Suite("SQLite write transactions")
struct SQLiteTransactionTests {
    private struct Abandon: Error, Equatable {}

    private func makeDatabase() throws -> SQLiteConnection {
        let db = try SQLiteConnection.open(.inMemory)
        try db.executeScript("CREATE TABLE entry (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)")
        return db
    }

    private func labels(_ db: SQLiteConnection) throws -> [String] {
        try db.fetchAll(sql: "SELECT label FROM entry ORDER BY id") { $0.string(at: 0) }
    }

    @Test func returningCommits() throws {
        let db = try makeDatabase()
        let result = try db.writeTransaction {
            try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["kept"])
            return db.lastInsertedRowID
        }
        #expect(result == 1)
        #expect(try labels(db) == ["kept"])
        #expect(!db.isInsideTransaction)
    }

    @Test func throwingRollsBackEverythingAndRethrowsTheSameError() throws {
        let db = try makeDatabase()
        #expect(throws: Abandon()) {
            try db.writeTransaction {
                try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["first"])
                try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["second"])
                throw Abandon()
            }
        }
        #expect(try labels(db) == [])
        #expect(!db.isInsideTransaction)
    }

    @Test func constraintFailureMidwayLeavesNothingOfTheTransaction() throws {
        // Given one committed entry
        let db = try makeDatabase()
        try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["existing"])

        // When a transaction inserts a new entry and then a duplicate
        let error = #expect(throws: SQLiteError.self) {
            try db.writeTransaction {
                try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["new"])
                try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["existing"])
            }
        }

        // Then the constraint error comes out and the first insert is gone too
        #expect(error?.extendedCode == .constraintUnique)
        #expect(try labels(db) == ["existing"])
        #expect(!db.isInsideTransaction)
    }

    @Test func transactionsDoNotNest() throws {
        let db = try makeDatabase()
        #expect(throws: SQLiteError.self) {
            try db.writeTransaction {
                try db.execute(sql: "INSERT INTO entry (label) VALUES (?)", arguments: ["outer"])
                try db.writeTransaction {}
            }
        }
        // The failed inner BEGIN aborted the outer transaction as a whole.
        #expect(try labels(db) == [])
        #expect(!db.isInsideTransaction)
    }
}
