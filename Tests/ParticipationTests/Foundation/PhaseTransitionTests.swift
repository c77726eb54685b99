import Foundation
import Participation
import Testing

@Suite("Phases and the vote lock")
struct PhaseTransitionTests {
    @Test func phasesRunInOrderOneAtATime() async throws {
        let world = try await TestWorld()
        let process = try await world.budgetProcess()
        let skip = await participationError { _ = try await world.service.openPhase("review", of: process.id, by: world.admin) }
        #expect(skip?.code == .invalidTransition)
        #expect(skip?.message.contains("Dépôt") == true)

        let opened = try await world.service.openPhase("submission", of: process.id, by: world.admin)
        #expect(opened.currentPhase?.id == "submission")
        #expect(opened.revision == 1)
        let twoOpen = await participationError { _ = try await world.service.openPhase("review", of: process.id, by: world.admin) }
        #expect(twoOpen?.code == .invalidTransition)
        let closed = try await world.service.closePhase("submission", of: process.id, by: world.admin)
        #expect(closed.currentPhase == nil)
        let again = await participationError { _ = try await world.service.closePhase("submission", of: process.id, by: world.admin) }
        #expect(again?.code == .invalidTransition)
        let review = try await world.service.openPhase("review", of: process.id, by: world.admin)
        #expect(review.currentPhase?.id == "review")
    }

    @Test func voteCannotOpenWhileAPropositionAwaitsReview() async throws {
        let world = try await TestWorld()
        var process = try await world.budgetProcess()
        process = try await world.service.openPhase("submission", of: process.id, by: world.admin)
        let proposition = Proposition(
            id: "p-1", tenantID: world.tenant.id, processID: process.id, authors: [world.admin.participantID],
            title: "Bancs", body: "Des bancs", lifecycle: .published, status: .submitted, createdAt: TestWorld.start)
        try await world.service.storage.insertProposition(
            proposition,
            version: PropositionVersion(
                propositionID: "p-1", number: 1, title: "Bancs", body: "Des bancs", estimatedCost: nil,
                editedBy: world.admin.participantID, at: TestWorld.start),
            status: StatusChange(propositionID: "p-1", status: .submitted, justification: "", by: world.admin.participantID, at: TestWorld.start))
        for phase in ["submission", "review"] as [PhaseID] {
            if phase == "review" { _ = try await world.service.openPhase(phase, of: process.id, by: world.admin) }
            _ = try await world.service.closePhase(phase, of: process.id, by: world.admin)
        }
        let refused = await participationError { _ = try await world.service.openPhase("vote", of: process.id, by: world.admin) }
        #expect(refused?.code == .invalidTransition)
        #expect(refused?.message.contains("1 proposition(s) still await review") == true)

        var reviewed = try await world.service.storage.proposition("p-1", in: world.tenant.id)
        reviewed.status = .admissible
        _ = try await world.service.storage.updateProposition(reviewed, version: nil, status: nil, audit: nil)
        let opened = try await world.service.openPhase("vote", of: process.id, by: world.admin)
        #expect(opened.currentPhase?.id == "vote")
    }

    @Test func voteCannotOpenWithoutRules() async throws {
        let world = try await TestWorld()
        let process = try await world.budgetProcess(voteRules: nil)
        for phase in ["submission", "review"] as [PhaseID] {
            _ = try await world.service.openPhase(phase, of: process.id, by: world.admin)
            _ = try await world.service.closePhase(phase, of: process.id, by: world.admin)
        }
        let refused = await participationError { _ = try await world.service.openPhase("vote", of: process.id, by: world.admin) }
        #expect(refused?.message.contains("vote rules are not set") == true)
    }

