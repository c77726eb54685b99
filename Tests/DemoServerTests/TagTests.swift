import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct TagTests {
    @Test func staffTagListGroupAndUntag() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        let base = "/tenants/demo/processes/\(process)"
        try await server.test { client in
            let first = try await client.publishedProposition(in: process, by: server.alice)
            let second = try await client.publishedProposition(in: process, by: server.bilal, title: "Un autre composteur")
            let inexact = try await client.send(
                .post, "\(base)/tags", token: server.official, json: #"{"contribution":"proposition:\#(first)","tag":" Dechets "}"#)
            #expect(inexact.status == .unprocessableContent, "a tag is refused, not rewritten")
            #expect(inexact.errorField == "tag")
            let tagged = try await client.send(
                .post, "\(base)/tags", token: server.official, json: #"{"contribution":"proposition:\#(first)","tag":"dechets"}"#)
            #expect(tagged.status == .created)
            #expect(tagged.string("tag") == "dechets")
            #expect(tagged.json["byStaff"] == .bool(true))
            try await client.send(.post, "\(base)/tags", token: server.official, json: #"{"contribution":"proposition:\#(second)","tag":"dechets"}"#)

            let tags = try await client.send(.get, "\(base)/tags?limit=1")
            #expect(tags.json["items"]?.arrayValue?.count == 1)
            #expect(tags.string("next") != nil)
            let groups = try await client.send(.get, "\(base)/tag-groups")
            #expect(groups.json["items"]?.arrayValue?.first?["tag"] == .string("dechets"))
            #expect(groups.json["items"]?.arrayValue?.first?["contributions"]?.arrayValue?.count == 2)
            let terms = try await client.send(.get, "\(base)/shared-terms?minimumContributions=2", token: server.official)
            #expect(terms.json["items"]?.arrayValue?.contains { $0["term"] == .string("composteur") } == true)

            let removed = try await client.send(
                .delete, "\(base)/tags?contribution=proposition:\(first)&tag=dechets", token: server.official)
            #expect(removed.status == .ok)
            let after = try await client.send(.get, "\(base)/tags")
            #expect(after.json["items"]?.arrayValue?.count == 1)
            let again = try await client.send(
                .delete, "\(base)/tags?contribution=proposition:\(first)&tag=dechets", token: server.official)
            #expect(again.status == .notFound)
        }
    }

    @Test func anAdministratorLetsCitizensTag() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        let base = "/tenants/demo/processes/\(process)"
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let tag = #"{"contribution":"proposition:\#(id)","tag":"dechets"}"#
            #expect(try await client.send(.post, "\(base)/tags", token: server.bilal, json: tag).status == .forbidden)

            let anonymous = try await client.send(.put, "\(base)/citizen-tagging", json: #"{"allowed":true}"#)
            #expect(anonymous.status == .unauthorized)
            let citizen = try await client.send(.put, "\(base)/citizen-tagging", token: server.bilal, json: #"{"allowed":true}"#)
            #expect(citizen.status == .forbidden)
            let wrongType = try await client.send(.put, "\(base)/citizen-tagging", token: server.admin, json: #"{"allowed":"yes"}"#)
            #expect(wrongType.status == .badRequest)
            let nowhere = try await client.send(
                .put, "/tenants/demo/processes/nowhere/citizen-tagging", token: server.admin, json: #"{"allowed":true}"#)
            #expect(nowhere.status == .notFound)
            let process = try await client.send(.get, base)
            #expect(process.json["allowsCitizenTagging"] == .bool(false))

            let allowed = try await client.send(.put, "\(base)/citizen-tagging", token: server.admin, json: #"{"allowed":true}"#)
            #expect(allowed.status == .ok)
            #expect(allowed.json["allowsCitizenTagging"] == .bool(true))
            let citizenTag = try await client.send(.post, "\(base)/tags", token: server.bilal, json: tag)
            #expect(citizenTag.status == .created)
            #expect(citizenTag.json["byStaff"] == .bool(false))
        }
    }

    @Test func refusalsChangeNothing() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        let base = "/tenants/demo/processes/\(process)"
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let body = #"{"contribution":"proposition:\#(id)","tag":"dechets"}"#
            let anonymous = try await client.send(.post, "\(base)/tags", json: body)
            #expect(anonymous.status == .unauthorized)
            // The process does not let citizens tag.
            let citizen = try await client.send(.post, "\(base)/tags", token: server.bilal, json: body)
            #expect(citizen.status == .forbidden)
            let badForm = try await client.send(
                .post, "\(base)/tags", token: server.official, json: #"{"contribution":"idea:1","tag":"dechets"}"#)
            #expect(badForm.status == .badRequest)
            #expect(badForm.errorField == "contribution")
            let notPublic = try await client.send(
                .post, "\(base)/tags", token: server.official, json: #"{"contribution":"proposition:nope","tag":"dechets"}"#)
            #expect(notPublic.status == .notFound)
            #expect(notPublic.errorField == "contribution")
            let blank = try await client.send(
                .post, "\(base)/tags", token: server.official, json: #"{"contribution":"proposition:\#(id)","tag":" "}"#)
            #expect(blank.errorField == "tag")
            let noProcess = try await client.send(.post, "/tenants/demo/processes/nowhere/tags", token: server.official, json: body)
            #expect(noProcess.status == .notFound)
            #expect(try await client.send(.get, "\(base)/tags").json["items"] == .array([]))

            try await client.send(.post, "\(base)/tags", token: server.official, json: body)
            let duplicate = try await client.send(.post, "\(base)/tags", token: server.official, json: body)
            #expect(duplicate.status == .conflict)
            let noTag = try await client.send(.delete, "\(base)/tags?contribution=proposition:\(id)", token: server.official)
            #expect(noTag.status == .badRequest)
            #expect(noTag.errorField == "tag")
            let notTheirs = try await client.send(.delete, "\(base)/tags?contribution=proposition:\(id)&tag=dechets", token: server.bilal)
            #expect(notTheirs.status == .notFound)
            #expect(try await client.send(.get, "\(base)/tags").json["items"]?.arrayValue?.count == 1)

            let citizenTerms = try await client.send(.get, "\(base)/shared-terms", token: server.alice)
            #expect(citizenTerms.status == .forbidden)
            let anonymousTerms = try await client.send(.get, "\(base)/shared-terms")
            #expect(anonymousTerms.status == .unauthorized)
            let badMinimum = try await client.send(.get, "\(base)/shared-terms?minimumContributions=two", token: server.official)
            #expect(badMinimum.status == .badRequest)
            let nowhereTerms = try await client.send(.get, "/tenants/demo/processes/nowhere/shared-terms", token: server.official)
            #expect(nowhereTerms.status == .notFound)
            #expect(try await client.send(.get, "/tenants/demo/processes/nowhere/tags").status == .notFound)
            #expect(try await client.send(.get, "/tenants/demo/processes/nowhere/tag-groups").status == .notFound)
        }
    }
}
