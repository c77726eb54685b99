import Foundation
import Logging
import Participation

/// The storage the server runs on.
///
/// The seam for the SQLite store: until `SQLiteStore` is in the package, every
/// configuration runs on ``InMemoryStorage`` and the log says so.
func makeStorage(_ configuration: ServerConfiguration, logger: Logger) async throws -> any ParticipationStorage {
    if configuration.databasePath != ":memory:" {
        logger.warning(
            "the SQLite store is not available yet; running in memory, nothing is kept",
            metadata: ["database": "\(configuration.databasePath)"])
    }
    return InMemoryStorage()
}

/// Where demo tokens are kept: beside a database file, or nowhere for an in-memory store.
func tokenFile(_ configuration: ServerConfiguration, storage: any ParticipationStorage) -> URL? {
    storage is InMemoryStorage ? nil : URL(fileURLWithPath: configuration.databasePath + ".tokens.json")
}
