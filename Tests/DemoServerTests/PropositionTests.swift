import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct PropositionTests {
    @Test func draftPublishEditReviewAdjustWithdraw() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let draft = try await client.send(
                .post, "/tenants/demo/processes/\(process)/propositions", token: server.alice,
                json: #"{"title":"Un composteur","body":"Au pied des immeubles.","themes":["déchets"],"location":{"latitude":45.19,"longitude":5.72}}"#)
            #expect(draft.status == .created)
            #expect(draft.string("lifecycle") == "draft")
            let id = draft.string("id") ?? ""
            let hidden = try await client.send(.get, "/tenants/demo/processes/\(process)/propositions")
            #expect(hidden.json["items"]?.arrayValue?.isEmpty == true)

            let published = try await client.send(.post, "/tenants/demo/propositions/\(id)/publication", token: server.alice)
            #expect(published.string("status") == "submitted")
            let listed = try await client.send(.get, "/tenants/demo/processes/\(process)/propositions")
            #expect(listed.json["items"]?.arrayValue?.count == 1)

            let edited = try await client.send(
                .put, "/tenants/demo/propositions/\(id)", token: server.alice,
                json: #"{"title":"Deux composteurs","body":"Au pied des immeubles.","estimatedCost":300000}"#)
            #expect(edited.json["version"] == .number(2))
            let reviewed = try await client.send(
                .post, "/tenants/demo/propositions/\(id)/review", token: server.official,
                json: #"{"status":"admissible","justification":"Faisable."}"#)
            #expect(reviewed.string("status") == "admissible")
            let adjusted = try await client.send(
                .put, "/tenants/demo/propositions/\(id)/estimated-cost", token: server.official,
                json: #"{"estimatedCost":350000,"reason":"Devis du service propreté."}"#)
            #expect(adjusted.json["estimatedCost"] == .number(350_000))

            let versions = try await client.send(.get, "/tenants/demo/propositions/\(id)/versions")
            #expect(versions.json["items"]?.arrayValue?.count == 3)
            let firstPage = try await client.send(.get, "/tenants/demo/propositions/\(id)/versions?limit=2")
            #expect(firstPage.string("next") == "2")

            let withdrawn = try await client.send(
                .post, "/tenants/demo/propositions/\(id)/withdrawal", token: server.alice, json: #"{"reason":"Le bailleur s'en charge."}"#)
            #expect(withdrawn.string("lifecycle") == "withdrawn")
            let history = try await client.send(.get, "/tenants/demo/propositions/\(id)/status-history")
            #expect(history.json["items"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["draft", "submitted", "admissible", "withdrawn"])
            let read = try await client.send(.get, "/tenants/demo/propositions/\(id)")
            #expect(read.string("status") == "withdrawn")
        }
    }

    @Test func refusals() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let notAuthor = try await client.send(.post, "/tenants/demo/propositions/\(id)/withdrawal", token: server.bilal, json: #"{"reason":"non"}"#)
            #expect(notAuthor.status == .forbidden)
            let citizenReview = try await client.send(
                .post, "/tenants/demo/propositions/\(id)/review", token: server.alice, json: #"{"status":"admissible","justification":"x"}"#)
            #expect(citizenReview.status == .forbidden)
            let noReason = try await client.send(
                .post, "/tenants/demo/propositions/\(id)/review", token: server.official, json: #"{"status":"inadmissible","justification":"Non."}"#)
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.errorField == "reason")
            let twice = try await client.send(.post, "/tenants/demo/propositions/\(id)/publication", token: server.alice)
            #expect(twice.status == .conflict)
            let closedPhase = try await client.send(
                .post, "/tenants/demo/processes/\(server.seed.budgetID)/propositions", token: server.alice, json: #"{"title":"Tard","body":"Trop tard."}"#)
            #expect(closedPhase.errorCode == "action_not_allowed_in_phase")
            let unknownField = try await client.send(
                .post, "/tenants/demo/processes/\(process)/propositions", token: server.alice, json: #"{"title":"T","body":"B","cost":1}"#)
            #expect(unknownField.status == .badRequest)
            let both = try await client.send(
                .post, "/tenants/demo/processes/\(process)/propositions", token: server.alice,
                json: #"{"title":"T","body":"B","coAuthors":["x"],"collectiveID":"y"}"#)
            #expect(both.status == .badRequest)
            let missing = try await client.send(.get, "/tenants/demo/propositions/nope")
            #expect(missing.status == .notFound)
        }
    }

    @Test func transcriptionIsForAgents() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        let body = #"{"title":"Un banc","body":"Recueilli au marché.","authors":["\#(server.participantID("Bilal"))"],"source":"marketStand","place":"Marché du Cours"}"#
        try await server.test { client in
            let transcribed = try await client.send(.post, "/tenants/demo/processes/\(process)/transcriptions", token: server.official, json: body)
            #expect(transcribed.status == .created)
            #expect(transcribed.json["origin"]?["source"]?.stringValue == "marketStand")
            #expect(transcribed.string("status") == "submitted")
            let citizen = try await client.send(.post, "/tenants/demo/processes/\(process)/transcriptions", token: server.alice, json: body)
            #expect(citizen.status == .forbidden)
        }
    }

    @Test func contributionRules() async throws {
        let server = try await TestServer()
        let base = "/tenants/demo/processes/\(server.seed.budgetID)/contribution-rules"
        try await server.test { client in
            let defaults = try await client.send(.get, base)
            #expect(defaults.json["reviewingBody"]?["kind"]?.stringValue == "technicalServices")
            let set = try await client.send(
                .put, base, token: server.admin,
                json: #"{"reviewingBody":{"kind":"jointCommittee","name":"Comité"},"supports":{"quotaPerParticipant":2}}"#)
            #expect(set.status == .ok)
            let read = try await client.send(.get, base)
            #expect(read.json["supports"]?["quotaPerParticipant"] == .number(2))
            let citizen = try await client.send(.put, base, token: server.alice, json: #"{"petitionThreshold":5}"#)
            #expect(citizen.status == .forbidden)
            let invalid = try await client.send(.put, base, token: server.admin, json: #"{"petitionThreshold":0}"#)
            #expect(invalid.status == .unprocessableContent)
        }
    }
}
