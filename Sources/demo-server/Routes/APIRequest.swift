import Foundation
import HummingbirdCore
import HTTPTypes
import Hummingbird
import Participation

/// What an endpoint's handler receives: the request, the caller when the endpoint needs one,
/// and helpers that parse path, query and body strictly (every failure is a 4xx
/// ``APIError`` raised before the library is called).
struct APIRequest: Sendable {
    let request: Request
    let context: BasicRequestContext
    let endpoint: Endpoint
    let dependencies: AppDependencies
    /// Set for ``Endpoint/Access/participant`` endpoints; nil otherwise.
    let authenticatedCaller: Caller?

    var service: ParticipationService { dependencies.service }

    /// The caller of a participant endpoint.
    func caller() throws -> Caller {
        guard let authenticatedCaller else { throw APIError.unauthenticated }
        return authenticatedCaller
    }

    /// The path parameter `name` as an id of the library (checked like any input id).
    func id<Entity>(_ name: String, as _: Entity.Type = Entity.self) throws -> Identifier<Entity> {
        guard let raw = context.parameters.get(name) else {
            throw APIError.malformed("missing path parameter '\(name)'", field: name)
        }
        // Most ids have no escapes: skip Foundation's decoder (a CFString round trip) for them.
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return try Identifier<Entity>.validated(raw, field: name) }
        guard let decoded = raw.removingPercentEncoding else {
            throw APIError.malformed("path parameter '\(name)' has an invalid percent-encoding", field: name)
        }
        return try Identifier<Entity>.validated(decoded, field: name)
    }

    /// The tenant named in the path.
    func tenantID() throws -> TenantID { try id("tenantID") }

    /// The page the query asks for.
    func page() throws -> PageRequest { try PageRequest(query: request.uri) }

    /// The query parameter `name`, if given.
    func query(_ name: String) -> String? { request.uri.queryParameters[name[...]].map(String.init) }

    /// The query parameter `name`, which the endpoint needs.
    func requiredQuery(_ name: String) throws -> String {
        guard let value = query(name) else { throw APIError.malformed("give ?\(name)=", field: name) }
        return value
    }

    /// The endpoint's request schema; an endpoint that reads a body must document one.
    private var bodySchema: Schema {
        guard let schema = endpoint.requestSchema else {
            preconditionFailure("endpoint \(endpoint.method) \(endpoint.path) reads a body but documents none")
        }
        return schema
    }

    /// The body, checked against the endpoint's request schema and decoded.
    func body<Body: Decodable>(_ type: Body.Type = Body.self) async throws -> Body {
        try await RequestBody.decode(type, from: request, schema: bodySchema, limit: dependencies.bodyLimit)
    }

    /// The body, checked against the endpoint's request schema and read from the checked value.
    func body<Body: JSONReadable>(_ type: Body.Type = Body.self) async throws -> Body {
        try await RequestBody.decode(type, from: request, schema: bodySchema, limit: dependencies.bodyLimit)
    }

    /// The body as the JSON text it came in, checked like ``body(_:)`` (size, UTF-8, JSON,
    /// schema) but not decoded: for documents the library reads itself (a tenant archive).
    func jsonBody() async throws -> [UInt8] {
        try await RequestBody.checkedJSON(from: request, schema: bodySchema, limit: dependencies.bodyLimit)
    }
}

/// What a handler returns: a status and a JSON body.
struct APIResponse: Sendable {
    /// The body: a value the server encodes, or a document the library already wrote as JSON.
    enum Body: Sendable {
        case value(any Encodable & Sendable)
        /// JSON text sent as is, so that a canonical document (a tenant archive) reaches the
        /// client byte for byte, ready to import elsewhere.
        case encoded([UInt8])
    }

    let status: HTTPResponse.Status
    let body: Body

    static func json(_ body: some Encodable & Sendable, status: HTTPResponse.Status = .ok) -> APIResponse {
        APIResponse(status: status, body: .value(body))
    }

    /// `body` written by hand (see ``JSONWritable``), as ``JSONCoding/encoder()`` would write it.
    static func json(_ body: some JSONWritable & Sendable, status: HTTPResponse.Status = .ok) -> APIResponse {
        APIResponse(status: status, body: .encoded(body.jsonBytes))
    }

    /// `json`, already JSON text (the library's canonical encoding), sent unchanged.
    static func encodedJSON(_ json: [UInt8], status: HTTPResponse.Status = .ok) -> APIResponse {
        APIResponse(status: status, body: .encoded(json))
    }
}
