import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct ParticipantTests {
    @Test func registrationReturnsATokenThatWorks() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let registered = try await client.send(
                .post, "/tenants/demo/participants",
                json: #"{"displayName":"Zoé","profile":{"districtID":"nord","statuses":["resident"],"birthDate":"1999-03-01T00:00:00Z"},"consents":{"followNotifications":true,"contactReuse":false}}"#)
            #expect(registered.status == .created)
            #expect(registered.json["participant"]?["roles"] == .array([.string("citizen")]))
            let token = try #require(registered.json["token"]?.stringValue)
            let me = try await client.send(.get, "/tenants/demo/me", token: token)
            #expect(me.string("displayName") == "Zoé")
            #expect(me.json["profile"]?["districtID"]?.stringValue == "nord")
        }
    }

    @Test func registrationErrors() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let unknownTenant = try await client.send(.post, "/tenants/nowhere/participants", json: #"{"displayName":"Zoé"}"#)
            #expect(unknownTenant.status == .notFound)
            let badDistrict = try await client.send(
                .post, "/tenants/demo/participants", json: #"{"displayName":"Zoé","profile":{"districtID":"est"}}"#)
            #expect(badDistrict.status == .unprocessableContent)
            #expect(badDistrict.errorField == "profile.districtID")
            let staff = try await client.send(.post, "/tenants/demo/participants", json: #"{"displayName":"Zoé","kind":"staff"}"#)
            #expect(staff.status == .unprocessableContent)
            let collective = try await client.send(
                .post, "/tenants/demo/participants", json: #"{"displayName":"Asso","kind":"collective"}"#)
            #expect(collective.status == .badRequest)
        }
    }

    @Test func collectiveWithRepresentative() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response = try await client.send(
                .post, "/tenants/demo/participants",
                json: #"{"displayName":"Les Jardins","kind":"collective","collectiveKind":"association","representativeID":"\#(server.participantID("Alice"))"}"#)
            #expect(response.status == .created)
            #expect(response.json["participant"]?["kind"]?.stringValue == "collective")
        }
    }

    @Test func staffListsAndReadsParticipantsCitizensDoNot() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let page = try await client.send(.get, "/tenants/demo/participants?limit=2", token: server.official)
            #expect(page.status == .ok)
            #expect(page.json["items"]?.arrayValue?.count == 2)
            let next = try #require(page.string("next"))
            let rest = try await client.send(.get, "/tenants/demo/participants?after=\(next)", token: server.official)
            #expect(rest.json["items"]?.arrayValue?.count == 3)
            #expect(rest.string("next") == nil)
            let response1 = try await client.send(.get, "/tenants/demo/participants", token: server.alice)
            #expect(response1.status == .forbidden)
            let bilal = server.participantID("Bilal")
            let response2 = try await client.send(.get, "/tenants/demo/participants/\(bilal)", token: server.official)
            #expect(response2.status == .ok)
            let response3 = try await client.send(.get, "/tenants/demo/participants/\(bilal)", token: server.alice)
            #expect(response3.status == .forbidden)
            let response4 = try await client.send(.get, "/tenants/demo/participants/\(bilal)", token: server.bilal)
            #expect(response4.status == .ok)
            let response5 = try await client.send(.get, "/tenants/demo/participants/nobody", token: server.official)
            #expect(response5.status == .notFound)
        }
    }

    @Test func profileAndConsents() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let profile = try await client.send(
                .put, "/tenants/demo/me/profile", token: server.alice,
                json: #"{"ageBracket":{"lowerBound":30,"upperBound":39},"districtID":"sud","statuses":["resident"]}"#)
            #expect(profile.status == .ok)
            #expect(profile.json["profile"]?["districtID"]?.stringValue == "sud")
            let consents = try await client.send(
                .put, "/tenants/demo/me/consents", token: server.alice, json: #"{"followNotifications":true,"contactReuse":true}"#)
            #expect(consents.json["consents"]?["contactReuse"] == .bool(true))
            let wrongType = try await client.send(
                .put, "/tenants/demo/me/consents", token: server.alice, json: #"{"followNotifications":"yes","contactReuse":true}"#)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.errorField == "followNotifications")
        }
    }

    @Test func staffRolesAndTokens() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let staff = try await client.send(
                .post, "/tenants/demo/staff", token: server.admin, json: #"{"displayName":"Modo","roles":["moderator"]}"#)
            #expect(staff.status == .created)
            #expect(staff.json["participant"]?["kind"]?.stringValue == "staff")
            let noRoles = try await client.send(
                .post, "/tenants/demo/staff", token: server.admin, json: #"{"displayName":"Modo","roles":[]}"#)
            #expect(noRoles.status == .unprocessableContent)
            let alice = server.participantID("Alice")
            let roles = try await client.send(
                .put, "/tenants/demo/participants/\(alice)/roles", token: server.admin,
                json: #"{"roles":["citizen","moderator"],"reason":"volunteered"}"#)
            #expect(roles.json["roles"] == .array([.string("citizen"), .string("moderator")]))
            let noReason = try await client.send(
                .put, "/tenants/demo/participants/\(alice)/roles", token: server.admin, json: #"{"roles":["citizen"],"reason":""}"#)
            #expect(noReason.status == .unprocessableContent)
            let token = try await client.send(.post, "/tenants/demo/participants/\(alice)/tokens", token: server.admin)
            #expect(token.status == .created)
            let newToken = try #require(token.string("token"))
            let response6 = try await client.send(.get, "/tenants/demo/me", token: newToken)
            #expect(response6.string("displayName") == "Alice Martin")
            let response7 = try await client.send(.post, "/tenants/demo/participants/\(alice)/tokens", token: server.alice)
            #expect(response7.status == .forbidden)
        }
    }

    @Test func verification() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let bilal = server.participantID("Bilal")
            let verified = try await client.send(
                .post, "/tenants/demo/participants/\(bilal)/verification", token: server.official, json: #"{"reference":"CENSUS-0002"}"#)
            #expect(verified.status == .ok)
            #expect(verified.string("verification") == "verified")
            let unknown = try await client.send(
                .post, "/tenants/demo/participants/\(bilal)/verification", token: server.official, json: #"{"reference":"NOPE"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorCode == "not_eligible")
            let byCitizen = try await client.send(
                .post, "/tenants/demo/participants/\(bilal)/verification", token: server.alice, json: #"{"reference":"CENSUS-0002"}"#)
            #expect(byCitizen.status == .forbidden)
        }
    }
}
