import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Participation
import Testing

@testable import demo_server

/// A demo server over fresh in-memory storage, seeded with the demo tenant, driven without
/// sockets. Every response it sees is checked against the schema its endpoint documents.
struct TestServer {
    static let hostToken = "test-host-token"

    let storage = InMemoryStorage()
    let tokens: TokenRegistry
    let seed: DemoSeed.Result
    let configuration: ServerConfiguration

    /// The seeded accounts' tokens by first name: camille (administrator), dominique
    /// (official, reviewer), alice, bilal, chloé (citizens).
    var admin: String { token("Camille") }
    var official: String { token("Dominique") }
    var alice: String { token("Alice") }
    var bilal: String { token("Bilal") }

    func token(_ firstName: String) -> String {
        // The seed creates these five accounts; a missing one is a test bug worth crashing on.
        seed.accounts.first { $0.name.hasPrefix(firstName) }!.token
    }

    func participantID(_ firstName: String) -> String {
        seed.accounts.first { $0.name.hasPrefix(firstName) }!.participantID.rawValue
    }

    let service: ParticipationService

    init(bodyLimit: Int = 1 << 20) async throws {
        tokens = try TokenRegistry()
        service = ParticipationService(storage: storage)
        seed = try await DemoSeed.run(service: service, tokens: tokens)
        var configuration = ServerConfiguration()
        configuration.hostToken = Self.hostToken
        configuration.bodyLimit = bodyLimit
        self.configuration = configuration
    }

    /// Runs `body` with a client of the application.
    func test(_ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
        let app = try buildApplication(configuration: configuration, service: service, tokens: tokens)
        try await app.test(.router) { client in try await body(APIClient(client: client)) }
    }
}

/// A response with its body parsed.
struct APIResult: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String
    let json: JSONValue

    /// The error code of an error body.
    var errorCode: String? { json["error"]?["code"]?.stringValue }
    var errorField: String? { json["error"]?["field"]?.stringValue }
    /// `json[key]` as a string.
    func string(_ key: String) -> String? { json[key]?.stringValue }
}

/// Sends JSON requests and checks each response against its endpoint's documented schema.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil, rawBody: [UInt8]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIResult {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(string: json) }
        if let rawBody { body = ByteBuffer(bytes: rawBody) }
        if body != nil { headers[.contentType] = "application/json" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let text = String(buffer: response.body)
        let value = (try? JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
        let result = APIResult(status: response.status, headers: response.headers, text: text, json: value)
        checkSchema(result, method: method, uri: uri, sourceLocation: sourceLocation)
        return result
    }

    private func checkSchema(_ result: APIResult, method: HTTPRequest.Method, uri: String, sourceLocation: SourceLocation) {
        #expect(result.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri): not JSON", sourceLocation: sourceLocation)
        let schema: Schema
        if result.status.code >= 400 {
            schema = ErrorBody.schema
            // The statuses an endpoint documents are the ones it answers.
            if let endpoint = RouteTable.endpoint(method, path: uri), ![404, 405].contains(result.status.code) || endpoint.pathParameters.isEmpty == false {
                #expect(
                    endpoint.errorStatuses.contains(result.status), "\(method) \(uri) answered \(result.status), which it does not document",
                    sourceLocation: sourceLocation)
            }
        } else if let endpoint = RouteTable.endpoint(method, path: uri) {
            #expect(result.status == endpoint.successStatus, "\(method) \(uri)", sourceLocation: sourceLocation)
            schema = endpoint.responseSchema
        } else {
            Issue.record("\(method) \(uri) answered \(result.status) but no endpoint documents it", sourceLocation: sourceLocation)
            return
        }
        if let violation = schema.violation(in: result.json) {
            Issue.record("\(method) \(uri): response breaks its schema: \(violation)\n\(result.text)", sourceLocation: sourceLocation)
        }
    }
}

extension RouteTable {
    /// The endpoint whose path template matches `path` (query ignored).
    static func endpoint(_ method: HTTPRequest.Method, path: String) -> Endpoint? {
        let segments = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/") } ?? []
        return endpoints.first { endpoint in
            let template = endpoint.path.split(separator: "/")
            return endpoint.method == method && template.count == segments.count
                && zip(template, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }
}
