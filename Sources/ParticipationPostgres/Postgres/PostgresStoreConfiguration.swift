import Foundation
import PostgresNIO

/// Where and how ``PostgresStore`` connects.
///
/// ```swift
/// let configuration = try PostgresStoreConfiguration(url: "postgres://participation:secret@db.example/participation")
/// let store = try await PostgresStore(configuration: configuration)
/// ```
public struct PostgresStoreConfiguration: Sendable, CustomStringConvertible {
    /// The connection pool's settings: server, credentials, database, TLS, pool size.
    public var client: PostgresClient.Configuration

    /// The schema the store's tables live in, created if missing; `nil` uses the
    /// server's default (`public`). One database can thus hold several independent stores.
    public var schema: String?

    /// How many times a write transaction that PostgreSQL aborted as a serialization
    /// failure or a deadlock (SQLSTATE `40001`, `40P01`) is run again before the
    /// requirement fails with `storageFailure`.
    public var maximumAttempts = 50

    /// A configuration from a pool configuration.
    public init(client: PostgresClient.Configuration, schema: String? = nil) {
        self.client = client
        self.schema = schema
    }

    /// A configuration from a URL `postgres://user[:password]@host[:port]/database`
    /// (`postgresql://` too). Query items: `sslmode=disable|prefer|require` (default
    /// `prefer`), `schema=NAME`, `pool=N` (most connections, default 20).
    ///
    /// - Throws: ``InvalidURL`` naming what is wrong.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme)
        else { throw InvalidURL(reason: "expected postgres://user:password@host:port/database") }
        guard let host = components.host, !host.isEmpty else { throw InvalidURL(reason: "the host is missing") }
        guard let user = components.user, !user.isEmpty else { throw InvalidURL(reason: "the user is missing") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let items = components.queryItems ?? []
        func item(_ name: String) -> String? { items.first { $0.name == name }?.value }

        let tls: PostgresClient.Configuration.TLS
        switch item("sslmode") ?? "prefer" {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-full": tls = .require(.makeClientConfiguration())
        case let mode: throw InvalidURL(reason: "sslmode must be disable, prefer or require, not '\(mode)'")
        }
        var client = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: database.isEmpty ? nil : database, tls: tls)
        if let pool = item("pool") {
            guard let size = Int(pool), size >= 1 else { throw InvalidURL(reason: "pool must be a positive number, not '\(pool)'") }
            client.options.maximumConnections = size
        }
        self.init(client: client, schema: item("schema"))
    }

    /// Where the store connects, for logs: `postgres://user@host:port/database`, with the
    /// schema when one is set, never the password.
    public var description: String {
        let address = client.unixSocketPath ?? "\(client.host ?? "?"):\(client.port ?? 5432)"
        let schema = schema.map { " (schema \($0))" } ?? ""
        return "postgres://\(client.username)@\(address)/\(client.database ?? client.username)\(schema)"
    }

    /// A connection URL that cannot be used, with the reason.
    public struct InvalidURL: Error, CustomStringConvertible, Equatable {
        /// What is wrong with the URL (never its password).
        public let reason: String
        public var description: String { "invalid PostgreSQL URL: \(reason)" }
    }
}
