import NIOCore
import HummingbirdTesting
import HTTPTypes
import Testing

@testable import demo_server

@Suite struct OpenAPITests {
    @Test func everyRouteIsDescribed() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let document = try await client.send(.get, "/openapi.json")
            #expect(document.string("openapi") == "3.0.3")
            let paths = try #require(document.json["paths"])
            for endpoint in RouteTable.endpoints {
                let operation = paths[endpoint.path]?[endpoint.method.rawValue.lowercased()]
                #expect(operation != nil, "\(endpoint.method) \(endpoint.path) is not in /openapi.json")
                #expect(operation?["responses"]?[String(endpoint.successStatus.code)] != nil)
            }
        }
    }

    @Test func everyRegisteredRouteAnswersSomethingOtherThanNoSuchRoute() async throws {
        let server = try await TestServer()
        try await server.test { client in
            for endpoint in RouteTable.endpoints {
                let path = endpoint.path.split(separator: "/").map { $0.hasPrefix("{") ? "x" : String($0) }.joined(separator: "/")
                let response = try await client.client.execute(uri: "/" + path, method: endpoint.method)
                let text = String(buffer: response.body)
                #expect(!text.contains("no such endpoint"), "\(endpoint.method) \(endpoint.path) is not routed")
            }
        }
    }

    @Test func routesAreUniqueAndOperationIDsToo() {
        let keys = RouteTable.endpoints.map { "\($0.method) \($0.path)" }
        #expect(Set(keys).count == keys.count)
        let ids = RouteTable.endpoints.map(OpenAPIDocument.operationID)
        #expect(Set(ids).count == ids.count)
    }

    @Test func referencedSchemasAreDefined() throws {
        let document = OpenAPIDocument.make(for: RouteTable.endpoints)
        let schemas = try #require(document["components"]?["schemas"])
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if case .string(let reference)? = members["$ref"] { references.append(reference) }
                members.values.forEach(collect)
            case .array(let items): items.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in references {
            let name = String(reference.dropFirst("#/components/schemas/".count))
            #expect(schemas[name] != nil && schemas[name] != .null, "\(reference) is not defined")
        }
    }

    @Test func schemaValidatorCatchesWhatItShould() {
        let schema = Schema.object([.required("a", .integer), .optional("b", .array(.text))])
        #expect(schema.violation(in: .object(["a": .integer(1)])) == nil)
        #expect(schema.violation(in: .object(["a": .number(1.5)]))?.path == "a")
        #expect(schema.violation(in: .object(["a": .number(1)]))?.path == "a", "an integer written with a fraction is refused")
        #expect(schema.violation(in: .object([:]))?.message == "is required")
        #expect(schema.violation(in: .object(["a": .integer(1), "c": .null]))?.path == "c")
        #expect(schema.violation(in: .object(["a": .integer(1), "b": .array([.bool(true)])]))?.path == "b.0")
        #expect(schema.violation(in: .object(["a": .integer(1), "b": .null])) == nil)
        #expect(Schema.string(allowed: ["x"]).violation(in: .string("y")) != nil)
    }
}
