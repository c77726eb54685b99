import CSQLite
import Foundation
import Participation

/// Writes benchmark ballots through the SQLite C API with nothing in between: prepared
/// statements made once, no existence checks, no Swift layers. Same rows as the store
/// writes (one `ballot` row, whose trigger records its id, and five `ballot_line` rows),
/// into a file the store prepared. This is the ceiling the library path is measured
/// against.
final class RawBallotWriter {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    private let db: OpaquePointer
    private let insertBallot: OpaquePointer
    private let insertLine: OpaquePointer
    private let begin: OpaquePointer
    private let commit: OpaquePointer

    /// Opens the file at `path` like the store does: WAL, `synchronous = NORMAL`, foreign
    /// keys on.
    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw Failure(description: "cannot open \(path)")
        }
        db = handle
        sqlite3_busy_timeout(db, 5_000)
        try Self.exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        insertBallot = try Self.prepare(db, """
            INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?)
            """)
        insertLine = try Self.prepare(db, """
            INSERT INTO ballot_line (ballot_sequence, position, proposition_id, points) VALUES (?, ?, ?, 1)
            """)
        begin = try Self.prepare(db, "BEGIN IMMEDIATE")
        commit = try Self.prepare(db, "COMMIT")
    }

    deinit {
        for statement in [insertBallot, insertLine, begin, commit] {
            sqlite3_finalize(statement)
        }
        sqlite3_close(db)
    }

    /// Ballots `numbers`, one transaction each.
    func castOneByOne(_ numbers: Range<Int>) throws {
        for number in numbers {
            try run(begin)
            try insert(BenchmarkFixture.ballot(number, process: BenchmarkFixture.onlineProcess, channel: .online))
            try run(commit)
        }
    }

    /// Paper ballots `numbers`, all in one transaction.
    func importPaper(_ numbers: Range<Int>) throws {
        try run(begin)
        for number in numbers {
            try insert(BenchmarkFixture.ballot(number, process: BenchmarkFixture.paperProcess, channel: BenchmarkFixture.paperChannel))
        }
        try run(commit)
    }

    private func insert(_ ballot: Ballot) throws {
        bindText(insertBallot, 1, ballot.tenantID.rawValue)
        bindText(insertBallot, 2, ballot.id.rawValue)
        bindText(insertBallot, 3, ballot.processID.rawValue)
        bindText(insertBallot, 4, ballot.voterID.rawValue)
        bindText(insertBallot, 5, ballot.channel.name)
        if case .paper(let station, let agentID, let batch) = ballot.channel {
            bindText(insertBallot, 6, station)
            bindText(insertBallot, 7, batch)
            bindText(insertBallot, 8, agentID.rawValue)
        } else {
            for index: Int32 in 6...8 { sqlite3_bind_null(insertBallot, index) }
        }
        sqlite3_bind_double(insertBallot, 9, ballot.castAt.timeIntervalSinceReferenceDate)
        try run(insertBallot)
        let sequence = sqlite3_last_insert_rowid(db)
        for (position, choice) in ballot.choices.enumerated() {
            sqlite3_bind_int64(insertLine, 1, sequence)
            sqlite3_bind_int64(insertLine, 2, Int64(position))
            bindText(insertLine, 3, choice.propositionID.rawValue)
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
