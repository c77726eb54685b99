import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct PetitionTests {
    @Test func signReachTheThresholdAndDecide() async throws {
        let server = try await TestServer()
        let petition = "/tenants/demo/petitions/\(server.seed.petitionID)"
        try await server.test { client in
            let seeded = try await client.send(.get, petition)
            #expect(seeded.json["signatureCount"] == .number(1))
            #expect(seeded.string("status") == "open")
            let bilal = try await client.send(.post, "\(petition)/signatures", token: server.bilal)
            #expect(bilal.status == .created)
            #expect(bilal.json["statusChange"] == nil || bilal.json["statusChange"] == .null)
            let twice = try await client.send(.post, "\(petition)/signatures", token: server.bilal)
            #expect(twice.status == .conflict)
            let notResident = try await client.send(.post, "\(petition)/signatures", token: server.token("Chloé"))
            #expect(notResident.errorCode == "not_eligible")
            let third = try await client.send(.post, "\(petition)/signatures", token: try await client.registeredResident("Zoé"))
            #expect(third.json["statusChange"]?["status"]?.stringValue == "to-be-debated-in-council")

            let citizen = try await client.send(
                .post, "\(petition)/decision", token: server.alice, json: #"{"decision":"adopt","justification":"Oui."}"#)
            #expect(citizen.status == .forbidden)
            let decided = try await client.send(
                .post, "\(petition)/decision", token: server.admin, json: #"{"decision":"sendToVotation","justification":"Le conseil consulte les habitants."}"#)
            #expect(decided.string("status") == "sent-to-votation")
            let history = try await client.send(.get, "\(petition)/status-history")
            #expect(history.json["items"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["open", "to-be-debated-in-council", "sent-to-votation"])
        }
    }

    @Test func createAPetitionNeedsAThreshold() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let created = try await client.send(
                .post, "/tenants/demo/processes/\(server.seed.petitionProcessID)/petitions", token: server.bilal,
                json: #"{"title":"Des toilettes publiques","body":"Au parc du Nord."}"#)
            #expect(created.status == .created)
            #expect(created.json["threshold"] == .number(3))
            let process = try await client.openProcess(kind: "consultation", actions: ["submit"], admin: server.admin)
            let noThreshold = try await client.send(
                .post, "/tenants/demo/processes/\(process)/petitions", token: server.bilal, json: #"{"title":"T","body":"B"}"#)
            #expect(noThreshold.errorField == "petitionThreshold")
        }
    }

    @Test func votationVoteAndResults() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let process = try await client.openProcess(kind: "votation", actions: ["vote"], admin: server.admin)
            let create = #"{"title":"Votation de juin","minimumInFavour":1,"questions":[{"id":"q1","text":"Un marché le dimanche ?"}]}"#
            let citizen = try await client.send(.post, "/tenants/demo/processes/\(process)/votations", token: server.alice, json: create)
            #expect(citizen.status == .forbidden)
            let votation = try await client.send(.post, "/tenants/demo/processes/\(process)/votations", token: server.admin, json: create)
            #expect(votation.status == .created)
            let id = votation.string("id") ?? ""
            let read = try await client.send(.get, "/tenants/demo/votations/\(id)")
            #expect(read.json["questions"]?.arrayValue?.count == 1)
            let vote = try await client.send(.post, "/tenants/demo/votations/\(id)/ballots", token: server.alice, json: #"{"answers":{"q1":"yes"}}"#)
            #expect(vote.status == .created)
            let again = try await client.send(.post, "/tenants/demo/votations/\(id)/ballots", token: server.alice, json: #"{"answers":{"q1":"no"}}"#)
            #expect(again.status == .conflict)
            let unknown = try await client.send(.post, "/tenants/demo/votations/\(id)/ballots", token: server.bilal, json: #"{"answers":{"q9":"yes"}}"#)
            #expect(unknown.status == .unprocessableContent)
            let notAnswer = try await client.send(.post, "/tenants/demo/votations/\(id)/ballots", token: server.bilal, json: #"{"answers":{"q1":"perhaps"}}"#)
            #expect(notAnswer.status == .badRequest)
            let results = try await client.send(.get, "/tenants/demo/votations/\(id)/results")
            #expect(results.json["items"]?.arrayValue?.first?["inFavour"] == .number(1))
            #expect(results.json["items"]?.arrayValue?.first?["adopted"] == .bool(true))
        }
    }
}
