import Foundation
import Logging
import Participation
import ParticipationStore

/// The storage the server runs on: the SQLite file of the configuration, or memory for
/// `--database :memory:` (nothing kept after the server stops).
func makeStorage(_ configuration: ServerConfiguration, logger: Logger) async throws -> any ParticipationStorage {
    if configuration.databasePath == ":memory:" {
        logger.notice("running in memory; nothing is kept after the server stops")
        return InMemoryStorage()
    }
    logger.notice("opening SQLite database", metadata: ["database": "\(configuration.databasePath)"])
    return try await SQLiteStore(path: configuration.databasePath)
}

/// Where demo tokens are kept: beside a database file, or nowhere for an in-memory store.
func tokenFile(_ configuration: ServerConfiguration) -> URL? {
    configuration.databasePath == ":memory:" ? nil : URL(fileURLWithPath: configuration.databasePath + ".tokens.json")
}