    @Test func voteRulesAndVoterEligibilityLockOnceTheVoteOpens() async throws {
        let world = try await TestWorld()
        var process = try await world.budgetProcess()
        process = try await world.service.setVoteRules(VoteRules(ballot: .knapsack(minimumSpendPercent: nil)), of: process.id, by: world.admin)
        for phase in ["submission", "review"] as [PhaseID] {
            _ = try await world.service.openPhase(phase, of: process.id, by: world.admin)
            _ = try await world.service.closePhase(phase, of: process.id, by: world.admin)
        }
        _ = try await world.service.openPhase("vote", of: process.id, by: world.admin)
        let rules = await participationError {
            _ = try await world.service.setVoteRules(VoteRules(ballot: .approval(minimum: 1, maximum: 5)), of: process.id, by: world.admin)
        }
        #expect(rules?.code == .rulesLocked)
        let voters = await participationError {
            _ = try await world.service.setEligibility(.anyone, for: .vote, of: process.id, by: world.admin)
        }
        #expect(voters?.code == .rulesLocked)
        // Closing the vote does not unlock the rules.
        _ = try await world.service.closePhase("vote", of: process.id, by: world.admin)
        let stillLocked = await participationError {
            _ = try await world.service.setVoteRules(VoteRules(ballot: .approval(minimum: 1, maximum: 5)), of: process.id, by: world.admin)
        }
        #expect(stillLocked?.code == .rulesLocked)
        let stored = try await world.service.process(process.id, in: world.tenant.id)
        #expect(stored.voteRules?.ballot == .knapsack(minimumSpendPercent: nil))
        // Other actions' rules may still change.
        let commenters = try await world.service.setEligibility(EligibilityRule(minimumAge: 12), for: .comment, of: process.id, by: world.admin)
        #expect(commenters.eligibility[.comment]?.minimumAge == 12)
    }

    @Test func reopenNeedsAReasonAndIsLogged() async throws {
        let world = try await TestWorld()
        let process = try await world.budgetProcess()
        _ = try await world.service.openPhase("submission", of: process.id, by: world.admin)
        _ = try await world.service.closePhase("submission", of: process.id, by: world.admin)
        let noReason = await participationError {
            _ = try await world.service.reopenPhase("submission", of: process.id, reason: "  ", by: world.admin)
        }
        #expect(noReason?.code == .invalidInput)
        #expect(noReason?.field == "reason")
        let reopened = try await world.service.reopenPhase("submission", of: process.id, reason: "paper forms arrived late", by: world.admin)
        #expect(reopened.currentPhase?.id == "submission")
        let log = try await world.service.auditLog(subject: "process:\(process.id)", by: world.admin)
        #expect(log.last?.action == "phase.reopened")
        #expect(log.last?.reason == "paper forms arrived late")
        // Once a later phase has opened, the earlier one stays closed.
        _ = try await world.service.closePhase("submission", of: process.id, by: world.admin)
        _ = try await world.service.openPhase("review", of: process.id, by: world.admin)
        _ = try await world.service.closePhase("review", of: process.id, by: world.admin)
        let late = await participationError {
            _ = try await world.service.reopenPhase("submission", of: process.id, reason: "again", by: world.admin)
        }
        #expect(late?.code == .invalidTransition)
    }

    @Test func actionsFollowTheOpenPhase() async throws {
        let world = try await TestWorld()
        var process = try await world.budgetProcess()
        let alice = try await world.citizen()
        let noPhase = await participationError { try await world.service.authorize(.submit, by: alice, in: process) }
        #expect(noPhase?.code == .actionNotAllowedInPhase)
        process = try await world.service.openPhase("submission", of: process.id, by: world.admin)
        try await world.service.authorize(.submit, by: alice, in: process)
        let vote = await participationError { try await world.service.authorize(.vote, by: alice, in: process) }
        #expect(vote?.code == .actionNotAllowedInPhase)
        #expect(vote?.message.contains("Dépôt") == true)
    }

    @Test func badProcessDefinitionsAreRefusedAndStoreNothing() async throws {
        let world = try await TestWorld()
        let cases: [([Phase], String)] = [
            ([], "phases"),
            ([Phase(id: "a", name: "A", kind: .submission), Phase(id: "a", name: "B", kind: .vote)], "phases"),
            ([Phase(id: "a", name: "A", kind: .submission, startsAt: TestWorld.start, endsAt: TestWorld.start.addingTimeInterval(-1))], "phases.endsAt"),
        ]
        for (phases, field) in cases {
            let error = await participationError {
                _ = try await world.service.createProcess(kind: .consultation, title: "T", phases: phases, by: world.admin)
            }
            #expect(error?.code == .invalidInput)
            #expect(error?.field == field)
        }
        let badRules = await participationError {
            _ = try await world.service.createProcess(
                kind: .participatoryBudget, title: "T", phases: [Phase(id: "v", name: "V", kind: .vote)],
                voteRules: VoteRules(ballot: .approval(minimum: 3, maximum: 2)), by: world.admin)
        }
        #expect(badRules?.field == "voteRules.ballot")
        let stored = try await world.service.storage.processes(in: world.tenant.id)
        #expect(stored.isEmpty)
    }
}
