import Foundation
import Participation
import Testing

/// Hidden content appears on no public read path, in no count and in no export.
@Suite("Hidden means hidden")
struct HiddenMeansHiddenTests {
    @Test func aHiddenPropositionPetitionAndOpinionLeaveEveryPublicReadPath() async throws {
        let s = try await ModerationTests.setup()
        let tenant = s.world.tenant.id
        let service = s.world.service
        _ = try await service.setContributionRules(ContributionRules(processID: s.process.id, tenantID: tenant, petitionThreshold: 10), by: s.world.admin)
        let bob = try await s.world.citizen("Bob")
        let follower = try await ModerationTests.consenting(s.world, "Claire")
        let proposition = try await s.world.published(in: s.process, by: s.alice)
        _ = try await service.follow(.proposition(proposition.id), by: follower)
        try await service.support(proposition.id, by: bob)
        try await service.giveOpinion(on: proposition.id, stance: .against, argument: "Argument injurieux", by: bob)
        let comment = try await service.postComment(on: .proposition(proposition.id), of: s.process.id, body: "Un avis", by: bob)
        let petition = try await service.createPetition(in: s.process.id, title: "Pétition", body: "Texte", by: s.alice)

        try await service.hide(.opinion(proposition.id, by: bob.participantID), reason: "incivilité", by: s.moderator)
        #expect(try await service.opinions(on: proposition.id, in: tenant).isEmpty)

        try await service.hide(.petition(petition.id), reason: "doublon", by: s.moderator)
        #expect(await participationError { _ = try await service.petition(petition.id, in: tenant) }?.code == .notFound)
        #expect(await participationError { _ = try await service.petitionStatusHistory(of: petition.id, in: tenant) }?.code == .notFound)
        #expect(await participationError { _ = try await service.signPetition(petition.id, by: bob) }?.code == .notFound)

        #expect(try await service.publicPropositions(of: s.process.id, in: tenant).map(\.id) == [proposition.id])
        try await service.hide(.proposition(proposition.id), reason: "hors charte", by: s.moderator)
        #expect(try await service.publicPropositions(of: s.process.id, in: tenant).isEmpty)
        let reviewer = try await s.world.staff("Relecteur", roles: [.reviewer])
        _ = try await service.reviewProposition(proposition.id, status: .admissible, reason: nil, justification: "recevable", by: reviewer)
        let notFound: [(String, () async throws -> Void)] = [
            ("proposition", { _ = try await service.proposition(proposition.id, in: tenant) }),
            ("versions", { _ = try await service.versions(of: proposition.id, in: tenant) }),
            ("statusHistory", { _ = try await service.statusHistory(of: proposition.id, in: tenant) }),
            ("commentThreads", { _ = try await service.commentThreads(on: .proposition(proposition.id), of: s.process.id, in: tenant) }),
            ("commentVoteCount", { _ = try await service.commentVoteCount(of: comment.id, in: tenant) }),
            ("officialAnswers", { _ = try await service.officialAnswers(on: .proposition(proposition.id), of: s.process.id, in: tenant) }),
            ("opinions", { _ = try await service.opinions(on: proposition.id, in: tenant) }),
            ("realisationTimeline", { _ = try await service.realisationTimeline(of: proposition.id, in: tenant) }),
            ("support", { try await service.support(proposition.id, by: follower) }),
            ("report", { try await service.report(.proposition(proposition.id), reason: .spam, by: follower) }),
        ]
        for (path, read) in notFound {
            #expect(await participationError(read)?.code == .notFound, "\(path)")
        }
        #expect(try await service.supportTally(of: s.process.id, in: tenant).isEmpty)
        let notices = try await service.dueNotifications(in: tenant)
        #expect(!notices.contains { $0.recipientID == follower.participantID }, "followers hear nothing of hidden content")
        #expect(notices.contains { $0.recipientID == s.alice.participantID && $0.kind == .propositionStatusChanged })
    }

    /// A project hidden before the vote never reaches the ballot; once the vote opens the
    /// ballot is frozen, so a project on it cannot be hidden (its text can be redacted), and the
    /// ballot list, tallies, results and open data agree.
    @Test func aProjectHiddenBeforeTheVoteNeverReachesTheBallotAndTheFrozenBallotCannotLoseOne() async throws {
        let budget = try await BudgetWorld(visibility: .live, openVote: false)
        let tenant = budget.world.tenant.id
        let moderator = try await budget.world.staff("Modératrice", roles: [.moderator])
        try await budget.service.hide(.proposition("bancs"), reason: "données personnelles", by: moderator)
        for phase in ["submission", "review"] as [PhaseID] {
            _ = try await budget.service.openPhase(phase, of: budget.process.id, by: budget.admin)
            _ = try await budget.service.closePhase(phase, of: budget.process.id, by: budget.admin)
        }
        _ = try await budget.service.openPhase("vote", of: budget.process.id, by: budget.admin)
        let alice = try await budget.world.citizen("Alice")
        let bob = try await budget.world.citizen("Bob")

        #expect(try await budget.service.ballotList(of: budget.process.id, scope: nil, in: tenant).costs["bancs"] == nil)
        let hiddenChoice = await participationError {
            _ = try await budget.service.castBallot(choices("bancs", "arbres"), in: budget.process.id, by: alice)
        }
        #expect(hiddenChoice?.code == .invalidInput, "a hidden project is no choice at all")
        _ = try await budget.service.castBallot(choices("arbres"), in: budget.process.id, by: alice)
        _ = try await budget.service.castBallot(choices("arbres", "jardin"), in: budget.process.id, by: bob)

        let locked = await participationError {
            _ = try await budget.service.hide(.proposition("arbres"), reason: "hors charte", by: moderator)
        }
        #expect(locked?.code == .rulesLocked, "a project on the frozen ballot stays on it")
        _ = try await budget.service.redact(.proposition("arbres"), fragment: "Projet", reason: "exemple", by: moderator)
        #expect(try await budget.service.ballotList(of: budget.process.id, scope: nil, in: tenant).costs["arbres"] != nil)

        let tally = try await budget.service.publicTally(of: budget.process.id, in: tenant)
        #expect(tally.supporters["bancs"] == nil)
        #expect(tally.supporters["arbres"] == 2)
        #expect(try await budget.service.staffTally(of: budget.process.id, by: moderator) == tally)
        let export = try await budget.service.openDataExport(of: budget.process.id, secret: OpenDataTests.secret, by: budget.admin)
        let text = try OpenDataTests.text(of: export)
        #expect(!text.contains("bancs"), "the hidden project reaches no export")
        #expect(text.contains("arbres"))
    }
}
