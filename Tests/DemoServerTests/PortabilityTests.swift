import HTTPTypes
import HummingbirdTesting
import Participation
import Testing

@testable import demo_server

@Suite struct PortabilityTests {
    /// Runs `body` with a client of a second server over empty storage: where an archive goes.
    static func emptyServer(_ configuration: ServerConfiguration, _ body: @escaping @Sendable (APIClient) async throws -> Void)
        async throws
    {
        let app = try buildApplication(
            configuration: configuration, service: ParticipationService(storage: InMemoryStorage()), tokens: try TokenRegistry())
        try await app.test(.router) { client in try await body(APIClient(client: client)) }
    }

    @Test func exportThenImportElsewhere() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let exported = try await client.send(.get, "/tenants/demo/archive", token: server.admin)
            #expect(exported.status == .ok)
            #expect(exported.json["tenant"]?["id"] == .string("demo"))
            #expect(exported.json["processes"]?.arrayValue?.count == 2)
            let archive = Array(exported.text.utf8)
            let audit = try await client.send(.get, "/tenants/demo/audit?subject=tenant:demo", token: server.admin)
            #expect(audit.json["items"]?.arrayValue?.contains { $0["action"] == .string("tenant.exported") } == true)

            try await Self.emptyServer(server.configuration) { elsewhere in
                let imported = try await elsewhere.send(.post, "/tenant-archives", token: TestServer.hostToken, rawBody: archive)
                #expect(imported.status == .created)
                #expect(imported.string("id") == "demo")
                let processes = try await elsewhere.send(.get, "/tenants/demo/processes")
                #expect(processes.json["items"]?.arrayValue?.count == 2)
                let again = try await elsewhere.send(.post, "/tenant-archives", token: TestServer.hostToken, rawBody: archive)
                #expect(again.status == .conflict)
                #expect(again.errorCode == "duplicate")
            }
        }
    }

    @Test func exportRefusals() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let citizen = try await client.send(.get, "/tenants/demo/archive", token: server.alice)
            #expect(citizen.status == .forbidden)
            let anonymous = try await client.send(.get, "/tenants/demo/archive")
            #expect(anonymous.status == .unauthorized)
            let otherTenant = try await client.send(.get, "/tenants/lyon/archive", token: server.admin)
            #expect(otherTenant.status == .notFound)
        }
    }

    @Test func badArchivesAreRefusedAndChangeNothing() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let archive = Array(try await client.send(.get, "/tenants/demo/archive", token: server.admin).text.utf8)
            try await Self.emptyServer(server.configuration) { elsewhere in
                let anonymous = try await elsewhere.send(.post, "/tenant-archives", rawBody: archive)
                #expect(anonymous.status == .unauthorized)
                let wrongToken = try await elsewhere.send(.post, "/tenant-archives", token: server.admin, rawBody: archive)
                #expect(wrongToken.status == .unauthorized)
                let notJSON = try await elsewhere.send(.post, "/tenant-archives", token: TestServer.hostToken, json: "archive")
                #expect(notJSON.status == .badRequest)
                let notAnObject = try await elsewhere.send(.post, "/tenant-archives", token: TestServer.hostToken, json: "[]")
                #expect(notAnObject.status == .badRequest)
                let otherFormat = try await elsewhere.send(.post, "/tenant-archives", token: TestServer.hostToken, json: #"{"format":99}"#)
                #expect(otherFormat.status == .unprocessableContent)
                #expect(otherFormat.errorField == "archive")
                let tenants = try await elsewhere.send(.get, "/tenants")
                #expect(tenants.json["items"] == .array([]))
            }
        }
    }

    @Test func anArchiveOverTheBodyLimitIs413() async throws {
        let server = try await TestServer(bodyLimit: 4096)
        try await server.test { client in
            let archive = Array(try await client.send(.get, "/tenants/demo/archive", token: server.admin).text.utf8)
            #expect(archive.count > 4096)
            try await Self.emptyServer(server.configuration) { elsewhere in
                let response = try await elsewhere.send(.post, "/tenant-archives", token: TestServer.hostToken, rawBody: archive)
                #expect(response.status == .contentTooLarge)
                #expect(try await elsewhere.send(.get, "/tenants").json["items"] == .array([]))
            }
        }
    }
}
