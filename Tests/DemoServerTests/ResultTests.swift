import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct ResultTests {
    /// Alice and Bilal vote, the administrator closes the vote.
    private func closedVote(_ server: TestServer, _ client: APIClient) async throws {
        let base = "/tenants/demo/processes/\(server.seed.budgetID)"
        let projects = server.seed.projectIDs
        for (token, picks) in [(server.alice, [0, 1]), (server.bilal, [0, 3])] {
            let choices = picks.map { #"{"propositionID":"\#(projects[$0])"}"# }.joined(separator: ",")
            let cast = try await client.send(.post, "\(base)/ballots", token: token, json: #"{"choices":[\#(choices)]}"#)
            #expect(cast.status == .created)
        }
        let closed = try await client.send(.post, "\(base)/phases/vote/close", token: server.admin)
        #expect(closed.status == .ok)
    }

    /// The trust issue's case: reopening the vote after publication, and a second ballot then.
    @Test func aPublishedResultIsFinalAndOnlyAnExplicitCorrectionReplacesIt() async throws {
        let server = try await TestServer()
        let base = "/tenants/demo/processes/\(server.seed.budgetID)"
        try await server.test { client in
            try await closedVote(server, client)
            let published = try await client.send(.post, "\(base)/results/publication", token: server.admin)
            #expect(published.status == .created)
            #expect(published.json["version"] == .integer(1))
            let reopened = try await client.send(.post, "\(base)/phases/vote/reopen", token: server.admin, json: #"{"reason":"une urne oubliée"}"#)
            #expect(reopened.status == .conflict)
            #expect(reopened.errorCode == "rules_locked")
            let chloe = server.token("Chloé")
            let late = try await client.send(
                .post, "\(base)/ballots", token: chloe, json: #"{"choices":[{"propositionID":"\#(server.seed.projectIDs[0])"}]}"#)
            #expect(late.status != .created)
            let public1 = try await client.send(.get, "\(base)/published-pabulib")
            #expect(public1.string("pabulib")?.contains("num_votes;2") == true)

            let corrected = try await client.send(
                .post, "\(base)/results/corrections", token: server.admin, json: #"{"reason":"le conseil a voté les parts égales","rule":"mes-cost"}"#)
            #expect(corrected.status == .created)
            #expect(corrected.json["version"] == .integer(2))
            #expect(corrected.json["correction"]?["reason"] == .string("le conseil a voté les parts égales"))
            let versions = try await client.send(.get, "\(base)/results/versions")
            #expect(versions.json["items"]?.arrayValue?.compactMap { $0["version"] } == [.integer(1), .integer(2)])
            let citizen = try await client.send(.post, "\(base)/results/corrections", token: server.alice, json: #"{"reason":"non"}"#)
            #expect(citizen.status == .forbidden)
        }
    }

    @Test func publishResultsThenReadAndExport() async throws {
        let server = try await TestServer()
        let base = "/tenants/demo/processes/\(server.seed.budgetID)"
        try await server.test { client in
            let early = try await client.send(.post, "\(base)/results/publication", token: server.admin)
            #expect(early.status == .conflict)
            let hidden = try await client.send(.get, "\(base)/published-result")
            #expect(hidden.errorCode == "results_not_public")
            let hiddenExport = try await client.send(.get, "\(base)/pabulib", token: server.alice)
            #expect(hiddenExport.status == .forbidden)

            try await closedVote(server, client)
            let citizen = try await client.send(.post, "\(base)/results/publication", token: server.alice)
            #expect(citizen.status == .forbidden)
            let published = try await client.send(.post, "\(base)/results/publication", token: server.admin)
            #expect(published.status == .created)
            let selected = published.json["scopes"]?.arrayValue?.first?["selected"]?.arrayValue ?? []
            #expect(selected.contains(.string(server.seed.projectIDs[0].rawValue)))
            let again = try await client.send(.post, "\(base)/results/publication", token: server.admin)
            #expect(again.status == .conflict)

            let read = try await client.send(.get, "\(base)/published-result")
            #expect(read.string("rule") == published.string("rule"))
            let export = try await client.send(.get, "\(base)/pabulib", token: server.alice)
            #expect(export.string("pabulib")?.contains("PROJECTS") == true)
            let status = try await client.send(.get, "/tenants/demo/propositions/\(server.seed.projectIDs[0])")
            #expect(status.string("status") == "retained")
        }
    }

    @Test func publicDraw() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let body = #"{"seed":"conseil-2026","list":["a","b","c","d"],"count":2}"#
            let first = try await client.send(.post, "/public-draw", json: body)
            #expect(first.json["winners"]?.arrayValue?.count == 2)
            let second = try await client.send(.post, "/public-draw", json: body)
            #expect(first.json["winners"] == second.json["winners"])
            let expected = try PublicDraw.draw(seed: "conseil-2026", from: ["a", "b", "c", "d"], count: 2)
            #expect(first.json["winners"] == .array(expected.map(JSONValue.string)))
            let tooMany = try await client.send(.post, "/public-draw", json: #"{"seed":"s","list":["a"],"count":2}"#)
            #expect(tooMany.errorField == "count")
        }
    }

    @Test func realisationStatisticsOpenDataAndArchive() async throws {
        let server = try await TestServer()
        let base = "/tenants/demo/processes/\(server.seed.budgetID)"
        let project = "/tenants/demo/propositions/\(server.seed.projectIDs[0])"
        try await server.test { client in
            try await closedVote(server, client)
            let notRetained = try await client.send(
                .post, "\(project)/realisation-events", token: server.official, json: #"{"kind":"study","on":"2026-09-01T00:00:00Z"}"#)
            #expect(notRetained.errorField == "status")
            try await client.send(.post, "\(base)/results/publication", token: server.admin)

            let step = try await client.send(
                .post, "\(project)/realisation-events", token: server.official,
                json: #"{"kind":"worksStarted","on":"2026-10-01T00:00:00Z","progressPercent":10,"spentToDate":2000000}"#)
            #expect(step.status == .created)
            #expect(step.string("state") == "underway")
            let backwards = try await client.send(
                .post, "\(project)/realisation-events", token: server.official,
                json: #"{"kind":"progressUpdate","on":"2026-11-01T00:00:00Z","progressPercent":5}"#)
            #expect(backwards.errorField == "progressPercent")
            let citizen = try await client.send(
                .post, "\(project)/realisation-events", token: server.alice, json: #"{"kind":"study","on":"2026-09-01T00:00:00Z"}"#)
            #expect(citizen.status == .forbidden)
            let timeline = try await client.send(.get, "\(project)/realisation")
            #expect(timeline.json["events"]?.arrayValue?.count == 1)
            #expect(timeline.json["spent"] == .number(2_000_000))

            let statistics = try await client.send(.get, "\(base)/statistics", token: server.admin)
            #expect(statistics.json["ballotsByChannel"]?["online"] == .number(2))
            let citizenStatistics = try await client.send(.get, "\(base)/statistics", token: server.alice)
            #expect(citizenStatistics.status == .forbidden)
            let representativeness = try await client.send(
                .post, "\(base)/representativeness", token: server.official,
                json: #"{"byDistrict":{"centre":1000,"nord":800,"sud":700},"byAge":[{"from":16,"to":34,"eligible":900},{"from":35,"eligible":1600}],"on":"2026-06-01T00:00:00Z"}"#)
            #expect(representativeness.json["byDistrict"]?["groups"]?.arrayValue?.count == 3)
            let negative = try await client.send(.post, "\(base)/representativeness", token: server.official, json: #"{"byDistrict":{"centre":-1}}"#)
            #expect(negative.status == .unprocessableContent)

            let openData = try await client.send(
                .post, "\(base)/open-data", token: server.admin, json: #"{"secret":"un secret de la commune","minimumGroupSize":2}"#)
            #expect(openData.status == .ok)
            #expect(openData.json["tables"]?.arrayValue?.isEmpty == false)
            let shortSecret = try await client.send(.post, "\(base)/open-data", token: server.admin, json: #"{"secret":"court"}"#)
            #expect(shortSecret.errorField == "secret")

            let archived = try await client.send(.post, "\(base)/archive", token: server.admin, json: #"{"retentionDays":365}"#)
            #expect(archived.status == .ok)
            let twice = try await client.send(.post, "\(base)/archive", token: server.admin, json: "{}")
            #expect(twice.errorCode == "process_archived")
            #expect(twice.status == .conflict)
        }
    }

    @Test func countWithoutPublishing() async throws {
        let server = try await TestServer()
        let base = "/tenants/demo/processes/\(server.seed.budgetID)"
        try await server.test { client in
            let open = try await client.send(.get, "\(base)/count", token: server.admin)
            #expect(open.status == .conflict)
            #expect(open.errorCode == "invalid_transition")
            try await closedVote(server, client)

            let counted = try await client.send(.get, "\(base)/count", token: server.admin)
            #expect(counted.status == .ok)
            #expect(counted.json["rule"] == nil)
            let scope = try #require(counted.json["scopes"]?.arrayValue?.first)
            #expect(scope["ballots"] == .number(2))
            #expect(scope["selected"]?.arrayValue?.contains(.string(server.seed.projectIDs[0].rawValue)) == true)
            let phragmen = try await client.send(.get, "\(base)/count?rule=phragmen", token: server.admin)
            #expect(phragmen.string("rule") == "phragmen")
            #expect(phragmen.json["scopes"]?.arrayValue?.first?["ballots"] == .number(2))

            let unknownRule = try await client.send(.get, "\(base)/count?rule=borda", token: server.admin)
            #expect(unknownRule.status == .badRequest)
            #expect(unknownRule.errorField == "rule")
            let citizen = try await client.send(.get, "\(base)/count", token: server.alice)
            #expect(citizen.status == .forbidden)
            let anonymous = try await client.send(.get, "\(base)/count")
            #expect(anonymous.status == .unauthorized)
            let nowhere = try await client.send(.get, "/tenants/demo/processes/nowhere/count", token: server.admin)
            #expect(nowhere.status == .notFound)
            // Counting published nothing.
            let hidden = try await client.send(.get, "\(base)/published-result")
            #expect(hidden.errorCode == "results_not_public")
        }
    }
}
