#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import Testing

extension StorageConformance {
    /// The canonical bytes of tenant A's archive in `storage`.
    static func archiveBytes(_ storage: any ParticipationStorage) async throws -> [UInt8] {
        try CanonicalJSONEncoder().encode(try await storage.tenantArchive(of: Fixture.tenantA.id))
    }

    static let archiveChecks: [StorageConformanceCheck] = [
        .init("archive: holds every row of the tenant, and only of that tenant") { storage in
            try await ArchiveFixture.populate(storage)
            let archive = try await storage.tenantArchive(of: Fixture.tenantA.id)
            #expect(archive.participants.map(\.id) == ["admin", "alice", "asso", "carol", "dave", "élise"])
            #expect(archive.identityBindings == [TenantArchive.IdentityBinding(identityKey: "census:alice", participantID: "alice")])
            #expect(archive.charters.map(\.version) == [1, 2])
            #expect(archive.charterAcceptances.map(\.version) == [2, 1])
            #expect(archive.processes.map(\.id) == ["bp-1", "bp-2"])
            #expect(archive.processes.map(\.revision) == [1, 0])
            #expect(archive.contributionRules.count == 1)
            #expect(archive.propositions.map(\.proposition.id) == ["p-1", "p-2", "p-3", "p-draft"])
            #expect(archive.propositions[0].versions.map(\.number) == [1, 2])
            #expect(archive.propositions[0].statusHistory.map(\.status) == [.submitted, .retained])
            #expect(archive.propositions[0].realisation.map(\.id) == ["r-1"])
            #expect(archive.supports.count == 3)
            #expect(archive.opinions.map(\.participantID) == ["dave"])
            #expect(archive.comments.map(\.id) == ["c-1", "c-2", "c-3"])
            #expect(archive.commentVotes.count == 1)
            #expect(archive.officialAnswers.map(\.id) == ["ans-1"])
            #expect(archive.petitions.first?.signatures.map(\.signerID) == ["carol", "dave"])
            #expect(archive.petitions.first?.statusHistory.count == 2)
            #expect(archive.petitions.first?.petition.signatureCount == 2)
            #expect(archive.votationBallots.count == 1)
            #expect(archive.questionnaireResponses.map(\.participantID) == ["élise"])
            #expect(archive.ballots.map(\.id) == ["b-2", "b-3", "b-5"])
            #expect(archive.retiredBallotIDs == ["b-1"])
            #expect(archive.ballotConflicts.map(\.refusedBallotID) == ["b-4"])
            #expect(archive.follows.count == 2)
            #expect(archive.notificationPreferences == [.init(participantID: "alice", frequency: .daily)])
            #expect(archive.notifications.map(\.id) == ["n-1", "n-2"])
            #expect(archive.notifications.first?.deliveredAt != nil)
            #expect(archive.newsPosts.map(\.id) == ["news-1"])
            #expect(archive.syntheses.map(\.state) == [.validated])
            #expect(archive.syntheses.first?.revision == 1)
            #expect(archive.contributionTags.count == 3)
            #expect(archive.moderationStates.map(\.item) == [.comment("c-3")])
            #expect(archive.moderationStates.first?.visibility == .hidden)
            #expect(archive.contentReports.map(\.reporterID) == ["dave", "carol"])
            #expect(archive.participantBlocks.map(\.participantID) == ["dave"])
            #expect(archive.auditLog.first?.id == "audit-create-bp-1")
            #expect(archive.auditLog.contains { $0.id == "b-process" } == false)
            await expectError(.notFound) { _ = try await storage.tenantArchive(of: "nope") }
        },
        .init("archive: exported here, imported into an empty store and exported again gives the same bytes") { storage in
            try await ArchiveFixture.populate(storage)
            let exported = try await archiveBytes(storage)
            let reference = InMemoryStorage()
            try await reference.importTenantArchive(try await storage.tenantArchive(of: Fixture.tenantA.id))
            #expect(try await archiveBytes(reference) == exported)
            // The same operations on the reference store give the same archive.
            let twin = InMemoryStorage()
            try await ArchiveFixture.populate(twin)
            #expect(try await archiveBytes(twin) == exported)
        },
        .init("archive: imported here into an empty store, it exports the same bytes and behaves as before") { storage in
            let source = InMemoryStorage()
            try await ArchiveFixture.populate(source)
            let archive = try await source.tenantArchive(of: Fixture.tenantA.id)
            try await storage.importTenantArchive(archive)
            #expect(try await archiveBytes(storage) == CanonicalJSONEncoder().encode(archive))
            let tenant = Fixture.tenantA.id
            // The invariants hold on imported rows: a retired ballot id stays taken, a support
            // stays unique, revisions continue, the audit log refuses a taken id.
            await expectError(.duplicate) { _ = try await storage.castBallot(Fixture.ballot("b-1", voter: "dave")) }
            await expectError(.duplicate) {
                _ = try await storage.recordSupport(ContributionFixture.support("p-1", by: "carol"), rules: SupportRules())
            }
            let process = try await storage.process("bp-1", in: tenant)
            #expect(try await storage.updateProcess(process, audit: Fixture.audit("after-import")).revision == 2)
            await expectError(.duplicate) { try await storage.appendAudit(Fixture.audit("x-charter1")) }
            #expect(try await storage.acceptedCharterVersion(of: "alice", in: tenant) == 2)
            #expect(try await storage.hasSigned("pet-1", signer: "dave", in: tenant))
            #expect(try await storage.commentVoteCount(of: "c-1", in: tenant).up == 1)
            #expect(try await storage.votationBallotCount(of: "vot-1", in: tenant) == 1)
            #expect(try await storage.followers(of: [.process("bp-1")], in: tenant) == ["alice"])
            #expect(try await storage.dueNotifications(in: tenant, at: ArchiveFixture.at(100), limit: 10).map(\.id) == ["n-2"])
        },
        .init("archive: importing a tenant the store has, or an inconsistent archive, changes nothing") { storage in
            try await ArchiveFixture.populate(storage)
            let archive = try await storage.tenantArchive(of: Fixture.tenantA.id)
            let before = try await archiveBytes(storage)
            await expectError(.duplicate) { try await storage.importTenantArchive(archive) }
            #expect(try await archiveBytes(storage) == before)
            var renamed = archive
            renamed.tenant = Tenant(id: "tenant-c", name: "Ville C", kind: .commune)
            await expectError(.invalidInput) { try await storage.importTenantArchive(renamed) }
            var dangling = TenantArchive(tenant: Tenant(id: "tenant-c", name: "Ville C", kind: .commune))
            dangling.supports = [Support(tenantID: "tenant-c", processID: "x", propositionID: "x", supporterID: "x", at: Fixture.date)]
            await expectError(.invalidInput) { try await storage.importTenantArchive(dangling) }
            var future = TenantArchive(tenant: Tenant(id: "tenant-c", name: "Ville C", kind: .commune))
            future.format = 99
            await expectError(.invalidInput) { try await storage.importTenantArchive(future) }
            await expectError(.notFound) { _ = try await storage.tenant("tenant-c") }
        },
    ]

