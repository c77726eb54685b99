import HTTPTypes
import Testing

@testable import demo_server

@Suite struct HealthTests {
    @Test func healthAnswersOK() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.get, "/health")
            #expect(response.status == .ok)
            #expect(response.string("status") == "ok")
        }
    }

    @Test func wrongMethodIsAJSONError() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.delete, "/health")
            #expect(response.status.code >= 400)
        }
    }
}
