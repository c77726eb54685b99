import CSQLite
import Participation

/// The SQLite library version this backend is linked against.
public var sqliteVersion: String { String(cString: sqlite3_libversion()) }
