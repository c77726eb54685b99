import Participation

/// A ``ParticipationStorage`` backend on SQLite: one database file (or `:memory:`),
/// one writing connection on a dedicated serial queue and, for a file, two reading ones.
///
/// ```swift
/// let store = try await SQLiteStore(path: "/var/lib/participation/participation.sqlite")
/// try await store.insertTenant(tenant)
/// ```
///
/// Each requirement reads in one transaction, or writes as one atomic step (writes waiting
/// together share a `BEGIN IMMEDIATE` transaction, each in its own savepoint, and each is
/// acknowledged only once that transaction committed). The schema's
/// constraints enforce the contract's invariants on their own (ids scoped by tenant, one
/// ballot per voter and process, consecutive charter versions, ballot ids never reused),
/// and the constraint errors they raise come out as the ``ParticipationError``s the
/// protocol documents. File databases run in WAL mode with `synchronous = NORMAL`: an
/// acknowledged write survives the process being killed.
///
/// Open a file once per process and share the store: it is a cheap `Sendable` value.
///
/// ## Topics
/// ### Opening
/// - ``init(configuration:)``
/// - ``init(path:)``
/// - ``SQLiteConfiguration``
/// - ``SchemaTooNewError``
public struct SQLiteStore: ParticipationStorage {
    let database: SQLiteDatabase

    /// Opens (creating if needed) the database and brings its schema up to date.
    ///
    /// - Throws: ``SchemaTooNewError`` if the file was written by a newer version of
    ///   this library (nothing is changed); ``ParticipationError/Code/storageFailure``
    ///   if the file cannot be opened, is not a database, or cannot use WAL.
    public init(configuration: SQLiteConfiguration) async throws {
        do {
            database = try await SQLiteDatabase.open(configuration, migrator: StoreSchema.migrator)
        } catch let error as SchemaTooNewError {
            throw error
        } catch {
            throw StorageFailure.wrap(error)
        }
    }

    /// Opens the database at `path` (`":memory:"` for a private in-memory database) with
    /// the default configuration.
    ///
    /// - Throws: See ``init(configuration:)``.
    public init(path: String) async throws {
        try await self.init(configuration: SQLiteConfiguration(path: path))
    }

    /// Runs `body` as one atomic write (see ``SQLiteDatabase/write(_:)``), returning once it
    /// is committed; errors come out as ``ParticipationError``.
    func write<Result: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Result) async throws -> Result {
        do {
            return try await database.write(body)
        } catch {
            throw StorageFailure.wrap(error)
        }
    }

    /// Runs `body` in one read transaction; errors come out as ``ParticipationError``.
    func read<Result: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> Result) async throws -> Result {
        do {
            return try await database.read(body)
        } catch {
            throw StorageFailure.wrap(error)
        }
    }
}
