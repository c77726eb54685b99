import CSQLite

/// A failure reported by SQLite.
///
/// Carries the extended result code (``SQLiteResultCode/primary`` gives its family),
/// SQLite's message, and the SQL being run when there was one. It never carries the
/// statement's bound arguments: they are user data (names, ballots) and an error
/// description ends up in logs.
package struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The extended result code, for example ``SQLiteResultCode/constraintUnique``.
    package let extendedCode: SQLiteResultCode
    /// SQLite's message (`sqlite3_errmsg`), or the code's generic explanation.
    package let message: String
    /// The SQL text that failed, when the failure came from a statement.
    package let sql: String?

    /// The primary result code, for example ``SQLiteResultCode/constraint``.
    package var code: SQLiteResultCode { extendedCode.primary }

    /// Creates an error from its parts.
    package init(extendedCode: SQLiteResultCode, message: String? = nil, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message ?? extendedCode.explanation
        self.sql = sql
    }

    /// Creates an error from the connection's last failure.
    ///
    /// - Parameters:
    ///   - code: The code a call returned; preferred over the connection's own, which a
    ///     later call may already have overwritten.
    ///   - handle: The connection, for `sqlite3_errmsg`; `nil` when there is none.
    ///   - sql: The SQL being run, if any.
    init(code: Int32, handle: OpaquePointer?, sql: String? = nil) {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) }
        self.init(extendedCode: SQLiteResultCode(rawValue: code), message: message, sql: sql)
    }

    package var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql {
            text += " — while executing `\(sql)`"
        }
        return text
    }
}
