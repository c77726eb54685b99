import CSQLite

/// The version of the SQLite library this backend is linked against, e.g. `"3.40.1"`.
///
/// The store's schema needs 3.37 or later (`STRICT` tables).
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/libversion.html>
public var sqliteVersion: String { String(cString: sqlite3_libversion()) }
