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
            #expect(report.json["hidItem"] == .bool(false))
            #expect(report.json["state"] == nil, "a reporter learns nothing of the item's other reports or its authors")
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

    @Test func settingsAreSetBeforeAPhaseOpens() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let created = try await client.send(
                .post, "/tenants/demo/processes", token: server.admin,
                json: #"{"kind":"consultation","title":"Essai","phases":[{"id":"open","name":"Ouvert","kind":"consultation","allowedActions":["comment"]}]}"#)
            let process = try #require(created.string("id"))
            #expect(created.json["moderation"]?["mode"] == .string("postModeration"))
            let path = "/tenants/demo/processes/\(process)/moderation-settings"
            let set = try await client.send(.put, path, token: server.admin, json: #"{"mode":"preModeration","reportThreshold":2}"#)
            #expect(set.status == .ok)
            #expect(set.json["moderation"]?["mode"] == .string("preModeration"))
            #expect(set.json["moderation"]?["reportThreshold"] == .number(2))

            let zero = try await client.send(.put, path, token: server.admin, json: #"{"mode":"postModeration","reportThreshold":0}"#)
            #expect(zero.status == .unprocessableContent)
            #expect(zero.errorField == "reportThreshold")
            let badMode = try await client.send(.put, path, token: server.admin, json: #"{"mode":"none","reportThreshold":2}"#)
            #expect(badMode.status == .badRequest)
            let citizen = try await client.send(.put, path, token: server.alice, json: #"{"mode":"postModeration","reportThreshold":2}"#)
            #expect(citizen.status == .forbidden)
            let anonymous = try await client.send(.put, path, json: #"{"mode":"postModeration","reportThreshold":2}"#)
            #expect(anonymous.status == .unauthorized)
            let nowhere = try await client.send(
                .put, "/tenants/demo/processes/nowhere/moderation-settings", token: server.admin,
                json: #"{"mode":"postModeration","reportThreshold":2}"#)
            #expect(nowhere.status == .notFound)
            let read = try await client.send(.get, "/tenants/demo/processes/\(process)")
            #expect(read.json["moderation"]?["mode"] == .string("preModeration"))
            #expect(read.json["moderation"]?["reportThreshold"] == .number(2))

            // The seeded petition process has an open phase: its mode is locked.
            let locked = try await client.send(
                .put, "/tenants/demo/processes/\(server.seed.petitionProcessID)/moderation-settings", token: server.admin,
                json: #"{"mode":"preModeration","reportThreshold":3}"#)
            #expect(locked.status == .conflict)
            #expect(locked.errorCode == "rules_locked")
        }
    }

    @Test func redactionRecordAndStatus() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let id = try await client.publishedProposition(in: process, by: server.alice)
            let item = "proposition:\(id)"
            try await client.send(
                .post, "/tenants/demo/moderation/reports", token: server.bilal, json: #"{"item":"\#(item)","reason":"personalData"}"#)
            let redaction = #"{"item":"\#(item)","fragment":"chaque immeuble","reason":"Adresse."}"#

            let anonymous = try await client.send(.post, "/tenants/demo/moderation/redactions", json: redaction)
            #expect(anonymous.status == .unauthorized)
            let citizen = try await client.send(.post, "/tenants/demo/moderation/redactions", token: server.bilal, json: redaction)
            #expect(citizen.status == .forbidden)
            let absent = try await client.send(
                .post, "/tenants/demo/moderation/redactions", token: server.admin,
                json: #"{"item":"\#(item)","fragment":"06 12 34 56 78","reason":"Téléphone."}"#)
            #expect(absent.status == .unprocessableContent)
            #expect(absent.errorField == "fragment")
            let missing = try await client.send(
                .post, "/tenants/demo/moderation/redactions", token: server.admin,
                json: #"{"item":"proposition:nope","fragment":"x","reason":"Adresse."}"#)
            #expect(missing.status == .notFound)
            let untouched = try await client.send(.get, "/tenants/demo/propositions/\(id)")
            #expect(untouched.string("body") == "Au pied de chaque immeuble.")

            let redacted = try await client.send(.post, "/tenants/demo/moderation/redactions", token: server.admin, json: redaction)
            #expect(redacted.status == .created)
            #expect(redacted.json["redactions"] == .number(1))
            let read = try await client.send(.get, "/tenants/demo/propositions/\(id)")
            #expect(read.string("body") == "Au pied de \(Redaction.placeholder).")

            let record = try await client.send(.get, "/tenants/demo/moderation/record?item=\(item)", token: server.admin)
            #expect(record.json["originalTexts"]?.arrayValue?.contains(.string("Au pied de chaque immeuble.")) == true)
            #expect(record.json["redactions"]?.arrayValue?.first?["fragment"] == .string("chaque immeuble"))
            #expect(record.json["reports"]?.arrayValue?.first?["reason"] == .string("personalData"))
            let citizenRecord = try await client.send(.get, "/tenants/demo/moderation/record?item=\(item)", token: server.alice)
            #expect(citizenRecord.status == .forbidden)
            let noItem = try await client.send(.get, "/tenants/demo/moderation/record", token: server.admin)
            #expect(noItem.status == .badRequest)
            #expect(noItem.errorField == "item")
            let unknown = try await client.send(.get, "/tenants/demo/moderation/record?item=comment:nope", token: server.admin)
            #expect(unknown.status == .notFound)

            let status = try await client.send(.get, "/tenants/demo/moderation/status?item=\(item)", token: server.alice)
            #expect(status.string("visibility") == "visible")
            #expect(status.json["redactedFragments"] == .number(1))
            #expect(status.string("lastAction") == "redact")
            let stranger = try await client.send(.get, "/tenants/demo/moderation/status?item=\(item)", token: server.bilal)
            #expect(stranger.status == .forbidden)
            let anonymousStatus = try await client.send(.get, "/tenants/demo/moderation/status?item=\(item)")
            #expect(anonymousStatus.status == .unauthorized)
        }
    }
}