    static let personalDataChecks: [StorageConformanceCheck] = [
        .init("erasure: one call anonymises the account, deletes its bindings and keeps its contributions") { storage in
            try await ArchiveFixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let before = try await storage.tenantArchive(of: tenant)
            try await storage.eraseParticipants(["alice"], in: tenant, at: ArchiveFixture.at(1_000), audit: Fixture.audit("x-erase"))
            let after = try await storage.tenantArchive(of: tenant)
            let alice = try await storage.participant("alice", in: tenant)
            #expect(alice.displayName == Participant.anonymousName)
            #expect(alice.profile == Profile())
            #expect(alice.roles.isEmpty)
            #expect(alice.erasedAt == ArchiveFixture.at(1_000))
            #expect(after.identityBindings.isEmpty)
            #expect(after.charterAcceptances.map(\.participantID) == ["carol"])
            #expect(after.follows.isEmpty)
            #expect(after.notificationPreferences.isEmpty)
            #expect(after.notifications.map(\.recipientID) == ["carol"])
            #expect(after.propositions == before.propositions)
            #expect(after.supports == before.supports)
            #expect(after.comments == before.comments)
            #expect(after.ballots == before.ballots)
            #expect(after.votationBallots == before.votationBallots)
            #expect(after.auditLog.last?.id == "x-erase")
            // The freed identity key can bind again.
            try await storage.recordVerification(
                VerifiedIdentity(level: .verified, profile: Profile(), identityKey: "census:alice", method: "census"),
                of: "dave", in: tenant, audit: Fixture.audit("x-rebind"))
        },
        .init("erasure: an unknown participant or a taken audit id changes nothing") { storage in
            try await ArchiveFixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let before = try await archiveBytes(storage)
            await expectError(.notFound) {
                try await storage.eraseParticipants(["alice", "nobody"], in: tenant, at: Fixture.date, audit: Fixture.audit("x-erase"))
            }
            await expectError(.notFound) {
                try await storage.eraseParticipants(["bob"], in: tenant, at: Fixture.date, audit: nil)
            }
            await expectError(.duplicate) {
                try await storage.eraseParticipants(["alice"], in: tenant, at: Fixture.date, audit: Fixture.audit("x-charter1"))
            }
            #expect(try await archiveBytes(storage) == before)
        },
    ]

