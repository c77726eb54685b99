import Foundation
import Participation
import Testing

@Suite("Moderation")
struct ModerationTests {
    struct Setup {
        let world: TestWorld
        let process: ParticipatoryProcess
        let moderator: Caller
        let alice: Caller
    }

    static func setup(_ settings: ModerationSettings = ModerationSettings()) async throws -> Setup {
        let world = try await TestWorld()
        let created = try await world.service.createProcess(
            kind: .consultation, title: "Consultation",
            phases: [Phase(id: "open", name: "Open", kind: .consultation, allowedActions: [.submit, .comment, .support, .opine, .sign])],
            requiresCharter: false, by: world.admin)
        _ = try await world.service.setModerationSettings(settings, of: created.id, by: world.admin)
        let process = try await world.service.openPhase("open", of: created.id, by: world.admin)
        return Setup(
            world: world, process: process, moderator: try await world.staff("Modératrice", roles: [.moderator]),
            alice: try await consenting(world, "Alice"))
    }

    /// A citizen who agreed to hear from the platform.
    static func consenting(_ world: TestWorld, _ name: String) async throws -> Caller {
        let participant = try await world.service.registerParticipant(
            in: world.tenant.id, displayName: name, profile: TestWorld.adultResident, consents: Consents(followNotifications: true))
        return Caller(tenantID: world.tenant.id, participantID: participant.id)
    }

    @Test func preModerationKeepsContentPendingUntilApproved() async throws {
        let s = try await Self.setup(ModerationSettings(mode: .preModeration))
        let proposition = try await s.world.published(in: s.process, by: s.alice)
        s.world.clock.advance(by: 60)
        let comment = try await s.world.service.postComment(on: .process, of: s.process.id, body: "Bonjour", by: s.alice)
        let tenant = s.world.tenant.id
        #expect(await participationError { _ = try await s.world.service.proposition(proposition.id, in: tenant) }?.code == .notFound)
        #expect(try await s.world.service.commentThreads(on: .process, of: s.process.id, in: tenant).isEmpty)
        #expect(try await s.world.service.moderationStatus(of: .proposition(proposition.id), by: s.alice).visibility == .pending)
        let queue = try await s.world.service.moderationQueue(by: s.moderator)
        #expect(queue.pendingCount == 2)
        #expect(queue.items.map(\.item) == [.proposition(proposition.id), .comment(comment.id)])
        try await s.world.service.approve(.proposition(proposition.id), reason: "conforme à la charte", by: s.moderator)
        #expect(try await s.world.service.proposition(proposition.id, in: tenant).title == proposition.title)
        #expect(try await s.world.service.moderationQueue(by: s.moderator).pendingCount == 1)
        let locked = await participationError {
            _ = try await s.world.service.setModerationSettings(ModerationSettings(mode: .postModeration), of: s.process.id, by: s.world.admin)
        }
        #expect(locked?.code == .rulesLocked)
    }

    @Test func postModerationIsPublicAtOnceAndAHiddenCommentsRepliesStayUnderAPlaceholder() async throws {
        let s = try await Self.setup()
        let bob = try await s.world.citizen("Bob")
        let root = try await s.world.service.postComment(on: .process, of: s.process.id, body: "Propos injurieux", by: s.alice)
        let reply = try await s.world.service.postComment(on: .process, of: s.process.id, body: "Restons courtois", replyingTo: root.id, by: bob)
        let tenant = s.world.tenant.id
        #expect(try await s.world.service.commentThreads(on: .process, of: s.process.id, in: tenant).first?.comment?.body == "Propos injurieux")
        try await s.world.service.hide(.comment(root.id), reason: "incivilité", by: s.moderator)
        let threads = try await s.world.service.commentThreads(on: .process, of: s.process.id, in: tenant)
        #expect(threads.count == 1)
        #expect(threads[0].isPlaceholder)
        #expect(threads[0].replies.map(\.comment?.body) == ["Restons courtois"])
        #expect(await participationError { _ = try await s.world.service.commentVoteCount(of: root.id, in: tenant) }?.code == .notFound)
        let entries = try await s.world.service.auditLog(by: s.world.admin).filter { $0.action == "moderation.hide" }
        #expect(entries.map(\.reason) == ["incivilité"])
        let owner = try await s.world.service.dueNotifications(in: tenant).filter { $0.kind == .contentHidden }
        #expect(owner.map(\.recipientID) == [s.alice.participantID])
        try await s.world.service.restore(.comment(root.id), reason: "erreur", by: s.moderator)
        #expect(try await s.world.service.commentThreads(on: .process, of: s.process.id, in: tenant)[0].comment?.id == root.id)
        _ = reply
    }

