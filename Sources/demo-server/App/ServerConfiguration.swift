/// How the demo server runs: where it listens, where it stores, whether it seeds.
///
/// Read from command-line options first, then `PARTICIPATION_*` environment variables, then
/// defaults. Parsed by hand: the server needs no argument-parsing dependency for six options.
struct ServerConfiguration: Sendable, Equatable {
    var host = "127.0.0.1"
    var port = 8080
    /// The SQLite file; `:memory:` keeps everything in memory; a `postgres://` URL uses PostgreSQL.
    var databasePath = "participation-demo.sqlite"
    /// Seed a demo tenant when the database is empty.
    var seed = true
    /// The largest request body accepted, in bytes.
    var bodyLimit = 1 << 20
    /// The platform host's token; a random one is made and logged when not given.
    var hostToken: String?
    /// The key of the public pseudonyms (`PARTICIPATION_PSEUDONYM_SECRET`, at least 16 bytes);
    /// when not given it is kept beside the database.
    var pseudonymSecret: String?

    /// The usage message for `--help` and bad options.
    static let usage = """
        usage: demo-server [--host HOST] [--port PORT] [--database PATH] [--seed | --no-seed] [--host-token TOKEN]

          --host HOST          address to listen on (PARTICIPATION_HOST, default 127.0.0.1)
          --port PORT          port to listen on (PARTICIPATION_PORT, default 8080)
          --database PATH      SQLite file, :memory:, or postgres://user:password@host:port/database
                               (PARTICIPATION_DATABASE, default participation-demo.sqlite)
          --seed / --no-seed   seed a demo tenant into an empty database (PARTICIPATION_SEED=1/0, default on)
          --host-token TOKEN   the host token that creates tenants (PARTICIPATION_HOST_TOKEN, default random)
        """

    /// A problem with the options, said in one line.
    struct Problem: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// The configuration the options and environment describe; nil for `--help`.
    static func parse(arguments: [String], environment: [String: String]) throws -> ServerConfiguration? {
        var configuration = ServerConfiguration()
        if let host = environment["PARTICIPATION_HOST"] { configuration.host = host }
        if let port = environment["PARTICIPATION_PORT"] { configuration.port = try Self.port(port) }
        if let path = environment["PARTICIPATION_DATABASE"] { configuration.databasePath = path }
        if let seed = environment["PARTICIPATION_SEED"] { configuration.seed = try Self.flag(seed, name: "PARTICIPATION_SEED") }
        if let token = environment["PARTICIPATION_HOST_TOKEN"], !token.isEmpty { configuration.hostToken = token }
        if let secret = environment["PARTICIPATION_PSEUDONYM_SECRET"], !secret.isEmpty { configuration.pseudonymSecret = secret }

        var remaining = arguments[...]
        while let option = remaining.popFirst() {
            func value() throws -> String {
                guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
                    throw Problem(description: "\(option) needs a value")
                }
                return value
            }
            switch option {
            case "--help", "-h": return nil
            case "--host": configuration.host = try value()
            case "--port": configuration.port = try Self.port(try value())
            case "--database": configuration.databasePath = try value()
            case "--seed": configuration.seed = true
            case "--no-seed": configuration.seed = false
            case "--host-token": configuration.hostToken = try value()
            default: throw Problem(description: "unknown option '\(option)'")
            }
        }
        guard !configuration.databasePath.isEmpty else { throw Problem(description: "the database path is empty") }
        return configuration
    }

    private static func port(_ text: String) throws -> Int {
        guard let port = Int(text), (1...65_535).contains(port) else {
            throw Problem(description: "port must be a number within 1...65535, not '\(text)'")
        }
        return port
    }

    private static func flag(_ text: String, name: String) throws -> Bool {
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw Problem(description: "\(name) must be 1 or 0, not '\(text)'")
        }
    }
}
