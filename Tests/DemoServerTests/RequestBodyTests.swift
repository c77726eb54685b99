import HTTPTypes
import Participation
import Testing

@testable import demo_server

/// Malformed bodies are refused with a clear 4xx before the library runs, and change nothing.
@Suite struct RequestBodyTests {
    private func processCount(_ server: TestServer) async throws -> Int {
        await server.storage.processes(in: DemoSeed.tenantID).count
    }

    private static let validProcess = #"{"kind":"consultation","title":"Parc","phases":[{"id":"p1","name":"Avis","kind":"consultation"}]}"#

    @Test(arguments: [
        ("not json", "malformed_request", nil),
        (#"{"kind":"consultation","title":"Parc","phases":[{"id":"p1","name":"Avis","kind":"consultation"}],"colour":"red"}"#, "malformed_request", "colour"),
        (#"{"kind":"consultation","title":"Parc","phases":[{"id":"p1","name":"Avis","kind":"consultation","extra":1}]}"#, "malformed_request", "phases.0.extra"),
        (#"{"kind":"consultation","title":42,"phases":[]}"#, "malformed_request", "title"),
        (#"{"kind":"referendum","title":"Parc","phases":[]}"#, "malformed_request", "kind"),
        (#"{"title":"Parc","phases":[]}"#, "malformed_request", "kind"),
        (#"[1,2]"#, "malformed_request", nil),
        (#"{"kind":"consultation","title":"Parc","phases":[{"id":"p1","name":"Avis","kind":"vote","startsAt":"tomorrow"}]}"#, "malformed_request", "phases.0.startsAt"),
    ] as [(String, String, String?)])
    func malformedBodies(body: String, code: String, field: String?) async throws {
        let server = try await TestServer()
        let before = try await processCount(server)
        try await server.test { client in
            let response = try await client.send(.post, "/tenants/demo/processes", token: server.admin, json: body)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == code)
            #expect(response.errorField == field)
        }
        let value1 = try await processCount(server)
        #expect(value1 == before)
    }

    @Test func emptyBodyIsRefused() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.post, "/tenants/demo/processes", token: server.admin)
            #expect(response.status == .badRequest)
        }
    }

    @Test func invalidUTF8IsRefused() async throws {
        let server = try await TestServer()
        let before = try await processCount(server)
        try await server.test { client in
            var bytes = Array(Self.validProcess.utf8)
            bytes.insert(contentsOf: [0xC3, 0x28], at: bytes.count - 3)  // an invalid two-byte sequence
            let response = try await client.send(.post, "/tenants/demo/processes", token: server.admin, rawBody: bytes)
            #expect(response.status == .badRequest)
            #expect(response.json["error"]?["message"]?.stringValue?.contains("UTF-8") == true)
        }
        let value2 = try await processCount(server)
        #expect(value2 == before)
    }

    @Test func oversizedBodyIs413() async throws {
        let server = try await TestServer(bodyLimit: 1_024)
        try await server.test { client in
            let text = String(repeating: "a", count: 2_000)
            let response = try await client.send(
                .post, "/tenants/demo/charters", token: server.admin, json: #"{"title":"T","text":"\#(text)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "body_too_large")
        }
        let value3 = await server.storage.currentCharter(in: DemoSeed.tenantID)?.version
        #expect(value3 == 1)
    }

    @Test func validBodyPasses() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.post, "/tenants/demo/processes", token: server.admin, json: Self.validProcess)
            #expect(response.status == .created)
        }
    }

    @Test func nullForAnOptionalFieldIsAccepted() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(
                .post, "/tenants/demo/processes", token: server.admin,
                json: #"{"kind":"consultation","title":"Parc","summary":null,"phases":[{"id":"p1","name":"Avis","kind":"consultation"}]}"#)
            #expect(response.status == .created)
        }
    }
}
