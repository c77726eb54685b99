import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct ModerationTests {
    @Test func reportQueueDecideAndBlock() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let report = try await client.send(
                .post, "/tenants/demo/moderation/reports", token: server.bilal, json: #"{"item":"proposition:\#(id)","reason":"spam"}"#)
            #expect(report.status == .created)
            #expect(report.json["state"]?["openReports"] == .number(1))
            let noNote = try await client.send(
                .post, "/tenants/demo/moderation/reports", token: server.bilal, json: #"{"item":"proposition:\#(id)","reason":"other"}"#)
            #expect(noNote.errorField == "note")
            let badItem = try await client.send(
                .post, "/tenants/demo/moderation/reports", token: server.bilal, json: #"{"item":"idea:1","reason":"spam"}"#)
            #expect(badItem.status == .badRequest)

            let citizenQueue = try await client.send(.get, "/tenants/demo/moderation/queue", token: server.alice)
            #expect(citizenQueue.status == .forbidden)
            let queue = try await client.send(.get, "/tenants/demo/moderation/queue", token: server.admin)
            #expect(queue.json["items"]?.arrayValue?.contains { $0["item"]?.stringValue == "proposition:\(id)" } == true)

            let hidden = try await client.send(
                .post, "/tenants/demo/moderation/decisions", token: server.admin,
                json: #"{"item":"proposition:\#(id)","decision":"hide","reason":"Publicité."}"#)
            #expect(hidden.string("visibility") == "hidden")
            let listed = try await client.send(.get, "/tenants/demo/processes/\(process)/propositions")
            #expect(listed.json["items"]?.arrayValue?.contains { $0["id"]?.stringValue == id } == false)
            let citizenDecision = try await client.send(
                .post, "/tenants/demo/moderation/decisions", token: server.alice,
                json: #"{"item":"proposition:\#(id)","decision":"restore","reason":"Non."}"#)
            #expect(citizenDecision.status == .forbidden)
            let restored = try await client.send(
                .post, "/tenants/demo/moderation/decisions", token: server.admin,
                json: #"{"item":"proposition:\#(id)","decision":"restore","reason":"Erreur."}"#)
            #expect(restored.string("visibility") == "visible")

            let bilal = server.participantID("Bilal")
            let block = try await client.send(
                .post, "/tenants/demo/participants/\(bilal)/block", token: server.admin,
                json: #"{"kind":"hard","justification":"Insultes répétées."}"#)
            #expect(block.status == .created)
            let blocked = try await client.send(.post, "/tenants/demo/propositions/\(id)/support", token: server.bilal)
            #expect(blocked.errorCode == "participant_blocked")
            let lifted = try await client.send(
                .delete, "/tenants/demo/participants/\(bilal)/block", token: server.admin, json: #"{"reason":"Excuses faites."}"#)
            #expect(lifted.status == .ok)
            let supports = try await client.send(.post, "/tenants/demo/propositions/\(id)/support", token: server.bilal)
            #expect(supports.status == .created)
        }
    }
}
