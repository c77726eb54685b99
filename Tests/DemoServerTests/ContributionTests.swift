import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct ContributionTests {
    @Test func supportsAndTally() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let support = try await client.send(.post, "/tenants/demo/propositions/\(id)/support", token: server.bilal)
            #expect(support.status == .created)
            #expect(support.json["propositionSupports"] == .number(1))
            let again = try await client.send(.post, "/tenants/demo/propositions/\(id)/support", token: server.bilal)
            #expect(again.status == .conflict)
            let tally = try await client.send(.get, "/tenants/demo/processes/\(process)/support-tally")
            #expect(tally.json["items"]?.arrayValue?.first?["supports"] == .number(1))
            let withdrawn = try await client.send(.delete, "/tenants/demo/propositions/\(id)/support", token: server.bilal)
            #expect(withdrawn.status == .ok)
            let none = try await client.send(.delete, "/tenants/demo/propositions/\(id)/support", token: server.bilal)
            #expect(none.status == .notFound)
            let voting = try await client.send(.post, "/tenants/demo/propositions/\(server.seed.projectIDs[0])/support", token: server.bilal)
            #expect(voting.errorCode == "action_not_allowed_in_phase")
        }
    }

    @Test func opinions() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let first = try await client.send(.put, "/tenants/demo/propositions/\(id)/my-opinion", token: server.bilal, json: #"{"stance":"for"}"#)
            #expect(first.status == .ok)
            #expect(first.json["replaced"] == nil || first.json["replaced"] == .null)
            let second = try await client.send(
                .put, "/tenants/demo/propositions/\(id)/my-opinion", token: server.bilal, json: #"{"stance":"against","argument":"Trop cher."}"#)
            #expect(second.json["replaced"]?["stance"]?.stringValue == "for")
            let list = try await client.send(.get, "/tenants/demo/propositions/\(id)/opinions")
            #expect(list.json["items"]?.arrayValue?.map { $0["stance"]?.stringValue } == ["against"])
            let badStance = try await client.send(.put, "/tenants/demo/propositions/\(id)/my-opinion", token: server.bilal, json: #"{"stance":"maybe"}"#)
            #expect(badStance.status == .badRequest)
        }
    }

    @Test func commentThreadsVotesAndOfficialAnswers() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let comment = try await client.send(
                .post, "/tenants/demo/processes/\(process)/comments", token: server.alice,
                json: #"{"subject":"proposition:\#(id)","body":"Qui s'en occupe ?","stance":"neutral"}"#)
            #expect(comment.status == .created)
            let commentID = comment.string("id") ?? ""
            let reply = try await client.send(
                .post, "/tenants/demo/processes/\(process)/comments", token: server.bilal,
                json: #"{"subject":"proposition:\#(id)","body":"Le conseil de quartier.","parentID":"\#(commentID)"}"#)
            #expect(reply.status == .created)
            let threads = try await client.send(.get, "/tenants/demo/processes/\(process)/comments?subject=proposition:\(id)")
            #expect(threads.json["items"]?.arrayValue?.count == 1)
            #expect(threads.json["items"]?.arrayValue?.first?["replies"]?.arrayValue?.count == 1)
            let processLevel = try await client.send(.get, "/tenants/demo/processes/\(process)/comments")
            #expect(processLevel.json["items"]?.arrayValue?.isEmpty == true)

            let vote = try await client.send(.put, "/tenants/demo/comments/\(commentID)/my-vote", token: server.bilal, json: #"{"value":"up"}"#)
            #expect(vote.json["up"] == .number(1))
            let revote = try await client.send(.put, "/tenants/demo/comments/\(commentID)/my-vote", token: server.bilal, json: #"{"value":"down"}"#)
            #expect(revote.json["up"] == .number(0))
            let counts = try await client.send(.get, "/tenants/demo/comments/\(commentID)/votes")
            #expect(counts.json["down"] == .number(1))

            let answer = try await client.send(
                .post, "/tenants/demo/processes/\(process)/official-answers", token: server.official,
                json: #"{"subject":"proposition:\#(id)","body":"La mairie fournit les bacs.","onBehalfOf":"Service propreté"}"#)
            #expect(answer.status == .created)
            #expect(answer.string("role") == "official")
            let citizen = try await client.send(
                .post, "/tenants/demo/processes/\(process)/official-answers", token: server.alice, json: #"{"subject":"process","body":"x"}"#)
            #expect(citizen.status == .forbidden)
            let answers = try await client.send(.get, "/tenants/demo/processes/\(process)/official-answers?subject=proposition:\(id)")
            #expect(answers.json["items"]?.arrayValue?.count == 1)

            let badSubject = try await client.send(.get, "/tenants/demo/processes/\(process)/comments?subject=idea:1")
            #expect(badSubject.status == .badRequest)
            let closed = try await client.send(
                .post, "/tenants/demo/processes/\(server.seed.budgetID)/comments", token: server.alice, json: #"{"subject":"process","body":"x"}"#)
            #expect(closed.errorCode == "action_not_allowed_in_phase")
        }
    }
}
