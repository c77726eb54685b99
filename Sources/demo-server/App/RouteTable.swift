import Hummingbird
import Participation

/// Every endpoint of the API, grouped by concept (one route file per concept). The router and
/// the OpenAPI document are both built from this list.
enum RouteTable {
    static let endpoints: [Endpoint] =
        HealthRoutes.endpoints + TenantRoutes.endpoints + ParticipantRoutes.endpoints + CharterRoutes.endpoints
        + ProcessRoutes.endpoints + BudgetRoutes.endpoints + PropositionRoutes.endpoints + ContributionRoutes.endpoints
        + PetitionRoutes.endpoints + QuestionnaireRoutes.endpoints + NotificationRoutes.endpoints + ResultRoutes.endpoints
        + PabulibRoutes.endpoints + AccountabilityRoutes.endpoints + ModerationRoutes.endpoints + SynthesisRoutes.endpoints
        + TagRoutes.endpoints + PersonalDataRoutes.endpoints + PortabilityRoutes.endpoints + AuditRoutes.endpoints
        + OpenAPIRoutes.endpoints
}

extension Router<BasicRequestContext> {
    /// Registers `endpoints`, each answering through its handler once access is checked.
    func register(_ endpoints: [Endpoint], dependencies: AppDependencies) {
        for endpoint in endpoints {
            let known = Set(endpoint.query.map(\.name))
            on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try Self.checkQuery(of: request, knowing: known)
                let caller = try await Self.caller(of: request, context: context, for: endpoint, dependencies: dependencies)
                let apiRequest = APIRequest(
                    request: request, context: context, endpoint: endpoint, dependencies: dependencies,
                    authenticatedCaller: caller)
                let response = try await endpoint.handler(apiRequest)
                switch response.body {
                case .value(let body): return try JSONCoding.response(body, status: response.status)
                case .encoded(let json): return JSONCoding.response(encoded: json, status: response.status)
                }
            }
        }
    }

    /// Refuses a query parameter the endpoint does not take, or one given twice: a misspelt
    /// or repeated parameter is an error to report, not something to ignore or pick from.
    static func checkQuery(of request: Request, knowing known: Set<String>) throws {
        var seen: Set<String> = []
        for (name, _) in request.uri.queryParameters {
            let name = String(name)
            guard known.contains(name) else {
                throw APIError.malformed("this endpoint takes no query parameter '\(name)'", field: name)
            }
            guard seen.insert(name).inserted else { throw APIError.malformed("the query parameter '\(name)' is given twice", field: name) }
        }
    }

    /// The caller for a participant endpoint; checks the host token for host endpoints.
    private static func caller(
        of request: Request, context: BasicRequestContext, for endpoint: Endpoint, dependencies: AppDependencies
    ) async throws -> Caller? {
        switch endpoint.access {
        case .public:
            return nil
        case .host:
            guard !dependencies.hostToken.isEmpty, let token = request.bearerToken,
                token.constantTimeEquals(dependencies.hostToken)
            else {
                throw APIError.unauthenticated
            }
            return nil
        case .participant:
            guard let caller = try await dependencies.authenticator.caller(for: request) else {
                throw APIError.unauthenticated
            }
            // A token of another tenant is answered like any foreign id: not found, so that
            // tenants cannot probe each other.
            if let raw = context.parameters.get("tenantID"), raw != caller.tenantID.rawValue {
                throw ParticipationError.notFound("tenant", raw)
            }
            return caller
        }
    }
}

extension String {
    /// Compares without stopping at the first difference, so timing does not reveal a prefix.
    func constantTimeEquals(_ other: String) -> Bool {
        let left = Array(utf8), right = Array(other.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
