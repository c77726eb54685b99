import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct ProcessTests {
    static let consultation = #"""
        {"kind":"consultation","title":"Place du marché","phases":[
          {"id":"avis","name":"Avis","kind":"consultation","allowedActions":["comment","opine"]},
          {"id":"bilan","name":"Bilan","kind":"results"}],
         "eligibility":{"comment":{"minimumAge":16,"acceptedStatuses":["resident"]}},
         "voteRules":{"ballot":{"format":"approval","maximum":2}}}
        """#

    @Test func createListRead() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let created = try await client.send(.post, "/tenants/demo/processes", token: server.admin, json: Self.consultation)
            #expect(created.status == .created)
            #expect(created.json["phases"]?.arrayValue?.count == 2)
            #expect(created.json["eligibility"]?["comment"]?["minimumAge"] == .number(16))
            let id = try #require(created.string("id"))
            let read = try await client.send(.get, "/tenants/demo/processes/\(id)")
            #expect(read.string("title") == "Place du marché")
            let list = try await client.send(.get, "/tenants/demo/processes")
            #expect(list.json["items"]?.arrayValue?.count == 3)  // the seeded budget and petitions, and this one
            let response1 = try await client.send(.get, "/tenants/demo/processes/none")
            #expect(response1.status == .notFound)
            let response2 = try await client.send(.get, "/tenants/nowhere/processes")
            #expect(response2.status == .notFound)
        }
    }

    @Test func createErrors() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let noPhases = try await client.send(
                .post, "/tenants/demo/processes", token: server.admin, json: #"{"kind":"consultation","title":"X","phases":[]}"#)
            #expect(noPhases.status == .unprocessableContent)
            #expect(noPhases.errorField == "phases")
            let badAction = try await client.send(
                .post, "/tenants/demo/processes", token: server.admin,
                json: #"{"kind":"consultation","title":"X","phases":[{"id":"a","name":"A","kind":"vote"}],"eligibility":{"dance":{}}}"#)
            #expect(badAction.status == .badRequest)
            let missingMaximum = try await client.send(
                .post, "/tenants/demo/processes", token: server.admin,
                json: #"{"kind":"consultation","title":"X","phases":[{"id":"a","name":"A","kind":"vote"}],"voteRules":{"ballot":{"format":"approval"}}}"#)
            #expect(missingMaximum.status == .badRequest)
            #expect(missingMaximum.errorField == "ballot.maximum")
            #expect(
                try await client.send(.post, "/tenants/demo/processes", token: server.alice, json: Self.consultation).status
                    == .forbidden)
        }
    }

    @Test func phaseStateMachine() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let id = try #require(
                try await client.send(.post, "/tenants/demo/processes", token: server.admin, json: Self.consultation).string("id"))
            let base = "/tenants/demo/processes/\(id)/phases"
            let opened = try await client.send(.post, "\(base)/avis/open", token: server.admin)
            #expect(opened.status == .ok)
            #expect(opened.string("currentPhaseID") == "avis")
            let skip = try await client.send(.post, "\(base)/bilan/open", token: server.admin)
            #expect(skip.status == .conflict)
            #expect(skip.errorCode == "invalid_transition")
            let response3 = try await client.send(.post, "\(base)/avis/close", token: server.admin)
            #expect(response3.status == .ok)
            let noReason = try await client.send(.post, "\(base)/avis/reopen", token: server.admin, json: #"{"reason":" "}"#)
            #expect(noReason.status == .unprocessableContent)
            let reopened = try await client.send(.post, "\(base)/avis/reopen", token: server.admin, json: #"{"reason":"extended"}"#)
            #expect(reopened.string("currentPhaseID") == "avis")
            let response4 = try await client.send(.post, "\(base)/nope/open", token: server.admin)
            #expect(response4.status == .notFound)
            let response5 = try await client.send(.post, "\(base)/avis/close", token: server.alice)
            #expect(response5.status == .forbidden)
        }
    }

    @Test func voteRulesLockOnceVotingOpened() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let budget = server.seed.budgetID.rawValue
            let response = try await client.send(
                .put, "/tenants/demo/processes/\(budget)/vote-rules", token: server.admin,
                json: #"{"ballot":{"format":"knapsack"},"resultsVisibility":"live","binding":false}"#)
            #expect(response.status == .conflict)
            #expect(response.errorCode == "rules_locked")
            let eligibility = try await client.send(
                .put, "/tenants/demo/processes/\(budget)/eligibility/vote", token: server.admin, json: #"{"minimumAge":18}"#)
            #expect(eligibility.errorCode == "rules_locked")
        }
    }

    @Test func voteRulesAndEligibilityBeforeTheVote() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let id = try #require(
                try await client.send(.post, "/tenants/demo/processes", token: server.admin, json: Self.consultation).string("id"))
            let rules = try await client.send(
                .put, "/tenants/demo/processes/\(id)/vote-rules", token: server.admin,
                json: #"{"ballot":{"format":"cumulative","points":10,"maximumPerProject":4}}"#)
            #expect(rules.status == .ok)
            #expect(rules.json["voteRules"]?["ballot"]?["points"] == .number(10))
            let invalid = try await client.send(
                .put, "/tenants/demo/processes/\(id)/vote-rules", token: server.admin,
                json: #"{"ballot":{"format":"ranked","maximumRanks":0}}"#)
            #expect(invalid.status == .unprocessableContent)
            let eligibility = try await client.send(
                .put, "/tenants/demo/processes/\(id)/eligibility/comment", token: server.admin,
                json: #"{"districts":["nord"],"requiredVerification":"confirmed"}"#)
            #expect(eligibility.json["eligibility"]?["comment"]?["districts"] == .array([.string("nord")]))
            let unknownDistrict = try await client.send(
                .put, "/tenants/demo/processes/\(id)/eligibility/comment", token: server.admin, json: #"{"districts":["est"]}"#)
            #expect(unknownDistrict.status == .unprocessableContent)
            let unknownAction = try await client.send(
                .put, "/tenants/demo/processes/\(id)/eligibility/dance", token: server.admin, json: #"{}"#)
            #expect(unknownAction.status == .badRequest)
            #expect(unknownAction.errorField == "action")
        }
    }
}
