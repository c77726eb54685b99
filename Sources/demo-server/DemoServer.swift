import Foundation
import Hummingbird
import Logging
import Participation

/// `swift run demo-server`: parses options, opens the store, seeds an empty one, serves until
/// SIGTERM or SIGINT (Hummingbird's `runService` shuts down gracefully on both).
@main
struct DemoServer {
    static func main() async throws {
        let configuration: ServerConfiguration
        do {
            guard
                let parsed = try ServerConfiguration.parse(
                    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
            else {
                FileHandle.standardError.write(Data((ServerConfiguration.usage + "\n").utf8))
                return
            }
            configuration = parsed
        } catch {
            FileHandle.standardError.write(Data("demo-server: \(error)\n\n\(ServerConfiguration.usage)\n".utf8))
            exit(2)
        }

        var logger = Logger(label: "demo-server")
        logger.logLevel = .info
        var running = configuration
        if running.hostToken == nil {
            running.hostToken = "host_" + UUID().uuidString.lowercased()
        }
        let storage = try await makeStorage(running, logger: logger)
        let tokens = try TokenRegistry(file: tokenFile(running))
        let service = ParticipationService(storage: storage, pseudonymSecret: try pseudonymSecret(running))
        if try await DemoSeed.isEmpty(storage) {
            if running.seed {
                let seeded = try await DemoSeed.run(service: service, tokens: tokens)
                logSeed(seeded, port: running.port, logger: logger)
            }
        } else {
            logger.notice(
                "the database already holds data; not seeding. Earlier demo tokens still work",
                metadata: ["tokens": "\(tokenFile(running)?.path ?? "memory")"])
        }
        // The host token is printed so the operator can create tenants; it is no secret in a demo.
        logger.notice("host token (creates tenants): \(running.hostToken ?? "")")
        let app = try buildApplication(configuration: running, service: service, tokens: tokens, logger: logger)
        try await app.runService()
    }

    private static func logSeed(_ seeded: DemoSeed.Result, port: Int, logger: Logger) {
        logger.notice("seeded tenant '\(seeded.tenantID)' with the participatory budget '\(seeded.budgetID)' in its voting phase")
        logger.notice("seeded the petition '\(seeded.petitionID)' in the process '\(seeded.petitionProcessID)', open for signatures")
        for account in seeded.accounts {
            let roles = account.roles.map(\.rawValue).joined(separator: ",")
            logger.notice("demo token for \(account.name) (\(roles)): \(account.token)")
        }
        logger.notice(
            "try: curl -H 'Authorization: Bearer <token>' http://127.0.0.1:\(port)/tenants/\(seeded.tenantID)/me")
    }
}
