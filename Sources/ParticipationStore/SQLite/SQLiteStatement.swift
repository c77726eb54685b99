import CSQLite
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `SQLITE_TRANSIENT`: tells SQLite to copy a bound text or blob before the call returns,
/// so Swift's temporary buffer may go away. The C macro is a function-pointer cast, which
/// Swift does not import.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A compiled SQL statement: bind arguments, step through rows, read columns.
///
/// Obtain one from ``SQLiteConnection/cachedStatement(sql:)``, which hands it back
/// reset with no bindings. Parameter indices are 1-based, as in SQLite; column indices
/// are 0-based, as in SQLite.
///
/// ```swift
/// let statement = try db.cachedStatement(sql: "SELECT name FROM person WHERE id = ?")
/// try statement.bind(id, at: 1)
/// while try statement.step() {
///     names.append(statement.string(at: 0))
/// }
/// ```
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/stmt.html>
package final class SQLiteStatement {
    /// The `sqlite3_stmt *`.
    let handle: OpaquePointer
    /// The SQL text, for error reports.
    package let sql: String

    /// Compiles one SQL statement.
    ///
    /// - Parameters:
    ///   - sql: Exactly one statement.
    ///   - connection: The `sqlite3 *` to compile it on.
    ///   - persistent: Whether the statement will be kept and reused
    ///     (`SQLITE_PREPARE_PERSISTENT`), which steers SQLite's memory allocation.
    /// - Throws: ``SQLiteError`` if the SQL does not compile or holds no statement.
    init(sql: String, connection: OpaquePointer, persistent: Bool) throws {
        var statement: OpaquePointer?
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sqlite3_prepare_v3(connection, sql, -1, flags, &statement, nil)
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, handle: connection, sql: sql)
        }
        guard let statement else {
            throw SQLiteError(extendedCode: .misuse, message: "no SQL statement in the text", sql: sql)
        }
        self.handle = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: Running

    /// Runs the statement to its next row.
    ///
    /// - Returns: `true` when a row is available to read, `false` when the statement
    ///   has finished.
    /// - Throws: ``SQLiteError``, for example a constraint violation.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/step.html>
    @discardableResult
    package func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        case let code:
            throw SQLiteError(code: code, handle: sqlite3_db_handle(handle), sql: sql)
        }
    }

    /// Runs the statement to completion, ignoring any rows.
    package func execute() throws {
        while try step() {}
    }

    /// Rewinds the statement and drops its bindings, ready to run again.
    ///
    /// `sqlite3_reset` repeats the last step's error code, which the caller has already
    /// seen, so its result is deliberately ignored.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Binding (1-based)

    /// Binds an integer to the parameter at `index` (1-based).
    package func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds an integer to the parameter at `index` (1-based).
    package func bind(_ value: Int, at index: Int32) throws {
        try bind(Int64(value), at: index)
    }

    /// Binds a double to the parameter at `index` (1-based), `NULL` for `nil`.
    package func bind(_ value: Double?, at index: Int32) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds UTF-8 text to the parameter at `index` (1-based).
    package func bind(_ value: String, at index: Int32) throws {
        var value = value
        let code = value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                // An empty buffer may have no base address, and a null pointer would
                // bind NULL rather than the empty string.
                if let base = text.baseAddress {
                    sqlite3_bind_text(handle, index, base, Int32(text.count), sqliteTransient)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                }
            }
        }
        try check(code)
    }

    /// Binds bytes to the parameter at `index` (1-based).
    package func bind(_ value: Data, at index: Int32) throws {
        let code = value.withUnsafeBytes { bytes in
            // As for text: no base address would bind NULL, not an empty blob.
            if let base = bytes.baseAddress {
                sqlite3_bind_blob(handle, index, base, Int32(bytes.count), sqliteTransient)
            } else {
                sqlite3_bind_zeroblob(handle, index, 0)
            }
        }
        try check(code)
    }

    /// Binds SQL `NULL` to the parameter at `index` (1-based).
    package func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Binds a value of any storage class to the parameter at `index` (1-based).
    package func bind(_ value: SQLiteValue, at index: Int32) throws {
        switch value {
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let blob): try bind(blob, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds `arguments` to parameters 1, 2, … in order.
    ///
    /// - Throws: ``SQLiteError`` if the count differs from the statement's parameter
    ///   count: a silently unbound parameter would read as `NULL`.
    package func bind(_ arguments: [SQLiteValue]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(
                extendedCode: .misuse,
                message: "expected \(expected) arguments, got \(arguments.count)",
                sql: sql
            )
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument, at: Int32(offset + 1))
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, handle: sqlite3_db_handle(handle), sql: sql)
        }
    }

    // MARK: Reading columns (0-based)

    /// The number of columns in a result row.
    package var columnCount: Int32 {
        sqlite3_column_count(handle)
    }

    /// Whether the column at `index` (0-based) of the current row is `NULL`.
    package func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// The column at `index` (0-based) as an integer; `NULL` reads as 0.
    package func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    /// The column at `index` (0-based) as an integer; `NULL` reads as 0.
    package func int(at index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    /// The column at `index` (0-based) as a double, `nil` for `NULL`.
    package func double(at index: Int32) -> Double? {
        isNull(at: index) ? nil : sqlite3_column_double(handle, index)
    }

    /// The column at `index` (0-based) as text; `NULL` reads as the empty string.
    package func string(at index: Int32) -> String {
        // Per SQLite's docs: call `_text` first, then `_bytes`, so the length is that of
        // the UTF-8 form just produced.
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with the column at `index` (0-based) as UTF-8 text where SQLite holds it,
    /// without copying it into a `String`; `NULL` reads as empty. The bytes are valid during
    /// `body` only.
    package func withUTF8Text<Result>(at index: Int32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // `_text` first, then `_bytes`, as in ``string(at:)``.
        guard let text = sqlite3_column_text(handle, index) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))))
    }

    /// The column at `index` (0-based) as text, `nil` for `NULL`.
    package func optionalString(at index: Int32) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    /// The column at `index` (0-based) as bytes; `NULL` reads as empty.
    package func data(at index: Int32) -> Data {
        guard let bytes = sqlite3_column_blob(handle, index) else { return Data() }
        return Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// The column at `index` (0-based) in its stored class.
    package func value(at index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(data(at: index))
        default: .null
        }
    }
}

// A statement belongs to its connection, which is confined to one executor.
@available(*, unavailable)
extension SQLiteStatement: Sendable {}
