#if os(Linux)
// corelibs Dispatch is not yet fully annotated for Sendable.
@preconcurrency import Dispatch
#else
import Dispatch
#endif

/// An SQLite database reached through one connection that lives on a dedicated serial
/// queue, with `async` access.
///
/// ```swift
/// let database = try await SQLiteDatabase.open(.inMemory, migrator: migrator)
/// try await database.write { db in
///     try db.execute(sql: "INSERT INTO person (name) VALUES (?)", arguments: [.text(name)])
/// }
/// let count = try await database.read { db in
///     try db.fetchOne(sql: "SELECT count(*) FROM person") { $0.int(at: 0) } ?? 0
/// }
/// ```
///
/// The actor's executor is a ``DispatchQueueExecutor``: every closure given to
/// ``read(_:)`` or ``write(_:)``, and so every blocking SQLite call, runs on that queue's
/// thread, one at a time, never on Swift's cooperative thread pool. One connection means
/// one writer, which is all SQLite allows anyway; reads queue behind writes, which is
/// fine while they are short (a pool of WAL readers can come when measurements ask).
///
/// Rule: open a database file once per process and share the value. Two instances on one
/// file compete for the write lock through the busy timeout instead of queueing.
package actor SQLiteDatabase {
    private let executor: DispatchQueueExecutor
    private let confined: QueueConfinedConnection

    /// The connection; only ever touched from this actor's queue.
    private var connection: SQLiteConnection { confined.connection }

    /// How the database was opened.
    package nonisolated let configuration: SQLiteConfiguration

    package nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    private init(connection: SQLiteConnection, executor: DispatchQueueExecutor) {
        self.confined = QueueConfinedConnection(connection: connection)
        self.executor = executor
        self.configuration = connection.configuration
    }

    deinit {
        // Closing may checkpoint the WAL (file I/O): do it on the queue, not on whichever
        // thread dropped the last reference.
        let confined = self.confined
        executor.queue.async { confined.release() }
    }

    /// Opens the database on a new serial queue, then applies the migrations it lacks.
    ///
    /// - Throws: ``SQLiteError`` if the file cannot be opened or is not a database;
    ///   ``SchemaTooNewError`` if its schema is newer than `migrator` knows.
    package static func open(
        _ configuration: SQLiteConfiguration,
        migrator: SQLiteMigrator = SQLiteMigrator(migrations: [])
    ) async throws -> SQLiteDatabase {
        let executor = DispatchQueueExecutor(label: "participation.sqlite")
        return try await withCheckedThrowingContinuation { continuation in
            executor.queue.async {
                do {
                    let connection = try SQLiteConnection.open(configuration)
                    try migrator.migrate(connection)
                    continuation.resume(returning: SQLiteDatabase(connection: connection, executor: executor))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`): committed if it returns,
    /// rolled back if anything throws, the first error rethrown.
    ///
    /// - Throws: What `body` throws, or ``SQLiteError``.
    package func write<Result: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Result) throws -> Result {
        try connection.writeTransaction { try body(connection) }
    }

    /// Runs `body` in a read transaction, so all its queries see one snapshot.
    ///
    /// - Throws: What `body` throws, or ``SQLiteError``.
    package func read<Result: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Result) throws -> Result {
        try connection.readTransaction { try body(connection) }
    }

    /// Runs `body` outside any transaction, for statements that refuse one
    /// (`VACUUM`, some pragmas) and for checks of the connection's own settings.
    package func withConnection<Result: Sendable>(
        _ body: @Sendable (SQLiteConnection) throws -> Result
    ) throws -> Result {
        try body(connection)
    }
}

/// The actor's connection, in a box that lets `deinit` send it to the queue where it
/// was always used, so the last reference drops (and the connection closes) there.
///
/// `@unchecked Sendable` is safe because the connection is only ever touched on one
/// queue: by the actor's isolated methods, which run on its `DispatchQueueExecutor`, and
/// by `release()`, which `deinit` schedules on that same queue once the actor is gone
/// and nothing else can reach the box.
private struct QueueConfinedConnection: @unchecked Sendable {
    let connection: SQLiteConnection

    /// Marks the box's last use; the connection closes when the box is destroyed after it.
    func release() {
        withExtendedLifetime(connection) {}
    }
}
