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

/// The key of the pseudonyms the public sees: `PARTICIPATION_PSEUDONYM_SECRET` when set, else
/// kept in a file beside a SQLite database (made on first start, readable by its owner only), so
/// that pseudonyms stay the same across restarts; random for a database in memory.
func pseudonymSecret(_ configuration: ServerConfiguration) throws -> PseudonymSecret {
    if let secret = configuration.pseudonymSecret { return try PseudonymSecret(secret) }
    guard configuration.databasePath != ":memory:", !usesPostgres(configuration) else { return .random() }
    let file = URL(fileURLWithPath: configuration.databasePath + ".pseudonym-secret")
    if let kept = try? String(contentsOf: file, encoding: .utf8) { return try PseudonymSecret(kept) }
    var generator = SystemRandomNumberGenerator()
    let secret = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-") + "-demo-server-secret"
    try Data(secret.utf8).write(to: file, options: .atomic)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    return try PseudonymSecret(secret)
}

/// Whether `--database` is a PostgreSQL URL rather than a SQLite file.
func usesPostgres(_ configuration: ServerConfiguration) -> Bool {
    configuration.databasePath.hasPrefix("postgres://") || configuration.databasePath.hasPrefix("postgresql://")
}
