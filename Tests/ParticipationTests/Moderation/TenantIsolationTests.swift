import Foundation
import Participation
import Testing

/// Ids of another tenant are never readable or writable through moderation: they behave as ids
/// that do not exist.
@Test func moderationIdsFromAnotherTenantAreNeitherReadableNorWritable() async throws {
    let s = try await ModerationTests.setup()
    let proposition = try await s.world.published(in: s.process, by: s.alice)
    let comment = try await s.world.service.postComment(on: .process, of: s.process.id, body: "Bonjour", by: s.alice)
    let other = try await s.world.service.createTenant(id: "lyon", name: "Ville de Lyon", kind: .commune)
    let otherAdmin = try await s.world.service.bootstrapAdministrator(in: other.id, displayName: "Admin Lyon")
    let intruder = Caller(tenantID: other.id, participantID: otherAdmin.id)
    let service = s.world.service
    let attempts: [(String, () async throws -> Void)] = [
        ("proposition", { _ = try await service.proposition(proposition.id, in: other.id) }),
        ("commentVoteCount", { _ = try await service.commentVoteCount(of: comment.id, in: other.id) }),
        ("hide", { try await service.hide(.proposition(proposition.id), reason: "x", by: intruder) }),
        ("redact", { try await service.redact(.comment(comment.id), fragment: "Bonjour", reason: "x", by: intruder) }),
        ("record", { _ = try await service.moderationRecord(of: .proposition(proposition.id), by: intruder) }),
        ("status", { _ = try await service.moderationStatus(of: .comment(comment.id), by: intruder) }),
        ("report", { try await service.report(.proposition(proposition.id), reason: .spam, by: intruder) }),
        ("block", { try await service.blockParticipant(s.alice.participantID, kind: .hard, justification: "x", by: intruder) }),
        ("settings", { _ = try await service.setModerationSettings(ModerationSettings(), of: s.process.id, by: intruder) }),
    ]
    for (name, attempt) in attempts {
        #expect(await participationError(attempt)?.code == .notFound, "\(name)")
    }
    #expect(try await service.moderationQueue(by: intruder).items.isEmpty)
    #expect(try await service.proposition(proposition.id, in: s.world.tenant.id).id == proposition.id, "nothing changed")
}
