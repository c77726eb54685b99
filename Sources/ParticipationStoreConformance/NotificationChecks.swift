#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import Testing

extension StorageConformance {
    static func notification(
        _ id: String, event: String, to recipient: ParticipantID, due: Date = Fixture.date, in tenant: TenantID = Fixture.tenantA.id
    ) -> Notification {
        Notification(
            id: NotificationID(rawValue: id), tenantID: tenant, recipientID: recipient, eventID: EventID(rawValue: event),
            kind: .phaseOpened, summary: "Vote is open", details: ["phase": "vote"], createdAt: Fixture.date, dueAt: due,
            frequency: .immediate)
    }

    static let notificationChecks: [StorageConformanceCheck] = [
        .init("follows: idempotent, listed, per tenant; unfollow of nothing is not found") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let follow = Follow(tenantID: tenant, participantID: "alice", target: .process("bp-1"), since: Fixture.date)
            try await storage.insertFollow(follow)
            try await storage.insertFollow(follow)
            try await storage.insertFollow(Follow(tenantID: tenant, participantID: "alice", target: .theme("parks"), since: Fixture.date))
            try await storage.insertFollow(Follow(tenantID: tenant, participantID: "admin", target: .theme("parks"), since: Fixture.date))
            let mine = try await storage.follows(of: "alice", in: tenant)
            #expect(mine.map(\.target) == [.process("bp-1"), .theme("parks")])
            let followers = try await storage.followers(of: [.theme("parks"), .process("bp-1")], in: tenant)
            #expect(followers == ["admin", "alice"])
            let foreign = try await storage.followers(of: [.theme("parks")], in: Fixture.tenantB.id)
            #expect(foreign.isEmpty)
            await expectError(.notFound) {
                try await storage.insertFollow(Follow(tenantID: tenant, participantID: "bob", target: .theme("parks"), since: Fixture.date))
            }
            try await storage.deleteFollow(of: .theme("parks"), by: "alice", in: tenant)
            await expectError(.notFound) { try await storage.deleteFollow(of: .theme("parks"), by: "alice", in: tenant) }
        },
        .init("notifications: frequency defaults to immediate and is stored") { storage in
            try await Fixture.populate(storage)
            let before = try await storage.notificationFrequency(of: "alice", in: Fixture.tenantA.id)
            #expect(before == .immediate)
            try await storage.setNotificationFrequency(.weekly, of: "alice", in: Fixture.tenantA.id)
            let after = try await storage.notificationFrequency(of: "alice", in: Fixture.tenantA.id)
            #expect(after == .weekly)
            await expectError(.notFound) { try await storage.setNotificationFrequency(.none, of: "bob", in: Fixture.tenantA.id) }
        },
        .init("outbox: due in queue order, acknowledged once, replayed until acknowledged, one per event and recipient") { storage in
            try await Fixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let later = Fixture.date.addingTimeInterval(86_400)
            try await storage.enqueueNotifications([
                notification("n2", event: "e1", to: "alice"),
                notification("n1", event: "e1", to: "admin"),
                notification("n3", event: "e2", to: "alice", due: later),
            ])
            let due = try await storage.dueNotifications(in: tenant, at: Fixture.date, limit: 10)
            #expect(due.map(\.id) == ["n2", "n1"])
            #expect(due.first == notification("n2", event: "e1", to: "alice"))
            // A crash before acknowledging: the same notifications come back.
            let replay = try await storage.dueNotifications(in: tenant, at: Fixture.date, limit: 10)
            #expect(replay == due)
            try await storage.acknowledgeNotifications(["n2"], at: Fixture.date, in: tenant)
            try await storage.acknowledgeNotifications(["n2"], at: later, in: tenant)
            let rest = try await storage.dueNotifications(in: tenant, at: later, limit: 10)
            #expect(rest.map(\.id) == ["n1", "n3"])
            await expectError(.duplicate) { try await storage.enqueueNotifications([notification("n9", event: "e1", to: "alice")]) }
            await expectError(.notFound) { try await storage.acknowledgeNotifications(["n1", "nope"], at: later, in: tenant) }
            let unchanged = try await storage.dueNotifications(in: tenant, at: later, limit: 10)
            #expect(unchanged.map(\.id) == ["n1", "n3"])
            let otherTenant = try await storage.dueNotifications(in: Fixture.tenantB.id, at: later, limit: 10)
            #expect(otherTenant.isEmpty)
        },
        .init("outbox: a batch with one duplicate queues nothing") { storage in
            try await Fixture.populate(storage)
            try await storage.enqueueNotifications([notification("n1", event: "e1", to: "alice")])
            await expectError(.duplicate) {
                try await storage.enqueueNotifications([
                    notification("n2", event: "e2", to: "alice"), notification("n3", event: "e1", to: "alice"),
                ])
            }
            let due = try await storage.dueNotifications(in: Fixture.tenantA.id, at: Fixture.date, limit: 10)
            #expect(due.map(\.id) == ["n1"])
        },
        .init("news: stored per process, newest first") { storage in
            try await Fixture.populate(storage)
            for index in 1...2 {
                try await storage.insertNewsPost(
                    NewsPost(
                        id: NewsPostID(rawValue: "news-\(index)"), tenantID: Fixture.tenantA.id, processID: "bp-1",
                        title: "Compte-rendu \(index)", body: "…", links: ["https://example.org/video"], authorID: "admin",
                        publishedAt: Fixture.date))
            }
            let posts = try await storage.newsPosts(of: "bp-1", in: Fixture.tenantA.id)
            #expect(posts.map(\.id) == ["news-2", "news-1"])
            await expectError(.notFound) {
                try await storage.insertNewsPost(
                    NewsPost(id: "x", tenantID: Fixture.tenantA.id, processID: "nope", title: "t", body: "b", links: [], authorID: "admin", publishedAt: Fixture.date))
            }
        },
    ]
}
