import CSQLite
import Synchronization

#if os(Linux)
// corelibs Dispatch is not yet fully annotated for Sendable.
@preconcurrency import Dispatch
#else
import Dispatch
#endif

/// An SQLite database reached through one writing connection that lives on a dedicated
/// serial queue, and for files a few reading connections on queues of their own, with
/// `async` access.
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
/// one writer, which is all SQLite allows anyway.
///
/// Reads of a file database go to one of ``readerCount`` ``SQLiteReader``s: WAL lets
/// them run while the writer's transaction is open, so reads don't queue behind commits.
/// A read sees every write acknowledged before it began. In-memory databases are private
/// to their connection: their reads run on the writer's.
///
/// ## Group commit
///
/// Writes waiting on the queue together share one transaction, so that one commit (one
/// WAL append) acknowledges many of them. The contract of ``write(_:)`` is the same as if
/// each write had its own transaction:
/// - each write runs alone, in queue order, inside its own savepoint: if its body throws,
///   only what it wrote is undone and only its caller gets the error;
/// - a write's `await` returns only after the transaction holding it committed, so an
///   acknowledged write is as durable as before (it survives the process being killed);
/// - if the commit fails, every write of the group gets that failure and none of them is
///   kept; the same if SQLite itself rolls the transaction back (`SQLITE_FULL`,
///   `SQLITE_IOERR`, ...) while a later write of the group runs.
///
/// The group's transaction begins with the first write that finds none open, and commits
/// from a job queued right then: every write already waiting on the queue joins the
/// group, later ones start the next. No write ever waits for a later one. Readers only
/// see committed transactions; reads of an in-memory database and ``withConnection(_:)``
/// run on the writer's connection and commit the open group first, so nothing ever sees
/// a write that is not yet acknowledged.
///
/// Rule: open a database file once per process and share the value. Two instances on one
/// file compete for the write lock through the busy timeout instead of queueing.
package actor SQLiteDatabase {
    private let executor: DispatchQueueExecutor
    private let confined: QueueConfinedConnection

    /// The connection; only ever touched from this actor's queue.
    private var connection: SQLiteConnection { confined.connection }

    /// The open group transaction, if any: whom to tell once it commits.
    private var group: WriteGroup?
    /// Numbers the groups, so that a commit job never commits a later group than its own.
    private var groupsBegun: UInt64 = 0

    /// Where reads of a file database go; empty for an in-memory database.
    private nonisolated let readers: [SQLiteReader]
    /// Which reader the next read goes to, modulo their number.
    private nonisolated let readerTurns = Atomic<UInt>(0)

    /// How many reading connections a file database gets.
    static let readerCount = 2

    /// How the database was opened.
    package nonisolated let configuration: SQLiteConfiguration

    package nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    private init(connection: SQLiteConnection, readers: [SQLiteReader], executor: DispatchQueueExecutor) {
        self.confined = QueueConfinedConnection(connection: connection)
        self.readers = readers
        self.executor = executor
        self.configuration = connection.configuration
    }

    deinit {
        // Closing may checkpoint the WAL (file I/O): do it on the queue, not on whichever
        // thread dropped the last reference. No group can be open here: its commit job
        // holds the actor.
        let confined = self.confined
        executor.queue.async { confined.release() }
    }

    /// Opens the database on a new serial queue, then applies the migrations it lacks,
    /// then (for a file) opens its readers.
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
                    let readers = try configuration.isInMemory
                        ? []
                        : (0..<readerCount).map { try SQLiteReader(opening: configuration, label: "participation.sqlite.reader\($0)") }
                    continuation.resume(
                        returning: SQLiteDatabase(connection: connection, readers: readers, executor: executor))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs `body` as one write: all of it is kept if it returns, none of it if anything
    /// throws, the first error rethrown. Returns once the write is committed.
    ///
    /// Concurrent writes share one transaction (see "Group commit" above), each in its own
    /// savepoint; `body` must not begin or end transactions itself.
    ///
    /// - Throws: What `body` throws, or ``SQLiteError`` (also when the commit of the
    ///   group holding this write failed: then nothing of it was kept).
    package nonisolated func write<Result: Sendable>(
        _ body: @Sendable (SQLiteConnection) throws -> Result
    ) async throws -> Result {
        let (result, commit) = try await writeInGroup(body)
        // Waited for off the queue: the commit resumes each writer straight onto its own
        // executor, instead of queueing one job per writer behind it on the queue.
        try await commit.outcome()
        return result
    }

    /// Runs `body` in its savepoint of the open group (beginning one if none is open) and
    /// returns what it returned with the group's commit to wait for.
    private func writeInGroup<Result: Sendable>(
        _ body: @Sendable (SQLiteConnection) throws -> Result
    ) throws -> (Result, GroupCommit) {
        if group == nil { try beginGroup() }
        do {
            try connection.execute(sql: "SAVEPOINT grouped_write")
            let result = try body(connection)
            try requireNoDeferredViolation()
            try connection.execute(sql: "RELEASE grouped_write")
            // Still open: nothing ran on the actor since `beginGroup`, or the previous write.
            guard let group else { throw SQLiteError(extendedCode: .error, message: "the write group closed during a write") }
            return (result, group.commit)
        } catch {
            undoWrite(after: error)
            throw error
        }
    }

    /// Runs `body` in a read transaction, so all its queries see one snapshot of what
    /// was committed, on one of the readers (a file) or on the writer's connection.
    ///
    /// - Throws: What `body` throws, or ``SQLiteError``; a write attempted in `body`
    ///   fails with `SQLITE_READONLY` on a reader.
    package nonisolated func read<Result: Sendable>(
        _ body: @Sendable (SQLiteConnection) throws -> Result
    ) async throws -> Result {
        guard !readers.isEmpty else { return try await readOnWriter(body) }
        // Round robin on a relaxed counter: the order of reads across readers does not
        // matter, only that they spread (a random pick costs a system call per read).
        let turn = readerTurns.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await readers[Int(turn % UInt(readers.count))].read(body)
    }

    private func readOnWriter<Result: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Result) throws -> Result {
        commitGroup()
        return try connection.readTransaction { try body(connection) }
    }

    /// Runs `body` outside any transaction, for statements that refuse one
    /// (`VACUUM`, some pragmas) and for checks of the connection's own settings.
    package func withConnection<Result: Sendable>(
        _ body: @Sendable (SQLiteConnection) throws -> Result
    ) throws -> Result {
        commitGroup()
        return try body(connection)
    }

    // MARK: Group commit

    /// Begins the group's transaction and queues its commit behind every job already waiting.
    private func beginGroup() throws {
        try connection.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
        groupsBegun += 1
        group = WriteGroup(number: groupsBegun)
        let number = groupsBegun
        executor.queue.async {
            // Runs on the actor's queue, as a plain block rather than a job: a job enqueued
            // by `Task` would not keep its place in the queue's order.
            self.assumeIsolated { database in database.commitGroup(number: number) }
        }
    }

    /// Commits the open group (only group `number`, if given) and tells its writers.
    private func commitGroup(number: UInt64? = nil) {
        guard let group, number == nil || group.number == number else { return }
        self.group = nil
        do {
            try connection.execute(sql: "COMMIT TRANSACTION")
            // The writers are resumed from the cooperative pool, one job for the whole group,
            // so that the queue goes on with the next group instead of waking them one by one.
            let commit = group.commit
            Task.detached { commit.finish(.success(())) }
        } catch {
            rollBackGroup(group, because: error)
        }
    }

    /// Undoes the failed write's savepoint; if SQLite already rolled the whole transaction
    /// back, or the savepoint cannot be undone, the group fails as a whole.
    private func undoWrite(after error: any Error) {
        guard let group else { return }
        guard connection.isInsideTransaction else {
            self.group = nil
            group.commit.finish(.failure(error))
            return
        }
        do {
            try connection.execute(sql: "ROLLBACK TO grouped_write")
            try connection.execute(sql: "RELEASE grouped_write")
        } catch let undoError {
            self.group = nil
            rollBackGroup(group, because: undoError)
        }
    }

    /// Fails the write that just ran if it left a deferred foreign key unresolved, which
    /// would otherwise fail the group's commit for every write in it. Groups start clean,
    /// and each write is refused before the next runs, so a violation is the last write's.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/c_dbstatus_options.html>
    private func requireNoDeferredViolation() throws {
        var current: Int32 = 0
        var highest: Int32 = 0
        let code = sqlite3_db_status(connection.handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, handle: connection.handle) }
        guard current == 0 else {
            throw SQLiteError(extendedCode: .constraintForeignKey, message: "FOREIGN KEY constraint failed")
        }
    }

    /// Rolls back what is left of the group's transaction and gives `error` to its writers.
    private func rollBackGroup(_ group: WriteGroup, because error: any Error) {
        if connection.isInsideTransaction {
            // The error to report is the one that caused the rollback.
            try? connection.execute(sql: "ROLLBACK TRANSACTION")
        }
        group.commit.finish(.failure(error))
    }
}

/// Writes that share one transaction, waiting for its commit.
private struct WriteGroup {
    let number: UInt64
    let commit = GroupCommit()
}
