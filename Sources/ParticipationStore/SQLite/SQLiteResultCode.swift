import CSQLite

/// An SQLite result code, primary or extended.
///
/// SQLite reports failures as an integer: the low 8 bits are the *primary* code
/// (`SQLITE_CONSTRAINT`), the rest refine it into an *extended* code
/// (`SQLITE_CONSTRAINT_UNIQUE`). Connections open with `SQLITE_OPEN_EXRESCODE`, so
/// every code this layer sees is extended; ``primary`` recovers the family.
///
/// The extended codes are C macro *expressions*, which Swift does not import; the
/// ones this backend matches on are defined below with their C names in the docs.
///
/// Related SQLite documentation: <https://www.sqlite.org/rescode.html>
package struct SQLiteResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The integer SQLite returned.
    package let rawValue: Int32

    /// Wraps an integer SQLite returned.
    package init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The primary code: the low 8 bits of an extended code.
    package var primary: SQLiteResultCode {
        SQLiteResultCode(rawValue: rawValue & 0xFF)
    }

    /// SQLite's English explanation of the code (`sqlite3_errstr`).
    package var explanation: String {
        String(cString: sqlite3_errstr(rawValue))
    }

    package var description: String {
        rawValue == primary.rawValue ? "\(rawValue)" : "\(primary.rawValue)/\(rawValue)"
    }

    /// Builds an extended code as `sqlite3.h` does: `(PRIMARY | (n << 8))`.
    private static func extended(_ primary: Int32, _ n: Int32) -> SQLiteResultCode {
        SQLiteResultCode(rawValue: primary | (n << 8))
    }
}

// MARK: - Primary codes

extension SQLiteResultCode {
    /// `SQLITE_OK`: success.
    package static let ok = SQLiteResultCode(rawValue: SQLITE_OK)
    /// `SQLITE_ERROR`: a generic error, such as an SQL syntax error.
    package static let error = SQLiteResultCode(rawValue: SQLITE_ERROR)
    /// `SQLITE_BUSY`: another connection holds a conflicting lock.
    package static let busy = SQLiteResultCode(rawValue: SQLITE_BUSY)
    /// `SQLITE_LOCKED`: a conflicting lock within the same connection's shared cache.
    package static let locked = SQLiteResultCode(rawValue: SQLITE_LOCKED)
    /// `SQLITE_CONSTRAINT`: an SQL constraint was violated.
    package static let constraint = SQLiteResultCode(rawValue: SQLITE_CONSTRAINT)
    /// `SQLITE_NOTADB`: the file is not an SQLite database.
    package static let notADatabase = SQLiteResultCode(rawValue: SQLITE_NOTADB)
    /// `SQLITE_CANTOPEN`: the file could not be opened.
    package static let cannotOpen = SQLiteResultCode(rawValue: SQLITE_CANTOPEN)
    /// `SQLITE_MISUSE`: the library was used incorrectly.
    package static let misuse = SQLiteResultCode(rawValue: SQLITE_MISUSE)
    /// `SQLITE_ROW`: a step produced a row.
    package static let row = SQLiteResultCode(rawValue: SQLITE_ROW)
    /// `SQLITE_DONE`: a step finished the statement.
    package static let done = SQLiteResultCode(rawValue: SQLITE_DONE)
}

// MARK: - Extended constraint codes

extension SQLiteResultCode {
    /// `SQLITE_CONSTRAINT_CHECK`: a `CHECK` constraint failed.
    package static let constraintCheck = extended(SQLITE_CONSTRAINT, 1)
    /// `SQLITE_CONSTRAINT_FOREIGNKEY`: a foreign key constraint failed.
    package static let constraintForeignKey = extended(SQLITE_CONSTRAINT, 3)
    /// `SQLITE_CONSTRAINT_NOTNULL`: a `NOT NULL` constraint failed.
    package static let constraintNotNull = extended(SQLITE_CONSTRAINT, 5)
    /// `SQLITE_CONSTRAINT_PRIMARYKEY`: a `PRIMARY KEY` constraint failed.
    package static let constraintPrimaryKey = extended(SQLITE_CONSTRAINT, 6)
    /// `SQLITE_CONSTRAINT_TRIGGER`: a trigger raised `RAISE(ABORT, …)` or similar.
    package static let constraintTrigger = extended(SQLITE_CONSTRAINT, 7)
    /// `SQLITE_CONSTRAINT_UNIQUE`: a `UNIQUE` constraint failed.
    package static let constraintUnique = extended(SQLITE_CONSTRAINT, 8)
}
