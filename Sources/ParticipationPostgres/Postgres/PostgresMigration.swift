/// One step of the schema's history: a version, a name for the log, and its statements,
/// run in one transaction together with the row that records it.
///
/// Statements are separate strings because the extended query protocol runs one
/// statement at a time (and a function body has semicolons of its own).
struct PostgresMigration: Sendable {
    let version: Int
    let name: String
    let statements: [String]
}

/// The database was migrated by a newer version of this library: this version does not
/// know its schema and refuses to use it. Nothing was changed.
public struct PostgresSchemaTooNewError: Error, CustomStringConvertible, Equatable {
    /// The version recorded in the database.
    public let found: Int
    /// The newest version this library knows.
    public let newestKnown: Int

    public var description: String {
        "the database schema is at version \(found), newer than this library's \(newestKnown): upgrade the library"
    }
}
