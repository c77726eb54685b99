/// The database was written by a newer version of this program, whose schema this
/// version does not know. Nothing was changed.
///
/// Upgrade the program, or open a copy of the database made before the upgrade.
public struct SchemaTooNewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The database that was refused.
    public let path: String
    /// The schema version recorded in the database.
    public let databaseVersion: Int
    /// The newest schema version this program knows.
    public let latestKnownVersion: Int

    /// Creates the error.
    public init(path: String, databaseVersion: Int, latestKnownVersion: Int) {
        self.path = path
        self.databaseVersion = databaseVersion
        self.latestKnownVersion = latestKnownVersion
    }

    public var description: String {
        "\(path) has schema version \(databaseVersion), newer than version \(latestKnownVersion) "
            + "that this program knows; refusing to open it (nothing was changed)"
    }
}
