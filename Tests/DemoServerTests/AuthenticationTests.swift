import HummingbirdTesting
import HTTPTypes
import Hummingbird
import Participation
import Testing

@testable import demo_server

@Suite struct AuthenticationTests {
    /// The scheme in any case, then one space or more, then a token that is not empty.
    @Test func bearerTokenIsReadFromTheAuthorizationValue() {
        #expect(Request.bearerToken(in: "Bearer demo_abc") == "demo_abc")
        #expect(Request.bearerToken(in: "bearer demo_abc") == "demo_abc")
        #expect(Request.bearerToken(in: "BEARER   demo_abc") == "demo_abc")
        #expect(Request.bearerToken(in: "Bearer demo é") == "demo é")
        #expect(Request.bearerToken(in: "Bearer") == nil)
        #expect(Request.bearerToken(in: "Bearer   ") == nil)
        #expect(Request.bearerToken(in: "Basic dXNlcjpwdw==") == nil)
        #expect(Request.bearerToken(in: "Bearerx demo_abc") == nil)
        #expect(Request.bearerToken(in: "Bearer\tdemo_abc") == nil)
        #expect(Request.bearerToken(in: "") == nil)
    }

    @Test func missingTokenIs401() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.get, "/tenants/demo/me")
            #expect(response.status == .unauthorized)
            #expect(response.errorCode == "unauthenticated")
        }
    }

    @Test func unknownTokenIs401() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response1 = try await client.send(.get, "/tenants/demo/me", token: "demo_nope")
            #expect(response1.status == .unauthorized)
        }
    }

    @Test func knownTokenIdentifiesTheParticipant() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(.get, "/tenants/demo/me", token: server.alice)
            #expect(response.status == .ok)
            #expect(response.string("displayName") == "Alice Martin")
        }
    }

    @Test func tokenOfAnotherTenantFindsNothing() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let created = try await client.send(
                .post, "/tenants", token: TestServer.hostToken, json: #"{"id":"other","name":"Autre Ville","kind":"commune"}"#)
            #expect(created.status == .created)
            let response = try await client.send(.get, "/tenants/other/me", token: server.alice)
            #expect(response.status == .notFound)
        }
    }

    @Test func hostEndpointsNeedTheHostToken() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let body = #"{"name":"Autre Ville","kind":"commune"}"#
            let response2 = try await client.send(.post, "/tenants", json: body)
            #expect(response2.status == .unauthorized)
            let response3 = try await client.send(.post, "/tenants", token: server.admin, json: body)
            #expect(response3.status == .unauthorized)
        }
    }

    @Test func citizenCannotDoStaffWork() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(
                .post, "/tenants/demo/charters", token: server.alice, json: #"{"title":"T","text":"x"}"#)
            #expect(response.status == .forbidden)
            #expect(response.errorCode == "forbidden")
        }
    }

    @Test func customAuthenticatorIsTheSeam() async throws {
        struct HeaderAuthenticator: Authenticator {
            func caller(for request: Request) async throws -> Caller? {
                request.headers[.init("X-Demo-Participant")!].map { Caller(tenantID: "demo", participantID: .init(rawValue: $0)) }
            }
        }
        let server = try await TestServer()
        let app = try buildApplication(
            configuration: server.configuration, service: server.service, tokens: server.tokens,
            authenticator: HeaderAuthenticator())
        let aliceID = server.participantID("Alice")
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/tenants/demo/me", method: .get, headers: [.init("X-Demo-Participant")!: aliceID]
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/tenants/demo/me", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func bearerParsing() {
        #expect("abc".constantTimeEquals("abc"))
        #expect(!"abc".constantTimeEquals("abd"))
        #expect(!"abc".constantTimeEquals("ab"))
    }
}
