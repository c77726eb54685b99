/// Prepared statements by SQL text, owned by one ``SQLiteConnection``.
///
/// Statements that bind user data are compiled once and reused; only the bindings
/// change. The set of SQL texts is fixed by the code (user data is always bound, never
/// spliced into SQL), so the cache is bounded without an eviction policy.
struct SQLiteStatementCache {
    private var statements: [String: SQLiteStatement] = [:]

    /// The statement compiled for `sql`, if any.
    subscript(sql: String) -> SQLiteStatement? {
        get { statements[sql] }
        set { statements[sql] = newValue }
    }

    /// Drops every statement, finalizing those nobody else holds.
    mutating func removeAll() {
        statements.removeAll()
    }
}
