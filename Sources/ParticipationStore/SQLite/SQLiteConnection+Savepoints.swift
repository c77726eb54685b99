extension SQLiteConnection {
    /// Runs `body` inside a savepoint of the current transaction: if it throws, what it
    /// wrote is undone and the error rethrown, while the enclosing transaction goes on.
    ///
    /// Lets one transaction hold many independent steps (a batch of ballots) where one
    /// step's failure must not undo the others.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/lang_savepoint.html>
    package func withSavepoint<Result>(_ body: () throws -> Result) throws -> Result {
        try execute(sql: "SAVEPOINT step")
        do {
            let result = try body()
            try execute(sql: "RELEASE step")
            return result
        } catch {
            // Undo the step, then drop the savepoint; the transaction stays open.
            try execute(sql: "ROLLBACK TO step")
            try execute(sql: "RELEASE step")
            throw error
        }
    }
}
