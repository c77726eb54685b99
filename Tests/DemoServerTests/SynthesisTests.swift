import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct SynthesisTests {
    @Test func draftValidatePublishAndCitations() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        let base = "/tenants/demo/processes/\(process)"
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let created = try await client.send(
                .post, "\(base)/syntheses", token: server.official, json: #"{"title":"Ce que nous avons entendu"}"#)
            #expect(created.status == .created)
            #expect(created.string("state") == "draft")
            let synthesis = try #require(created.string("id"))

            let points = #"{"title":"Ce que nous avons entendu","introduction":"Merci.","points":[{"id":"p1","title":"Compost","body":"Demandé.","citations":["proposition:\#(id)"]}]}"#
            let edited = try await client.send(.put, "/tenants/demo/syntheses/\(synthesis)", token: server.official, json: points)
            #expect(edited.status == .ok)
            #expect(edited.json["points"]?.arrayValue?.first?["citations"] == .array([.string("proposition:\(id)")]))
            #expect(try await client.send(.get, "\(base)/syntheses").json["items"] == .array([]))
            let staffList = try await client.send(.get, "\(base)/all-syntheses", token: server.admin)
            #expect(staffList.json["items"]?.arrayValue?.count == 1)

            let validated = try await client.send(.post, "/tenants/demo/syntheses/\(synthesis)/validation", token: server.official)
            #expect(validated.string("state") == "validated")
            let twice = try await client.send(.post, "/tenants/demo/syntheses/\(synthesis)/validation", token: server.official)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "invalid_transition")
            let published = try await client.send(.post, "/tenants/demo/syntheses/\(synthesis)/publication", token: server.admin)
            #expect(published.string("state") == "published")
            #expect(published.json["publishedAt"] != nil)

            let list = try await client.send(.get, "\(base)/syntheses")
            #expect(list.json["items"]?.arrayValue?.map { $0["id"] } == [.string(synthesis)])
            let citations = try await client.send(.get, "\(base)/citations?contribution=proposition:\(id)")
            #expect(citations.json["items"]?.arrayValue?.first?["synthesisID"] == .string(synthesis))
            #expect(citations.json["items"]?.arrayValue?.first?["point"]?["id"] == .string("p1"))
            let frozen = try await client.send(.put, "/tenants/demo/syntheses/\(synthesis)", token: server.official, json: points)
            #expect(frozen.status == .conflict)
        }
    }

    @Test func refusalsChangeNothing() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        let base = "/tenants/demo/processes/\(process)"
        try await server.test { client in
            let anonymous = try await client.send(.post, "\(base)/syntheses", json: #"{"title":"Synthèse"}"#)
            #expect(anonymous.status == .unauthorized)
            let citizen = try await client.send(.post, "\(base)/syntheses", token: server.alice, json: #"{"title":"Synthèse"}"#)
            #expect(citizen.status == .forbidden)
            let noProcess = try await client.send(
                .post, "/tenants/demo/processes/nowhere/syntheses", token: server.official, json: #"{"title":"Synthèse"}"#)
            #expect(noProcess.status == .notFound)
            let blank = try await client.send(.post, "\(base)/syntheses", token: server.official, json: #"{"title":"  "}"#)
            #expect(blank.status == .unprocessableContent)
            #expect(blank.errorField == "title")
            let unknownField = try await client.send(
                .post, "\(base)/syntheses", token: server.official, json: #"{"title":"Synthèse","state":"published"}"#)
            #expect(unknownField.status == .badRequest)
            let none = try await client.send(.get, "\(base)/all-syntheses", token: server.admin)
            #expect(none.json["items"] == .array([]))

            let created = try await client.send(.post, "\(base)/syntheses", token: server.official, json: #"{"title":"Synthèse"}"#)
            let synthesis = try #require(created.string("id"))
            let path = "/tenants/demo/syntheses/\(synthesis)"
            let badForm = try await client.send(
                .put, path, token: server.official,
                json: #"{"title":"Synthèse","points":[{"id":"p1","title":"T","body":"B","citations":["idea:1"]}]}"#)
            #expect(badForm.status == .badRequest)
            #expect(badForm.errorField == "points[0].citations")
            let notPublic = try await client.send(
                .put, path, token: server.official,
                json: #"{"title":"Synthèse","points":[{"id":"p1","title":"T","body":"B","citations":["comment:nope"]}]}"#)
            #expect(notPublic.status == .unprocessableContent)
            #expect(notPublic.errorField == "points[0].citations")
            let citizenEdit = try await client.send(
                .put, path, token: server.alice, json: #"{"title":"Autre","points":[]}"#)
            #expect(citizenEdit.status == .forbidden)
            let unchanged = try await client.send(.get, "\(base)/all-syntheses", token: server.official)
            #expect(unchanged.json["items"]?.arrayValue?.first?["revision"] == created.json["revision"])
            #expect(unchanged.json["items"]?.arrayValue?.first?["title"] == .string("Synthèse"))

            let empty = try await client.send(.post, "\(path)/validation", token: server.official)
            #expect(empty.errorCode == "invalid_transition")
            let notValidated = try await client.send(.post, "\(path)/publication", token: server.admin)
            #expect(notValidated.status == .conflict)
            let citizenValidates = try await client.send(.post, "\(path)/validation", token: server.alice)
            #expect(citizenValidates.status == .forbidden)
            let missing = try await client.send(.post, "/tenants/demo/syntheses/nope/validation", token: server.official)
            #expect(missing.status == .notFound)
            let citizenList = try await client.send(.get, "\(base)/all-syntheses", token: server.alice)
            #expect(citizenList.status == .forbidden)
            let anonymousList = try await client.send(.get, "\(base)/all-syntheses")
            #expect(anonymousList.status == .unauthorized)

            let noContribution = try await client.send(.get, "\(base)/citations")
            #expect(noContribution.status == .badRequest)
            #expect(noContribution.errorField == "contribution")
            let otherProcess = try await client.send(.get, "/tenants/demo/processes/nowhere/citations?contribution=comment:x")
            #expect(otherProcess.status == .notFound)
            let nowhere = try await client.send(.get, "/tenants/demo/processes/nowhere/syntheses")
            #expect(nowhere.status == .notFound)
        }
    }
}