    static let synthesisChecks: [StorageConformanceCheck] = [
        .init("syntheses: stored with revision 0, updated by compare-and-set, listed per process") { storage in
            try await ContributionFixture.populate(storage)
            let tenant = Fixture.tenantA.id
            let synthesis = Synthesis(id: "s-1", tenantID: tenant, processID: "bp-1", title: "T", revision: 7, createdBy: "admin",
                createdAt: Fixture.date)
            try await storage.insertSynthesis(synthesis, audit: Fixture.audit("s-a1"))
            var stored = try await storage.synthesis("s-1", in: tenant)
            #expect(stored.revision == 0)
            await expectError(.duplicate) { try await storage.insertSynthesis(synthesis, audit: Fixture.audit("s-a2")) }
            stored.title = "T2"
            let updated = try await storage.updateSynthesis(stored, audit: Fixture.audit("s-a3"))
            #expect(updated.revision == 1)
            await expectError(.conflict) { _ = try await storage.updateSynthesis(stored, audit: Fixture.audit("s-a4")) }
            #expect(try await storage.syntheses(of: "bp-1", in: tenant) == [updated])
            await expectError(.notFound) { _ = try await storage.synthesis("s-1", in: Fixture.tenantB.id) }
            await expectError(.notFound) { _ = try await storage.syntheses(of: "nope", in: tenant) }
            let audit = try await storage.auditEntries(in: tenant, subject: nil).map(\.id)
            #expect(audit == ["audit-create-bp-1", "s-a1", "s-a3"])
        },
        .init("tags: one per contribution, tag and tagger; removable; only on contributions of the process") { storage in
            try await ContributionFixture.populate(storage)
            let tenant = Fixture.tenantA.id
            try await storage.insertComment(ContributionFixture.comment("c-1"))
            let tag = ContributionTag(tenantID: tenant, processID: "bp-1", contribution: .comment("c-1"), tag: "parcs",
                taggedBy: "alice", byStaff: false, at: Fixture.date)
            try await storage.insertContributionTag(tag)
            await expectError(.duplicate) { try await storage.insertContributionTag(tag) }
            let other = ContributionTag(tenantID: tenant, processID: "bp-1", contribution: .proposition("p-1"), tag: "parcs",
                taggedBy: "admin", byStaff: true, at: Fixture.date)
            try await storage.insertContributionTag(other)
            #expect(try await storage.contributionTags(of: "bp-1", in: tenant) == [tag, other])
            await expectError(.notFound) {
                try await storage.insertContributionTag(ContributionTag(tenantID: tenant, processID: "bp-1",
                    contribution: .proposition("nope"), tag: "x", taggedBy: "alice", byStaff: false, at: Fixture.date))
            }
            try await storage.deleteContributionTag("parcs", on: .comment("c-1"), by: "alice", process: "bp-1", in: tenant)
            await expectError(.notFound) {
                try await storage.deleteContributionTag("parcs", on: .comment("c-1"), by: "alice", process: "bp-1", in: tenant)
            }
            #expect(try await storage.contributionTags(of: "bp-1", in: tenant) == [other])
        },
    ]
}
