import CSQLite

extension SQLiteConnection {
    /// Whether a transaction is open (the connection is not in autocommit mode).
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/get_autocommit.html>
    package var isInsideTransaction: Bool {
        sqlite3_get_autocommit(handle) == 0
    }

    /// Runs `body` in a write transaction: committed if `body` returns, rolled back if
    /// anything throws, the first error rethrown.
    ///
    /// The transaction is `BEGIN IMMEDIATE`: it takes the write lock up front (waiting up
    /// to the busy timeout), so it cannot fail later with an `SQLITE_BUSY` that no timeout
    /// can cure, as a deferred transaction upgrading from read to write can. Transactions
    /// don't nest: calling this inside one throws.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/lang_transaction.html>
    package func writeTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        try transaction(begin: "BEGIN IMMEDIATE TRANSACTION", body)
    }

    /// Runs `body` in a read transaction, so every statement in it sees one snapshot of
    /// the database even while other processes write.
    package func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        try transaction(begin: "BEGIN DEFERRED TRANSACTION", body)
    }

    private func transaction<Result>(begin: String, _ body: () throws -> Result) throws -> Result {
        try execute(sql: begin)
        do {
            let result = try body()
            try execute(sql: "COMMIT TRANSACTION")
            return result
        } catch {
            rollbackAfterFailure()
            throw error
        }
    }

    /// Rolls back whatever is left of the transaction, keeping the caller's error.
    ///
    /// Some errors (`SQLITE_FULL`, `SQLITE_IOERR`, `SQLITE_BUSY`, `SQLITE_NOMEM`) may
    /// have rolled the transaction back already; autocommit mode tells, so `ROLLBACK` is
    /// only sent when a transaction is still open. A failing `ROLLBACK` is not reported:
    /// the error that caused it is the one the caller needs, and SQLite's docs say an
    /// unneeded `ROLLBACK` does no harm.
    private func rollbackAfterFailure() {
        guard isInsideTransaction else { return }
        try? execute(sql: "ROLLBACK TRANSACTION")
    }
}