    @Test func theThresholdthReportHidesPendingAModeratorAndDismissingRestores() async throws {
        let s = try await Self.setup(ModerationSettings(mode: .postModeration, reportThreshold: 3))
        let proposition = try await s.world.published(in: s.process, by: s.alice)
        let item = ModeratedItem.proposition(proposition.id)
        var reporters: [Caller] = []
        for index in 1...3 { reporters.append(try await s.world.citizen("R\(index)")) }
        let other = await participationError { _ = try await s.world.service.report(item, reason: .other, by: reporters[0]) }
        #expect(other?.field == "note")
        let own = await participationError { _ = try await s.world.service.report(item, reason: .spam, by: s.alice) }
        #expect(own?.code == .invalidInput)
        #expect(try await s.world.service.report(item, reason: .spam, by: reporters[0]).hidItem == false)
        let twice = await participationError { _ = try await s.world.service.report(item, reason: .offTopic, by: reporters[0]) }
        #expect(twice?.code == .duplicate)
        _ = try await s.world.service.report(item, reason: .personalData, by: reporters[1])
        #expect(try await s.world.service.proposition(proposition.id, in: s.world.tenant.id).id == proposition.id)
        let third = try await s.world.service.report(item, reason: .other, note: "publicité", by: reporters[2])
        #expect(third.hidItem)
        #expect(await participationError { _ = try await s.world.service.proposition(proposition.id, in: s.world.tenant.id) }?.code == .notFound)
        let queue = try await s.world.service.moderationQueue(by: s.moderator)
        #expect(queue.reportedCount == 1)
        #expect(try await s.world.service.moderationRecord(of: item, by: s.moderator).reports.count == 3)
        try await s.world.service.dismissReports(on: item, reason: "signalements infondés", by: s.moderator)
        #expect(try await s.world.service.proposition(proposition.id, in: s.world.tenant.id).id == proposition.id)
        #expect(try await s.world.service.moderationQueue(by: s.moderator).items.isEmpty)
    }

    @Test func redactionMasksAFragmentEverywhereWhileModeratorsKeepTheOriginal() async throws {
        let s = try await Self.setup()
        let draft = try await s.world.service.draftProposition(
            in: s.process.id, PropositionDraft(title: "Jardin partagé", body: "Appelez-moi au 06 12 34 56 78 pour en parler."), by: s.alice)
        let proposition = try await s.world.service.publishProposition(draft.id, by: s.alice)
        let item = ModeratedItem.proposition(proposition.id)
        let missing = await participationError {
            _ = try await s.world.service.redact(item, fragment: "07 00", reason: "donnée personnelle", by: s.moderator)
        }
        #expect(missing?.field == "fragment")
        try await s.world.service.redact(item, fragment: "06 12 34 56 78", reason: "numéro de téléphone", by: s.moderator)
        let tenant = s.world.tenant.id
        let shown = try await s.world.service.proposition(proposition.id, in: tenant)
        #expect(shown.body == "Appelez-moi au [redacted] pour en parler.")
        #expect(try await s.world.service.versions(of: proposition.id, in: tenant).allSatisfy { !$0.body.contains("06 12") })
        guard case .proposition(let original) = try await s.world.service.moderationRecord(of: item, by: s.moderator).content else {
            Issue.record("expected the proposition")
            return
        }
        #expect(original.body.contains("06 12 34 56 78"))
        let citizen = await participationError { _ = try await s.world.service.moderationRecord(of: item, by: s.alice) }
        #expect(citizen?.code == .forbidden)
        #expect(try await s.world.service.auditLog(by: s.world.admin).contains { $0.action == "moderation.redact" && $0.reason == "numéro de téléphone" })
    }

    @Test func softAndHardBlocksAndTheirUndo() async throws {
        let s = try await Self.setup()
        let tenant = s.world.tenant.id
        let first = try await s.world.published("Premier", in: s.process, by: s.alice)
        let second = try await s.world.published("Second", in: s.process, by: s.alice)
        try await s.world.service.hide(.proposition(second.id), reason: "hors sujet", by: s.moderator)
        let noReason = await participationError {
            _ = try await s.world.service.blockParticipant(s.alice.participantID, kind: .soft, justification: " ", by: s.moderator)
        }
        #expect(noReason?.field == "justification")
        let staff = await participationError {
            _ = try await s.world.service.blockParticipant(s.world.admin.participantID, kind: .soft, justification: "non", by: s.moderator)
        }
        #expect(staff?.code == .invalidInput)

        try await s.world.service.blockParticipant(s.alice.participantID, kind: .soft, justification: "spam répété", by: s.moderator)
        #expect(await participationError { _ = try await s.world.published(in: s.process, by: s.alice) }?.code == .participantBlocked)
        #expect(try await s.world.service.proposition(first.id, in: tenant).id == first.id, "a soft block hides nothing")

        try await s.world.service.blockParticipant(s.alice.participantID, kind: .hard, justification: "harcèlement", by: s.moderator)
        #expect(await participationError { _ = try await s.world.service.proposition(first.id, in: tenant) }?.code == .notFound)
        #expect(try await s.world.service.moderationStatus(of: .proposition(first.id), by: s.alice).visibility == .hidden)

        try await s.world.service.unblockParticipant(s.alice.participantID, reason: "excuses présentées", by: s.moderator)
        #expect(try await s.world.service.proposition(first.id, in: tenant).id == first.id, "the block's hiding is undone")
        #expect(await participationError { _ = try await s.world.service.proposition(second.id, in: tenant) }?.code == .notFound,
            "what a moderator hid stays hidden")
        _ = try await s.world.published("Troisième", in: s.process, by: s.alice)
        let log = try await s.world.service.auditLog(by: s.world.admin).map(\.action)
        #expect(log.filter { $0 == "participant.blocked" }.count == 2)
        #expect(log.contains("participant.unblocked"))
    }
}
