import CSQLite

/// Writes benchmark ballots through the SQLite C API with nothing in between: prepared
/// statements made once, text bound without copies, no Swift abstractions. This is the
/// ceiling the library path is measured against.
final class RawBallotWriter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    static let schema = """
        CREATE TABLE ballot (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            vote_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            UNIQUE (tenant_id, vote_id, voter_id)
        ) STRICT;
        CREATE TABLE ballot_line (
            ballot_id INTEGER NOT NULL REFERENCES ballot (id),
            position INTEGER NOT NULL,
            project_id TEXT NOT NULL,
            PRIMARY KEY (ballot_id, position)
        ) STRICT, WITHOUT ROWID;
        """

    private let db: OpaquePointer
    private let insertBallot: OpaquePointer
    private let insertLine: OpaquePointer
    private let begin: OpaquePointer
    private let commit: OpaquePointer

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw Failure(description: "cannot open \(path)")
        }
        db = handle
        try Self.exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        try Self.exec(db, Self.schema)
        insertBallot = try Self.prepare(db, "INSERT INTO ballot (tenant_id, vote_id, voter_id, channel) VALUES (?, ?, ?, ?)")
        insertLine = try Self.prepare(db, "INSERT INTO ballot_line (ballot_id, position, project_id) VALUES (?, ?, ?)")
        begin = try Self.prepare(db, "BEGIN IMMEDIATE")
        commit = try Self.prepare(db, "COMMIT")
    }

    deinit {
        for statement in [insertBallot, insertLine, begin, commit] {
            sqlite3_finalize(statement)
        }
        sqlite3_close(db)
    }

    /// One transaction per ballot.
    func castOneByOne(count: Int) throws {
        for number in 0..<count {
            try run(begin)
            try insert(BenchmarkBallot(number: number), channel: "online")
            try run(commit)
        }
    }

    /// `batchSize` ballots per transaction.
    func importPaper(count: Int, batchSize: Int) throws {
        var number = 0
        while number < count {
            try run(begin)
            for _ in 0..<min(batchSize, count - number) {
                try insert(BenchmarkBallot(number: number), channel: "paper")
                number += 1
            }
            try run(commit)
        }
    }

    private func insert(_ ballot: BenchmarkBallot, channel: String) throws {
        bindText(insertBallot, 1, "tenant-1")
        bindText(insertBallot, 2, "vote-1")
        bindText(insertBallot, 3, ballot.voterID)
        bindText(insertBallot, 4, channel)
        try run(insertBallot)
        let ballotID = sqlite3_last_insert_rowid(db)
        for position in 0..<BenchmarkBallot.linesPerBallot {
            sqlite3_bind_int64(insertLine, 1, ballotID)
            sqlite3_bind_int64(insertLine, 2, Int64(position))
            bindText(insertLine, 3, ballot.projectID(at: position))
            try run(insertLine)
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the text, since the C string Swift bridges a
    /// `String` to lives only for the call. Any correct caller pays this copy.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    private func bindText(_ statement: OpaquePointer, _ index: Int32, _ text: String) {
        sqlite3_bind_text(statement, index, text, -1, Self.transient)
    }

    private func run(_ statement: OpaquePointer) throws {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw Failure(description: "step failed (\(code)): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    private static func prepare(_ db: OpaquePointer, _ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
              let statement
        else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
        return statement
    }
}
