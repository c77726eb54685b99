import Foundation
import Participation
import Testing

@Suite("Follows, notifications and news")
struct NotificationTests {
    /// A world with a budget process and two citizens: one who consents to notifications and
    /// follows the process, one who follows without consenting.
    struct Setup {
        let world: TestWorld
        let process: ParticipatoryProcess
        let follower: Caller
        let silent: Caller

        init() async throws {
            world = try await TestWorld()
            process = try await world.budgetProcess()
            let follower = try await world.service.registerParticipant(
                in: world.tenant.id, displayName: "Alice", consents: Consents(followNotifications: true))
            let silent = try await world.service.registerParticipant(in: world.tenant.id, displayName: "Bob")
            self.follower = Caller(tenantID: world.tenant.id, participantID: follower.id)
            self.silent = Caller(tenantID: world.tenant.id, participantID: silent.id)
            _ = try await world.service.follow(.process(process.id), by: self.follower)
            _ = try await world.service.follow(.process(process.id), by: self.silent)
        }
    }

    @Test func followersWithConsentHearOfPhasesOthersDoNot() async throws {
        let setup = try await Setup()
        _ = try await setup.world.service.openPhase("submission", of: setup.process.id, by: setup.world.admin)
        let due = try await setup.world.service.dueNotifications(in: setup.world.tenant.id)
        #expect(due.map(\.recipientID) == [setup.follower.participantID])
        #expect(due.first?.kind == .phaseOpened)
        #expect(due.first?.summary == "Budget participatif 2026: Dépôt is open")
    }

    @Test func deliveryIsAtLeastOnceUntilAcknowledged() async throws {
        let setup = try await Setup()
        let service = setup.world.service
        _ = try await service.openPhase("submission", of: setup.process.id, by: setup.world.admin)
        let first = try await service.dueNotifications(in: setup.world.tenant.id)
        // The host crashes before acknowledging: it reads the same notifications, same keys.
        let afterCrash = try await service.dueNotifications(in: setup.world.tenant.id)
        #expect(afterCrash == first)
        #expect(afterCrash.map(\.idempotencyKey) == first.map(\.idempotencyKey))
        try await service.acknowledgeNotifications(first.map(\.id), in: setup.world.tenant.id)
        try await service.acknowledgeNotifications(first.map(\.id), in: setup.world.tenant.id)
        let none = try await service.dueNotifications(in: setup.world.tenant.id)
        #expect(none.isEmpty)
    }

    @Test func digestsWaitForTheirScheduleAndGroupByRecipient() async throws {
        let setup = try await Setup()
        let service = setup.world.service
        try await service.setNotificationFrequency(.daily, by: setup.follower)
        _ = try await service.openPhase("submission", of: setup.process.id, by: setup.world.admin)
        _ = try await service.closePhase("submission", of: setup.process.id, by: setup.world.admin)
        let now = try await service.dueDigests(in: setup.world.tenant.id)
        #expect(now.isEmpty)
        setup.world.clock.advance(by: 86_400)  // past the next midnight UTC
        let digests = try await service.dueDigests(in: setup.world.tenant.id)
        #expect(digests.count == 1)
        #expect(digests.first?.recipientID == setup.follower.participantID)
        #expect(digests.first?.frequency == .daily)
        #expect(digests.first?.notifications.map(\.kind) == [.phaseOpened, .phaseClosed])
    }

    @Test func frequencyNoneAndUnfollowStopNotifications() async throws {
        let setup = try await Setup()
        let service = setup.world.service
        try await service.setNotificationFrequency(.none, by: setup.follower)
        _ = try await service.openPhase("submission", of: setup.process.id, by: setup.world.admin)
        #expect(try await service.dueNotifications(in: setup.world.tenant.id).isEmpty)
        try await service.setNotificationFrequency(.immediate, by: setup.follower)
        try await service.unfollow(.process(setup.process.id), by: setup.follower)
        _ = try await service.closePhase("submission", of: setup.process.id, by: setup.world.admin)
        #expect(try await service.dueNotifications(in: setup.world.tenant.id).isEmpty)
    }

    @Test func newsReachesFollowersAndOnlyStaffPublish() async throws {
        let setup = try await Setup()
        let service = setup.world.service
        let post = try await service.publishNews(
            title: "Compte-rendu de l'atelier", body: "Les idées retenues…", links: ["https://example.org/podcast"],
            on: setup.process.id, by: setup.world.admin)
        let news = try await service.news(of: setup.process.id, in: setup.world.tenant.id)
        #expect(news == [post])
        let due = try await service.dueNotifications(in: setup.world.tenant.id)
        #expect(due.map(\.kind) == [.newsPublished])
        let refused = await participationError {
            _ = try await service.publishNews(title: "x", body: "y", on: setup.process.id, by: setup.follower)
        }
        #expect(refused?.code == .forbidden)
    }

    @Test func nothingCrossesTenants() async throws {
        let setup = try await Setup()
        let service = setup.world.service
        let lyon = try await service.createTenant(id: "lyon", name: "Lyon", kind: .commune)
        let lyonAdmin = try await service.bootstrapAdministrator(in: lyon.id, displayName: "Admin")
        _ = try await service.openPhase("submission", of: setup.process.id, by: setup.world.admin)
        let lyonDue = try await service.dueNotifications(in: lyon.id)
        #expect(lyonDue.isEmpty)
        let foreignFollow = await participationError {
            _ = try await service.follow(.process(setup.process.id), by: Caller(tenantID: setup.world.tenant.id, participantID: lyonAdmin.id))
        }
        #expect(foreignFollow?.code == .notFound)
    }
}
