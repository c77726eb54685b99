#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import Testing

extension StorageConformance {
    static func initialState(_ item: ModeratedItem) -> ModerationState {
        ModerationState(
            tenantID: ContributionFixture.tenant, item: item, processID: "bp-1", authors: ["alice"], visibility: .visible,
            since: Fixture.date)
    }

    static func report(_ item: ModeratedItem, by reporter: ParticipantID) -> ContentReport {
        ContentReport(tenantID: ContributionFixture.tenant, item: item, reporterID: reporter, reason: .spam, at: Fixture.date)
    }

    static let moderationChecks: [StorageConformanceCheck] = [
        .init("moderation: one report per participant and item; the threshold-th report hides once") { storage in
            try await ContributionFixture.populate(storage, people: 4)
            let item = ModeratedItem.proposition("p-1")
            let first = try await storage.recordReport(report(item, by: "c1"), initial: initialState(item), threshold: 3)
            #expect(first.hidItem == false)
            #expect(first.state.openReports == 1)
            #expect(first.state.revision == 1)
            await expectError(.duplicate) {
                _ = try await storage.recordReport(report(item, by: "c1"), initial: initialState(item), threshold: 3)
            }
            _ = try await storage.recordReport(report(item, by: "c2"), initial: initialState(item), threshold: 3)
            let third = try await storage.recordReport(report(item, by: "c3"), initial: initialState(item), threshold: 3)
            #expect(third.hidItem)
            #expect(third.state.visibility == .hidden)
            #expect(third.state.lastDecision?.action == .autoHide)
            let fourth = try await storage.recordReport(report(item, by: "c4"), initial: initialState(item), threshold: 3)
            #expect(fourth.hidItem == false)
            #expect(fourth.state.openReports == 4)
            #expect(try await storage.reports(on: item, in: ContributionFixture.tenant).map(\.reporterID) == ["c1", "c2", "c3", "c4"])
            #expect(try await storage.moderationState(of: item, in: ContributionFixture.tenant) == fourth.state)
            #expect(try await storage.moderationQueue(in: ContributionFixture.tenant, limit: 10) == [fourth.state])
        },
        .init("moderation: 12 simultaneous reporters store 12 reports and hide the item exactly once") { storage in
            try await ContributionFixture.populate(storage, people: 12)
            let item = ModeratedItem.proposition("p-1")
            let hides = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 1...12 {
                    group.addTask {
                        let receipt = try await storage.recordReport(
                            report(item, by: ParticipantID(rawValue: "c\(index)")), initial: initialState(item), threshold: 3)
                        return receipt.hidItem ? 1 : 0
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(hides == 1)
            let state = try await storage.moderationState(of: item, in: ContributionFixture.tenant)
            #expect(state?.openReports == 12)
            #expect(state?.revision == 12)
            #expect(try await storage.reports(on: item, in: ContributionFixture.tenant).count == 12)
        },
        .init("moderation: states update with optimistic revisions; the queue serves the oldest first") { storage in
            try await ContributionFixture.populate(storage)
            try await storage.insertComment(ContributionFixture.comment("k-1"))
            var pending = initialState(.comment("k-1"))
            pending.visibility = .pending
            pending.since = Fixture.date.addingTimeInterval(60)
            let stored = try await storage.updateModerationState(pending, audit: nil)
            #expect(stored.revision == 1)
            await expectError(.conflict) { _ = try await storage.updateModerationState(pending, audit: nil) }
            var older = initialState(.proposition("p-2"))
            older.visibility = .pending
            _ = try await storage.updateModerationState(older, audit: Fixture.audit("moderation-1"))
            _ = try await storage.updateModerationState(initialState(.proposition("p-3")), audit: nil)
            let queue = try await storage.moderationQueue(in: ContributionFixture.tenant, limit: 10)
            #expect(queue.map(\.item) == [.proposition("p-2"), .comment("k-1")])
            #expect(try await storage.moderationQueue(in: ContributionFixture.tenant, limit: 1).map(\.item) == [.proposition("p-2")])
            #expect(try await storage.moderationStates(of: "bp-1", in: ContributionFixture.tenant).count == 3)
            #expect(try await storage.auditEntries(in: ContributionFixture.tenant, subject: nil).contains { $0.id == "moderation-1" })
            var approved = stored
            approved.visibility = .visible
            #expect(try await storage.updateModerationState(approved, audit: nil).revision == 2)
            #expect(try await storage.moderationQueue(in: ContributionFixture.tenant, limit: 10).map(\.item) == [.proposition("p-2")])
        },
        .init("moderation: items, reports and blocks of another tenant are not found") { storage in
            try await ContributionFixture.populate(storage)
            let item = ModeratedItem.proposition("p-1")
            await expectError(.notFound) { _ = try await storage.moderationState(of: item, in: Fixture.tenantB.id) }
            await expectError(.notFound) { _ = try await storage.reports(on: item, in: Fixture.tenantB.id) }
            await expectError(.notFound) { _ = try await storage.moderationState(of: .opinion("p-1", by: "alice"), in: ContributionFixture.tenant) }
            await expectError(.notFound) {
                _ = try await storage.recordReport(report(item, by: "bob"), initial: initialState(item), threshold: 3)
            }
            await expectError(.notFound) {
                _ = try await storage.recordReport(report(.proposition("p-9"), by: "alice"), initial: initialState(.proposition("p-9")), threshold: 3)
            }
            #expect(try await storage.moderationQueue(in: Fixture.tenantB.id, limit: 10).isEmpty)
            await expectError(.notFound) { _ = try await storage.block(of: "alice", in: Fixture.tenantB.id) }
        },
        .init("moderation: a block is stored, replaced, listed and lifted with its audit entry") { storage in
            try await ContributionFixture.populate(storage)
            let tenant = ContributionFixture.tenant
            let soft = ParticipantBlock(tenantID: tenant, participantID: "alice", kind: .soft, justification: "insults", by: "admin", at: Fixture.date)
            try await storage.insertBlock(soft, audit: Fixture.audit("block-1", subject: "participant:alice"))
            #expect(try await storage.block(of: "alice", in: tenant) == soft)
            let hard = ParticipantBlock(tenantID: tenant, participantID: "alice", kind: .hard, justification: "again", by: "admin", at: Fixture.date)
            try await storage.insertBlock(hard, audit: Fixture.audit("block-2", subject: "participant:alice"))
            #expect(try await storage.blocks(in: tenant) == [hard])
            #expect(try await storage.blocks(in: Fixture.tenantB.id).isEmpty)
            #expect(try await storage.deleteBlock(of: "alice", in: tenant, audit: Fixture.audit("unblock-1")) == hard)
            #expect(try await storage.block(of: "alice", in: tenant) == nil)
            await expectError(.notFound) { _ = try await storage.deleteBlock(of: "alice", in: tenant, audit: Fixture.audit("unblock-2")) }
            #expect(try await storage.auditEntries(in: tenant, subject: "participant:alice").map(\.id) == ["block-1", "block-2"])
        },
    ]
}
