import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct TenantTests {
    @Test func hostCreatesATenantAndItsFirstAdministrator() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let created = try await client.send(
                .post, "/tenants", token: TestServer.hostToken,
                json: #"{"id":"lyon","name":"Ville de Lyon","kind":"commune","districts":[{"id":"d1","name":"1er"}]}"#)
            #expect(created.status == .created)
            #expect(created.string("id") == "lyon")
            let admin = try await client.send(
                .post, "/tenants/lyon/administrator", token: TestServer.hostToken, json: #"{"displayName":"Admin Lyon"}"#)
            #expect(admin.status == .created)
            #expect(admin.json["participant"]?["roles"] == .array([.string("administrator")]))
            let token = try #require(admin.json["token"]?.stringValue)
            let again = try await client.send(
                .post, "/tenants/lyon/administrator", token: TestServer.hostToken, json: #"{"displayName":"Second"}"#)
            #expect(again.status == .conflict)
            let districts = try await client.send(
                .put, "/tenants/lyon/districts", token: token, json: #"{"districts":[{"id":"d2","name":"2e"}]}"#)
            #expect(districts.status == .ok)
            #expect(districts.json["districts"]?.arrayValue?.count == 1)
        }
    }

    @Test func duplicateTenantIs409() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(
                .post, "/tenants", token: TestServer.hostToken, json: #"{"id":"demo","name":"Encore","kind":"commune"}"#)
            #expect(response.status == .conflict)
            #expect(response.errorCode == "duplicate")
        }
    }

    @Test func invalidTenantIs422() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(
                .post, "/tenants", token: TestServer.hostToken, json: #"{"name":"   ","kind":"commune"}"#)
            #expect(response.status == .unprocessableContent)
            #expect(response.errorField == "name")
        }
    }

    @Test func readAndListTenants() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let tenant = try await client.send(.get, "/tenants/demo")
            #expect(tenant.string("name") == "Ville de Démo")
            let response1 = try await client.send(.get, "/tenants/nowhere")
            #expect(response1.status == .notFound)
            let list = try await client.send(.get, "/tenants?limit=1")
            #expect(list.json["items"]?.arrayValue?.count == 1)
        }
    }

    @Test func citizenCannotChangeDistricts() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(
                .put, "/tenants/demo/districts", token: server.alice, json: #"{"districts":[]}"#)
            #expect(response.status == .forbidden)
        }
    }
}
