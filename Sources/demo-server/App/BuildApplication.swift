import Hummingbird
import Logging
import Participation

/// The demo server as a Hummingbird application over `service`: the routes of the route
/// table behind request logging and JSON error mapping.
///
/// Tests build it with a service over an ``InMemoryStorage`` and drive it with `app.test(.router)`.
func buildApplication(
    configuration: ServerConfiguration, service: ParticipationService, tokens: TokenRegistry? = nil,
    authenticator: (any Authenticator)? = nil, logger: Logger = Logger(label: "demo-server")
) throws -> some ApplicationProtocol {
    let tokens = try tokens ?? TokenRegistry()
    let dependencies = AppDependencies(
        service: service, authenticator: authenticator ?? tokens, tokens: tokens,
        verifier: DemoCensus.verifier, hostToken: configuration.hostToken ?? "", bodyLimit: configuration.bodyLimit)
    let router = Router()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ErrorMiddleware(bodyLimit: configuration.bodyLimit))
    router.register(RouteTable.endpoints, dependencies: dependencies)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "demo-server"),
        logger: logger)
}
