import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct NotificationTests {
    @Test func followNewsAndTheHostsOutbox() async throws {
        let server = try await TestServer()
        let budget = server.seed.budgetID.rawValue
        let host = TestServer.hostToken
        try await server.test { client in
            try await client.send(
                .put, "/tenants/demo/me/consents", token: server.alice, json: #"{"followNotifications":true,"contactReuse":false}"#)
            let follow = try await client.send(.post, "/tenants/demo/me/follows", token: server.alice, json: #"{"target":"process:\#(budget)"}"#)
            #expect(follow.status == .created)
            let badTarget = try await client.send(.post, "/tenants/demo/me/follows", token: server.alice, json: #"{"target":"planet:mars"}"#)
            #expect(badTarget.status == .badRequest)
            let frequency = try await client.send(
                .put, "/tenants/demo/me/notification-frequency", token: server.alice, json: #"{"frequency":"immediate"}"#)
            #expect(frequency.string("frequency") == "immediate")

            let citizenNews = try await client.send(
                .post, "/tenants/demo/processes/\(budget)/news", token: server.alice, json: #"{"title":"T","body":"B"}"#)
            #expect(citizenNews.status == .forbidden)
            let news = try await client.send(
                .post, "/tenants/demo/processes/\(budget)/news", token: server.admin,
                json: #"{"title":"Le vote est ouvert","body":"Jusqu'au 30 juin.","links":["https://demo.example/vote"]}"#)
            #expect(news.status == .created)
            let list = try await client.send(.get, "/tenants/demo/processes/\(budget)/news")
            #expect(list.json["items"]?.arrayValue?.count == 1)

            let anonymous = try await client.send(.get, "/tenants/demo/outbox/notifications")
            #expect(anonymous.status == .unauthorized)
            let participantToken = try await client.send(.get, "/tenants/demo/outbox/notifications", token: server.admin)
            #expect(participantToken.status == .unauthorized)
            let due = try await client.send(.get, "/tenants/demo/outbox/notifications", token: host)
            let items = due.json["items"]?.arrayValue ?? []
            #expect(items.count == 1)
            #expect(items.first?["recipientID"]?.stringValue == server.participantID("Alice"))
            let digests = try await client.send(.get, "/tenants/demo/outbox/digests", token: host)
            #expect(digests.json["items"]?.arrayValue?.first?["notifications"]?.arrayValue?.count == 1)
            let id = items.first?["id"]?.stringValue ?? ""
            let acknowledged = try await client.send(.post, "/tenants/demo/outbox/acknowledgements", token: host, json: #"{"ids":["\#(id)"]}"#)
            #expect(acknowledged.status == .ok)
            let empty = try await client.send(.get, "/tenants/demo/outbox/notifications?limit=10", token: host)
            #expect(empty.json["items"]?.arrayValue?.isEmpty == true)
            let badLimit = try await client.send(.get, "/tenants/demo/outbox/notifications?limit=0", token: host)
            #expect(badLimit.status == .badRequest)

            let unfollow = try await client.send(.delete, "/tenants/demo/me/follows?target=process:\(budget)", token: server.alice)
            #expect(unfollow.status == .ok)
        }
    }
}
