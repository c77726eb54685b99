/// One step of a database schema's history: a version number, a name, and the SQL that
/// takes the schema from the previous version to this one.
///
/// A migration, once released, never changes: later schema changes are new migrations.
/// Its SQL may hold several statements but must not open or close transactions (the
/// migrator runs each migration in its own) nor change `PRAGMA foreign_keys` (which
/// SQLite ignores inside a transaction).
package struct SQLiteMigration: Hashable, Sendable {
    /// The schema version after this migration; versions strictly increase.
    package let version: Int
    /// A short description, recorded beside the version.
    package let name: String
    /// The statements to run.
    package let sql: String

    /// Creates a migration.
    package init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
