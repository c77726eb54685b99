import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct BudgetTests {
    private func base(_ server: TestServer) -> String { "/tenants/demo/processes/\(server.seed.budgetID)" }
    private func choices(_ server: TestServer, _ indices: [Int]) -> String {
        "[" + indices.map { #"{"propositionID":"\#(server.seed.projectIDs[$0])"}"# }.joined(separator: ",") + "]"
    }

    @Test func ballotListShowsTheAdmissibleProjects() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let list = try await client.send(.get, "\(base(server))/ballot-list")
            #expect(list.status == .ok)
            #expect(list.json["projects"]?.arrayValue?.count == server.seed.projectIDs.count)
            #expect(list.json["envelope"] == .number(50_000_000))
            let scoped = try await client.send(.get, "\(base(server))/ballot-list?scope=nord")
            #expect(scoped.status == .unprocessableContent)
        }
    }

    @Test func castReadReplaceWithdraw() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let cast = try await client.send(.post, "\(base(server))/ballots", token: server.alice, json: #"{"choices":\#(choices(server, [0, 1]))}"#)
            #expect(cast.status == .created)
            #expect(cast.json["channel"]?["kind"]?.stringValue == "online")
            let mine = try await client.send(.get, "\(base(server))/my-ballot", token: server.alice)
            #expect(mine.json["choices"]?.arrayValue?.count == 2)
            let replaced = try await client.send(.post, "\(base(server))/ballots", token: server.alice, json: #"{"choices":\#(choices(server, [2]))}"#)
            #expect(replaced.status == .created)
            let withdrawn = try await client.send(.delete, "\(base(server))/my-ballot", token: server.alice)
            #expect(withdrawn.status == .ok)
            let none = try await client.send(.get, "\(base(server))/my-ballot", token: server.alice)
            #expect(none.status == .notFound)
        }
    }

    @Test func ballotRefusals() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let tooMany = try await client.send(
                .post, "\(base(server))/ballots", token: server.alice, json: #"{"choices":\#(choices(server, [0, 1, 2, 3]))}"#)
            #expect(tooMany.status == .unprocessableContent)
            #expect(tooMany.errorCode == "invalid_input")
            let unknown = try await client.send(
                .post, "\(base(server))/ballots", token: server.alice, json: #"{"choices":[{"propositionID":"nope"}]}"#)
            #expect(unknown.status == .unprocessableContent)
            let staff = try await client.send(.post, "\(base(server))/ballots", token: server.admin, json: #"{"choices":\#(choices(server, [0]))}"#)
            #expect(staff.status == .unprocessableContent)  // no profile: the age rule cannot be proven
            #expect(staff.errorCode == "not_eligible")
            let wrongType = try await client.send(
                .post, "\(base(server))/ballots", token: server.alice, json: #"{"choices":[{"propositionID":"x","points":"two"}]}"#)
            #expect(wrongType.status == .badRequest)
            let anonymous = try await client.send(.post, "\(base(server))/ballots", json: #"{"choices":[]}"#)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func charterMustBeAcceptedBeforeVoting() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let registered = try await client.send(
                .post, "/tenants/demo/participants",
                json: #"{"displayName":"Zoé","profile":{"birthDate":"1990-01-01T00:00:00Z","statuses":["resident"]}}"#)
            let token = try #require(registered.json["token"]?.stringValue)
            let refused = try await client.send(.post, "\(base(server))/ballots", token: token, json: #"{"choices":\#(choices(server, [0]))}"#)
            #expect(refused.errorCode == "charter_not_accepted")
            #expect(refused.status == .unprocessableContent)
        }
    }

    @Test func agentsRecordAssistedAndPaperBallotsAndSeeConflicts() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let bilal = server.participantID("Bilal")
            let chloe = server.participantID("Chloé")
            let assisted = try await client.send(
                .post, "\(base(server))/assisted-ballots", token: server.official,
                json: #"{"voterID":"\#(bilal)","choices":\#(choices(server, [1]))}"#)
            #expect(assisted.status == .created)
            #expect(assisted.json["channel"]?["kind"]?.stringValue == "assisted")
            let batch = try await client.send(
                .post, "\(base(server))/paper-batches", token: server.official,
                json: #"{"station":"Mairie","batch":"B1","ballots":[{"voterID":"\#(chloe)","choices":\#(choices(server, [2]))},{"voterID":"\#(bilal)","choices":\#(choices(server, [0]))}]}"#)
            #expect(batch.status == .ok)
            #expect(batch.json["counted"] == .number(1))
            #expect(batch.json["outcomes"]?.arrayValue?.last?["error"]?["code"]?.stringValue == "duplicate")
            let conflicts = try await client.send(.get, "\(base(server))/ballot-conflicts", token: server.official)
            #expect(conflicts.json["items"]?.arrayValue?.count == 1)
            let byCitizen = try await client.send(
                .post, "\(base(server))/assisted-ballots", token: server.alice,
                json: #"{"voterID":"\#(bilal)","choices":\#(choices(server, [1]))}"#)
            #expect(byCitizen.status == .forbidden)
        }
    }

    @Test func countsForStaffNotYetForThePublic() async throws {
        let server = try await TestServer()
        try await server.test { client in
            _ = try await client.send(.post, "\(base(server))/ballots", token: server.alice, json: #"{"choices":\#(choices(server, [0, 1]))}"#)
            let tally = try await client.send(.get, "\(base(server))/tally", token: server.official)
            #expect(tally.json["ballots"] == .number(1))
            #expect(tally.json["projects"]?.arrayValue?.count == 2)
            let hidden = try await client.send(.get, "\(base(server))/results")
            #expect(hidden.status == .forbidden)
            #expect(hidden.errorCode == "results_not_public")
            let citizen = try await client.send(.get, "\(base(server))/tally", token: server.alice)
            #expect(citizen.status == .forbidden)
        }
    }

    @Test func budgetSettingsLockWithTheVote() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let locked = try await client.send(
                .put, "\(base(server))/budget", token: server.admin, json: #"{"envelope":100,"cycle":{"firstYear":2026}}"#)
            #expect(locked.status == .conflict)
            #expect(locked.errorCode == "rules_locked")
            let created = try await client.send(
                .post, "/tenants/demo/processes", token: server.admin,
                json: #"{"kind":"participatoryBudget","title":"BP 2027","phases":[{"id":"v","name":"Vote","kind":"vote","allowedActions":["vote"]}]}"#)
            let id = try #require(created.string("id"))
            let set = try await client.send(
                .put, "/tenants/demo/processes/\(id)/budget", token: server.admin,
                json: #"{"envelope":1000,"districtEnvelopes":{"nord":400,"sud":600},"cycle":{"firstYear":2027,"years":2}}"#)
            #expect(set.status == .ok)
            #expect(set.json["budget"]?["districtEnvelopes"]?["nord"] == .number(400))
            let wrongSum = try await client.send(
                .put, "/tenants/demo/processes/\(id)/budget", token: server.admin,
                json: #"{"envelope":1000,"districtEnvelopes":{"nord":400},"cycle":{"firstYear":2027}}"#)
            #expect(wrongSum.status == .unprocessableContent)
        }
    }
}
