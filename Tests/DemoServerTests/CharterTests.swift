import HTTPTypes
import Testing

@testable import demo_server

@Suite struct CharterTests {
    @Test func publishReadAccept() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let current = try await client.send(.get, "/tenants/demo/charters/current")
            #expect(current.json["version"] == .number(1))
            let published = try await client.send(
                .post, "/tenants/demo/charters", token: server.admin, json: #"{"title":"Charte v2","text":"Nouveau texte"}"#)
            #expect(published.status == .created)
            #expect(published.json["version"] == .number(2))
            let accepted = try await client.send(.post, "/tenants/demo/charters/current/acceptance", token: server.alice)
            #expect(accepted.status == .created)
            #expect(accepted.json["version"] == .number(2))
        }
    }

    @Test func errors() async throws {
        let server = try await TestServer()
        try await server.test { client in
            _ = try await client.send(.post, "/tenants", token: TestServer.hostToken, json: #"{"id":"vide","name":"Vide","kind":"commune"}"#)
            let response1 = try await client.send(.get, "/tenants/vide/charters/current")
            #expect(response1.status == .notFound)
            let empty = try await client.send(.post, "/tenants/demo/charters", token: server.admin, json: #"{"title":"","text":"x"}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(empty.errorField == "title")
            let response2 = try await client.send(.post, "/tenants/demo/charters/current/acceptance")
            #expect(response2.status == .unauthorized)
        }
    }
}
