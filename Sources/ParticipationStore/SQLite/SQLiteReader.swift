#if os(Linux)
// corelibs Dispatch is not yet fully annotated for Sendable.
@preconcurrency import Dispatch
#else
import Dispatch
#endif

/// A read-only connection to a WAL database file, on its own serial queue, so that reads
/// run beside the writer's transactions instead of queueing behind them.
///
/// WAL lets readers and one writer work at once; each read transaction sees what was
/// committed when it began. ``SQLiteDatabase`` keeps a few and sends its reads to them.
/// The connection is `query_only`: a read that tries to write fails instead of going
/// around the writer's queue.
///
/// Related SQLite documentation: <https://www.sqlite.org/wal.html#concurrency>
actor SQLiteReader {
    private let executor: DispatchQueueExecutor
    private let confined: QueueConfinedConnection

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// Opens a reader of the file database `configuration` names, whose schema is already
    /// migrated. Blocks on file I/O: call it from a dedicated queue, as
    /// ``SQLiteDatabase/open(_:migrator:)`` does.
    ///
    /// - Throws: ``SQLiteError`` if the file cannot be opened.
    init(opening configuration: SQLiteConfiguration, label: String) throws {
        let connection = try SQLiteConnection.open(configuration)
        try connection.executeScript("PRAGMA query_only = ON")
        self.confined = QueueConfinedConnection(connection: connection)
        self.executor = DispatchQueueExecutor(label: label)
    }

    deinit {
        // Closing may touch the file: on the queue, like every other use.
        let confined = self.confined
        executor.queue.async { confined.release() }
    }

    /// Runs `body` in a read transaction, so all its queries see one snapshot.
    ///
    /// - Throws: What `body` throws, or ``SQLiteError``.
    func read<Result: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Result) throws -> Result {
        let connection = confined.connection
        return try connection.readTransaction { try body(connection) }
    }
}
