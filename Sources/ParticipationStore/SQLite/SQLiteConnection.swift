import CSQLite

/// One open SQLite connection, configured the way this backend relies on.
///
/// Opening (``open(_:)``) does, in order:
/// 1. `sqlite3_open_v2` with `READWRITE | CREATE | NOMUTEX | EXRESCODE | URI`: no SQLite
///    mutex (the connection is confined to one serial executor, see ``SQLiteDatabase``),
///    extended result codes from the first call, `file:` URIs understood;
/// 2. a bounded busy timeout (``SQLiteConfiguration/busyTimeout``);
/// 3. `PRAGMA foreign_keys = ON`, verified, since the schema relies on it;
/// 4. a cheap read of `sqlite_master`, so a file that is not a database fails now with
///    a clear error rather than at the first query;
/// 5. `PRAGMA temp_store = MEMORY`, so savepoints journal in memory, not in a temp file,
///    and `PRAGMA cache_size` of 64 MiB (SQLite's default is 2 MiB);
/// 6. for file databases, `PRAGMA journal_mode = WAL` (the mode SQLite reports back is
///    checked) and `PRAGMA synchronous = NORMAL`.
///
/// Any failure closes the handle before throwing.
///
/// A connection is not `Sendable`: SQLite was opened without its own mutex, so every
/// use must come from one thread at a time. ``SQLiteDatabase`` guarantees that.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>
package final class SQLiteConnection {
    /// The `sqlite3 *`, valid until `deinit`.
    let handle: OpaquePointer
    /// How the connection was opened.
    package let configuration: SQLiteConfiguration
    /// Prepared statements kept for reuse, by SQL text.
    private var statementCache = SQLiteStatementCache()
    /// Values decoded from column text on this connection, for ``decodedValue(_:fromColumn:of:decode:)``.
    private let decodedTexts = DecodedTextCache()

    private init(handle: OpaquePointer, configuration: SQLiteConfiguration) {
        self.handle = handle
        self.configuration = configuration
    }

    deinit {
        // Statements must be finalized before the connection closes; `close_v2` would
        // otherwise defer the close until they are.
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Opens and configures a connection.
    ///
    /// This blocks on file I/O: call it from a dedicated thread or queue, never from
    /// Swift's cooperative thread pool. ``SQLiteDatabase/open(_:migrator:)`` does.
    ///
    /// - Throws: ``SQLiteError``; `SQLITE_NOTADB` for a file that is not a database,
    ///   `SQLITE_CANTOPEN` for a path that cannot be opened.
    package static func open(_ configuration: SQLiteConfiguration) throws -> SQLiteConnection {
        let connection = SQLiteConnection(handle: try openHandle(configuration), configuration: configuration)
        // If setup throws, `connection` is released here and `deinit` closes the handle.
        try connection.setUp()
        return connection
    }

    /// Turns SQLite's memory statistics off once, before this process's first connection
    /// opens (see `csqlite_disable_memory_statistics`). If the host application already
    /// initialized SQLite, the call is refused and SQLite keeps its settings: only speed differs.
    private static let memoryStatisticsDisabled: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    private static func openHandle(_ configuration: SQLiteConfiguration) throws -> OpaquePointer {
        memoryStatisticsDisabled
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_URI
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(configuration.path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            // SQLite's docs: resources of the handle "should be released by passing it to
            // sqlite3_close() when it is no longer required", whether or not opening
            // failed; closing NULL is a no-op.
            let error = SQLiteError(code: code, handle: handle, sql: nil)
            sqlite3_close(handle)
            throw error
        }
        return handle
    }

    private func setUp() throws {
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)

        try executeScript("PRAGMA foreign_keys = ON")
        // An SQLite built without foreign key support accepts the pragma silently.
        guard try fetchOne(sql: "PRAGMA foreign_keys", row: { $0.int64(at: 0) }) == 1 else {
            throw SQLiteError(extendedCode: .error, message: "this SQLite cannot enforce foreign keys")
        }

        try validateFormat()

        // Savepoints and statement rollbacks journal the pages they change; in memory
        // rather than in a temporary file, since they are small and short-lived.
        try executeScript("PRAGMA temp_store = MEMORY")

        // SQLite's default page cache is 2 MiB: a city's roll and ballots (hundreds of MB,
        // five indexes written per ballot) then go back to the OS for most index pages.
        // 64 MiB keeps the hot B-tree levels and recent pages in the connection.
        try executeScript("PRAGMA cache_size = -65536")

        if !configuration.isInMemory {
            try enableWriteAheadLog()
        }
    }

    /// Reads the schema table: the cheapest statement that reads page 1.
    private func validateFormat() throws {
        do {
            _ = try fetchOne(sql: "SELECT * FROM sqlite_master LIMIT 1") { _ in () }
        } catch let error as SQLiteError where error.code == .notADatabase {
            throw SQLiteError(
                extendedCode: error.extendedCode,
                message: "\(configuration.path) is not an SQLite database (\(error.message))",
                sql: error.sql
            )
        }
    }

    /// WAL: readers don't block the writer, and a commit is one append to the log.
    /// `synchronous = NORMAL` syncs at checkpoints rather than at each commit: durable
    /// across a process crash; a power loss may drop the latest commits, never corrupt.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/wal.html>
    private func enableWriteAheadLog() throws {
        let mode = try fetchOne(sql: "PRAGMA journal_mode = WAL") { $0.string(at: 0) }
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(
                extendedCode: .error,
                message: "could not enable WAL for \(configuration.path): journal mode is \(mode ?? "unknown")"
            )
        }
        try executeScript("PRAGMA synchronous = NORMAL")
    }

    // MARK: Statements

    /// A prepared statement for `sql`, reset and with no bindings, compiled once per
    /// connection with `SQLITE_PREPARE_PERSISTENT` and reused afterwards.
    ///
    /// The same object is returned for the same text: finish with one use (or let the
    /// helpers below do it) before asking again for the same SQL.
    ///
    /// - Throws: ``SQLiteError`` if `sql` does not compile.
    package func cachedStatement(sql: String) throws -> SQLiteStatement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try SQLiteStatement(sql: sql, connection: handle, persistent: true)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with arguments, ignoring any rows.
    ///
    /// - Throws: ``SQLiteError``, for example a constraint violation.
    package func execute(sql: String, arguments: [SQLiteValue] = []) throws {
        let statement = try cachedStatement(sql: sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        try statement.execute()
    }

    /// Runs SQL text that may hold several statements and takes no arguments, such as
    /// a migration or a pragma. Nothing is cached.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/exec.html>
    package func executeScript(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        defer { sqlite3_free(errorMessage) }
        guard code == SQLITE_OK else {
            throw SQLiteError(
                extendedCode: SQLiteResultCode(rawValue: code),
                message: errorMessage.map { String(cString: $0) },
                sql: sql
            )
        }
    }

    /// Runs a query and maps every row.
    ///
    /// - Parameter row: Reads the current row from the statement; called once per row.
    package func fetchAll<Row>(
        sql: String,
        arguments: [SQLiteValue] = [],
        row: (SQLiteStatement) throws -> Row
    ) throws -> [Row] {
        let statement = try cachedStatement(sql: sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(try row(statement))
        }
        return rows
    }

    /// Runs a query and maps its first row, `nil` if there is none.
    ///
    /// The statement is reset right after, so an unfinished query does not hold a read
    /// lock.
    package func fetchOne<Row>(
        sql: String,
        arguments: [SQLiteValue] = [],
        row: (SQLiteStatement) throws -> Row
    ) throws -> Row? {
        let statement = try cachedStatement(sql: sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? row(statement) : nil
    }

    /// The value `decode` makes of the text in column `index` of `row`, remembered by this
    /// connection: the same text read again (same type, same bytes) gives the value decoded the
    /// first time, without decoding again; a hit reads the column's bytes in place and makes no
    /// `String`. `decode` must depend on the text alone. See ``DecodedTextCache``.
    ///
    /// - Throws: What `decode` throws.
    package func decodedValue<Value>(
        _ type: Value.Type, fromColumn index: Int32, of row: SQLiteStatement, decode: (String) throws -> Value
    ) rethrows -> Value {
        try row.withUTF8Text(at: index) { try decodedTexts.value(type, fromUTF8: $0, decode: decode) }
    }

    /// The number of rows the last `INSERT`, `UPDATE` or `DELETE` changed.
    package var changedRowCount: Int {
        Int(sqlite3_changes64(handle))
    }

    /// The rowid of the last successful `INSERT`.
    package var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }
}

// The connection was opened with SQLITE_OPEN_NOMUTEX: it must never be used from two
// threads at once, so it must not cross isolation domains. `SQLiteDatabase` confines it.
@available(*, unavailable)
extension SQLiteConnection: Sendable {}
