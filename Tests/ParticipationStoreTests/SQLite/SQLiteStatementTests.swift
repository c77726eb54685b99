import Foundation
import ParticipationStore
import Testing

@Suite("SQLite statements: binding, reading, caching")
struct SQLiteStatementTests {
    private func makeDatabase() throws -> SQLiteConnection {
        let db = try SQLiteConnection.open(.inMemory)
        try db.executeScript("CREATE TABLE item (id INTEGER PRIMARY KEY, number INTEGER, text TEXT, real REAL, bytes BLOB)")
        return db
    }

    @Test func typedValuesRoundTrip() throws {
        let db = try makeDatabase()
        let insert = try db.cachedStatement(sql: "INSERT INTO item (id, number, text, real, bytes) VALUES (?, ?, ?, ?, ?)")
        try insert.bind(1, at: 1)
        try insert.bind(Int64.min, at: 2)
        try insert.bind("Zoë 🗳️ \u{0}after NUL", at: 3)
        try insert.bind(-0.5, at: 4)
        try insert.bind(Data([0, 1, 2, 255]), at: 5)
        try insert.execute()

        let row = try #require(try db.fetchOne(sql: "SELECT number, text, real, bytes FROM item WHERE id = 1") {
            ($0.int64(at: 0), $0.string(at: 1), $0.double(at: 2), $0.data(at: 3))
        })
        #expect(row.0 == Int64.min)
        #expect(row.1 == "Zoë 🗳️ \u{0}after NUL")
        #expect(row.2 == -0.5)
        #expect(row.3 == Data([0, 1, 2, 255]))
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        let db = try makeDatabase()
        try db.execute(sql: "INSERT INTO item (id, text, bytes) VALUES (1, ?, ?)", arguments: [.text(""), .blob(Data())])

        let types = try db.fetchOne(sql: "SELECT typeof(text), typeof(bytes) FROM item") {
            [$0.string(at: 0), $0.string(at: 1)]
        }
        #expect(types == ["text", "blob"])
    }

    @Test func nilAndNullReadBackAsNil() throws {
        let db = try makeDatabase()
        try db.execute(sql: "INSERT INTO item (id, real, text) VALUES (1, ?, ?)", arguments: [SQLiteValue(nil as Double?), nil])

        let row = try #require(try db.fetchOne(sql: "SELECT real, text, number FROM item") {
            ($0.double(at: 0), $0.optionalString(at: 1), $0.isNull(at: 2), $0.value(at: 0))
        })
        #expect(row.0 == nil)
        #expect(row.1 == nil)
        #expect(row.2)
        #expect(row.3 == .null)
    }

    @Test func cachedStatementIsReusedWithBindingsCleared() throws {
        let db = try makeDatabase()
        let sql = "INSERT INTO item (id, text) VALUES (?, ?)"
        let first = try db.cachedStatement(sql: sql)
        try first.bind(1, at: 1)
        try first.bind("one", at: 2)
        try first.execute()

        // Asking again returns the same compiled statement, with no leftover bindings:
        // the text parameter left unbound inserts NULL, not "one".
        let second = try db.cachedStatement(sql: sql)
        #expect(first === second)
        try second.bind(2, at: 1)
        try second.execute()

        let texts = try db.fetchAll(sql: "SELECT text FROM item ORDER BY id") { $0.optionalString(at: 0) }
        #expect(texts == ["one", nil])
    }

    @Test func wrongArgumentCountIsRefused() throws {
        let db = try makeDatabase()
        let error = #expect(throws: SQLiteError.self) {
            try db.execute(sql: "INSERT INTO item (id, text) VALUES (?, ?)", arguments: [1])
        }
        #expect(error?.code == .misuse)
        #expect(try db.fetchOne(sql: "SELECT count(*) FROM item") { $0.int(at: 0) } == 0)
    }

    @Test func syntaxErrorNamesTheSQL() throws {
        let db = try makeDatabase()
        let error = #expect(throws: SQLiteError.self) {
            try db.cachedStatement(sql: "SELEKT 1")
        }
        #expect(error?.code == .error)
        #expect(error?.sql == "SELEKT 1")
    }

    @Test func errorDescriptionNeverContainsBoundArguments() throws {
        let db = try makeDatabase()
        try db.execute(sql: "INSERT INTO item (id, text) VALUES (?, ?)", arguments: [7, "first"])

        let error = #expect(throws: SQLiteError.self) {
            try db.execute(sql: "INSERT INTO item (id, text) VALUES (?, ?)", arguments: [7, "secret-voter-name"])
        }
        let description = try #require(error).description
        #expect(description.contains("INSERT INTO item"))
        #expect(!description.contains("secret-voter-name"))
    }
}
