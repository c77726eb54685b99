import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct PersonalDataTests {
    @Test func oneselfOrAnAdministratorReadsTheExport() async throws {
        let server = try await TestServer()
        let alice = server.participantID("Alice")
        let path = "/tenants/demo/participants/\(alice)/personal-data"
        try await server.test { client in
            let own = try await client.send(.get, path, token: server.alice)
            #expect(own.status == .ok)
            #expect(own.json["participant"]?["displayName"] == .string("Alice Martin"))
            // The seed has Alice open and sign the petition.
            #expect(own.json["signatures"]?.arrayValue?.count == 1)
            #expect(own.json["petitions"]?.arrayValue?.count == 1)

            let byAdmin = try await client.send(.get, path, token: server.admin)
            #expect(byAdmin.json["participant"] == own.json["participant"])
            let audit = try await client.send(.get, "/tenants/demo/audit?subject=participant:\(alice)", token: server.admin)
            #expect(audit.json["items"]?.arrayValue?.contains { $0["action"] == .string("personal-data.exported") } == true)

            let other = try await client.send(.get, path, token: server.bilal)
            #expect(other.status == .forbidden)
            let anonymous = try await client.send(.get, path)
            #expect(anonymous.status == .unauthorized)
            let nobody = try await client.send(.get, "/tenants/demo/participants/nobody/personal-data", token: server.admin)
            #expect(nobody.status == .notFound)
        }
    }

    @Test func erasureAnonymisesTheAccount() async throws {
        let server = try await TestServer()
        let alice = server.participantID("Alice")
        try await server.test { client in
            let anonymous = try await client.send(.post, "/tenants/demo/participants/\(alice)/erasure")
            #expect(anonymous.status == .unauthorized)
            let other = try await client.send(.post, "/tenants/demo/participants/\(alice)/erasure", token: server.bilal)
            #expect(other.status == .forbidden)
            let nobody = try await client.send(.post, "/tenants/demo/participants/nobody/erasure", token: server.admin)
            #expect(nobody.status == .notFound)
            let kept = try await client.send(.get, "/tenants/demo/participants/\(alice)", token: server.admin)
            #expect(kept.string("displayName") == "Alice Martin")

            let erased = try await client.send(.post, "/tenants/demo/participants/\(alice)/erasure", token: server.alice)
            #expect(erased.status == .ok)
            let read = try await client.send(.get, "/tenants/demo/participants/\(alice)", token: server.admin)
            #expect(read.string("displayName") != "Alice Martin")
            // Her petition stays, its signature still counted.
            let petition = try await client.send(.get, "/tenants/demo/petitions/\(server.seed.petitionID)")
            #expect(petition.status == .ok)
            // The erased account may no longer act: its credentials stopped working.
            let proposition = try await client.publishedProposition(in: server.seed.petitionProcessID.rawValue, by: server.bilal)
            let support = try await client.send(.post, "/tenants/demo/propositions/\(proposition)/support", token: server.alice)
            #expect(support.status == .unauthorized)
            let own = try await client.send(.get, "/tenants/demo/me", token: server.alice)
            #expect(own.status == .unauthorized)
        }
    }

    @Test func theHostRunsRetention() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let registered = try await client.send(
                .post, "/tenants/demo/participants",
                json: #"{"displayName":"Eve Durand","profile":{"birthDate":"1990-01-01T00:00:00Z","districtID":"nord","statuses":["resident"]}}"#)
            let eve = try #require(registered.json["participant"]?["id"]?.stringValue)
            let token = try #require(registered.string("token"))
            try await client.send(.post, "/tenants/demo/charters/current/acceptance", token: token)
            let process = try await client.openProcess(kind: "consultation", actions: ["comment"], admin: server.admin)
            let comment = try await client.send(
                .post, "/tenants/demo/processes/\(process)/comments", token: token, json: #"{"subject":"process","body":"Bonne idée."}"#)
            #expect(comment.status == .created)
            try await client.send(.post, "/tenants/demo/processes/\(process)/phases/open/close", token: server.admin)
            let archived = try await client.send(.post, "/tenants/demo/processes/\(process)/archive", token: server.admin, json: #"{"retentionDays":30}"#)
            #expect(archived.status == .ok)

            let anonymous = try await client.send(.post, "/retention-runs", json: "{}")
            #expect(anonymous.status == .unauthorized)
            let citizen = try await client.send(.post, "/retention-runs", token: server.alice, json: "{}")
            #expect(citizen.status == .unauthorized)
            let badDate = try await client.send(.post, "/retention-runs", token: TestServer.hostToken, json: #"{"now":"demain"}"#)
            #expect(badDate.status == .badRequest)
            #expect(badDate.errorCode == "malformed_request")

            let early = try await client.send(.post, "/retention-runs", token: TestServer.hostToken, json: "{}")
            #expect(early.json["anonymised"] == .array([]))
            let due = try await client.send(
                .post, "/retention-runs", token: TestServer.hostToken, json: #"{"now":"2100-01-01T00:00:00Z"}"#)
            #expect(due.json["anonymised"] == .array([.object(["tenantID": .string("demo"), "participants": .array([.string(eve)])])]))
            let read = try await client.send(.get, "/tenants/demo/participants/\(eve)", token: server.admin)
            #expect(read.string("displayName") != "Eve Durand")
            let twice = try await client.send(
                .post, "/retention-runs", token: TestServer.hostToken, json: #"{"now":"2100-01-01T00:00:00Z"}"#)
            #expect(twice.json["anonymised"] == .array([]))
        }
    }
}
