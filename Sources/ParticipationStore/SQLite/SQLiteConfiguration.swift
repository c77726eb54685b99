/// How to open an SQLite database: where, and how long to wait for a lock.
///
/// ```swift
/// let configuration = SQLiteConfiguration(path: "/var/lib/participation/db.sqlite")
/// let memory = SQLiteConfiguration.inMemory
/// ```
///
/// File databases are opened in WAL mode with `synchronous = NORMAL`: a committed write
/// survives the process being killed, and readers never block the writer. A power loss
/// can lose the last transactions committed before it, never corrupt the file.
public struct SQLiteConfiguration: Hashable, Sendable {
    /// The database file path, `":memory:"` for a private in-memory database, or an
    /// SQLite `file:` URI.
    public var path: String

    /// How long a statement waits for another connection's lock before failing with
    /// `SQLITE_BUSY`. Bounded on purpose: a stuck process yields an error, not a hang.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/busy_timeout.html>
    public var busyTimeout: Duration

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - path: The database file path, `":memory:"`, or a `file:` URI.
    ///   - busyTimeout: How long to wait for a lock held by another connection.
    public init(path: String, busyTimeout: Duration = .seconds(5)) {
        self.path = path
        self.busyTimeout = busyTimeout
    }

    /// A private in-memory database, gone when its connection closes.
    public static var inMemory: SQLiteConfiguration {
        SQLiteConfiguration(path: ":memory:")
    }

    /// Whether the database lives in memory, where WAL does not apply.
    public var isInMemory: Bool {
        path == ":memory:" || path.hasPrefix("file::memory:") || path.contains("mode=memory")
    }

    /// ``busyTimeout`` in whole milliseconds, as `sqlite3_busy_timeout` takes it,
    /// clamped to what a C `int` holds.
    var busyTimeoutMilliseconds: Int32 {
        let (seconds, attoseconds) = busyTimeout.components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return seconds < 0 ? 0 : Int32.max }
        let total = milliseconds.partialValue + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }
}
