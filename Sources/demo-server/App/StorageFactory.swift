import Foundation
import Logging
import Participation
import ParticipationPostgres
import ParticipationStore

/// The storage the server runs on: the SQLite file of the configuration, memory for
/// `--database :memory:` (nothing kept after the server stops), or a PostgreSQL database
/// for `--database postgres://user:password@host:port/database`.
func makeStorage(_ configuration: ServerConfiguration, logger: Logger) async throws -> any ParticipationStorage {
    if usesPostgres(configuration) {
        let postgres = try PostgresStoreConfiguration(url: configuration.databasePath)
        logger.notice("connecting to PostgreSQL", metadata: ["database": "\(postgres)"])
        return try await PostgresStore(configuration: postgres, logger: logger)
    }
    if configuration.databasePath == ":memory:" {
        logger.notice("running in memory; nothing is kept after the server stops")
        return InMemoryStorage()
    }
    logger.notice("opening SQLite database", metadata: ["database": "\(configuration.databasePath)"])
    return try await SQLiteStore(path: configuration.databasePath)
}

/// Where demo tokens are kept: beside a database file, or nowhere for an in-memory or
/// PostgreSQL store.
func tokenFile(_ configuration: ServerConfiguration) -> URL? {
    configuration.databasePath == ":memory:" || usesPostgres(configuration)
        ? nil : URL(fileURLWithPath: configuration.databasePath + ".tokens.json")
}

/// Whether `--database` is a PostgreSQL URL rather than a SQLite file.
func usesPostgres(_ configuration: ServerConfiguration) -> Bool {
    configuration.databasePath.hasPrefix("postgres://") || configuration.databasePath.hasPrefix("postgresql://")
}
