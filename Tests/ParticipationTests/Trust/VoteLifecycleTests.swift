import Foundation
import Participation
import Testing

/// What a count depends on is frozen from the moment the vote opens, and a published result
/// is final: each case the trust issue named, and the lock table itself.
@Suite("The vote's lifecycle: frozen, final, corrected only explicitly")
struct VoteLifecycleTests {
    /// A district budget voted in one's own district.
    static func districtBudget() async throws -> BudgetWorld {
        try await BudgetWorld(
            settings: BudgetSettings(
                envelope: 100_000_00, districtEnvelopes: ["north": 60_000_00, "south": 40_000_00], districtVoting: .ownDistrict,
                cycle: BudgetCycle(firstYear: 2026)))
    }

    @Test func editingOnesDistrictNeverGivesASecondBallot() async throws {
        let budget = try await Self.districtBudget()
        let voter = try await budget.world.citizen("Nadia")
        _ = try await budget.service.castBallot(choices("arbres"), scope: "north", in: budget.process.id, by: voter)
        var profile = TestWorld.adultResident
        profile.districtID = "south"
        _ = try await budget.service.updateOwnProfile(profile, by: voter)
        let second = await participationError {
            _ = try await budget.service.castBallot(choices("jardin"), scope: "south", in: budget.process.id, by: voter)
        }
        #expect(second?.code == .notEligible, "the first ballot fixed the scope")
        #expect(second?.field == "scope")
        // Revising stays possible, in the scope of the first ballot.
        _ = try await budget.service.castBallot(choices("bancs"), scope: "north", in: budget.process.id, by: voter)
        // And an agent keying a paper ballot for the new district is refused as a second ballot.
        let agent = try await budget.agent()
        let paper = try await budget.service.recordPaperBatch(
            [PaperBallot(voterID: voter.participantID, scope: "south", choices: choices("jardin"))], station: "Mairie",
            batch: "b1", in: budget.process.id, by: agent)
        guard case .refused(let error) = paper.first else {
            Issue.record("a second ballot was counted: \(paper)")
            return
        }
        #expect(error.code == .duplicate)
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let result = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        #expect(result.ballotCount == 1, "one person, one ballot, also in the published result")
        #expect(result.scopes.first { $0.scope == "north" }?.supporters == ["bancs": 1])
    }

    @Test func aPublishedResultIsFinal() async throws {
        let budget = try await ResultsTests.votedBudget()
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let published = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        let process = budget.process.id
        let late = try await budget.world.citizen("Retardataire")
        let agent = try await budget.agent()
        let refusals: [(String, () async throws -> Void)] = [
            ("reopen the vote", { _ = try await budget.service.reopenPhase("vote", of: process, reason: "encore", by: budget.admin) }),
            ("open a later vote", { _ = try await budget.service.openPhase("vote", of: process, by: budget.admin) }),
            ("record a ballot", {
                _ = try await budget.service.recordBallot(
                    choices("arbres"), for: late.participantID, in: process, channel: .assisted(agentID: agent.participantID), by: agent)
            }),
            ("key in paper ballots", {
                _ = try await budget.service.recordPaperBatch(
                    [PaperBallot(voterID: late.participantID, choices: choices("arbres"))], station: "S", batch: "B", in: process, by: agent)
            }),
            ("change the envelope", {
                _ = try await budget.service.setBudgetSettings(
                    BudgetSettings(envelope: 1, cycle: BudgetCycle(firstYear: 2026)), of: process, by: budget.admin)
            }),
            ("adjust a cost", { _ = try await budget.service.adjustEstimatedCost("piste", to: 1, reason: "erreur", by: budget.admin) }),
            ("review a winner", {
                _ = try await budget.service.reviewProposition(
                    "piste", status: .inadmissible, reason: .illegal, justification: "non", by: budget.admin)
            }),
            ("put another project on the ballot", {
                _ = try await budget.service.reviewProposition("illegal", status: .admissible, reason: nil, justification: "oui", by: budget.admin)
            }),
            ("hide a project", {
                let moderator = try await budget.world.staff("Modération", roles: [.moderator])
                _ = try await budget.service.hide(.proposition("piste"), reason: "non", by: moderator)
            }),
        ]
        for (name, attempt) in refusals {
            let error = await participationError(attempt)
            #expect(error?.code == .rulesLocked, "\(name): \(String(describing: error))")
        }
        #expect(try await budget.service.publishedResult(of: process, in: budget.world.tenant.id) == published)
        // The realisation of a winner is still followed.
        _ = try await budget.service.reviewProposition("piste", status: .inProgress, reason: nil, justification: "travaux", by: budget.admin)
    }

    @Test func aCorrectionIsExplicitReasonedAuditedAndKeepsTheEarlierVersion() async throws {
        let budget = try await ResultsTests.votedBudget()
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let first = try await budget.service.publishResults(of: budget.process.id, by: budget.admin)
        let noReason = await participationError {
            _ = try await budget.service.correctResults(of: budget.process.id, rule: .equalShares, reason: " ", by: budget.admin)
        }
        #expect(noReason?.field == "reason")
        let citizen = try await budget.world.citizen("Curieuse")
        let notStaff = await participationError {
            _ = try await budget.service.correctResults(of: budget.process.id, rule: .equalShares, reason: "règle", by: citizen)
        }
        #expect(notStaff?.code == .forbidden)

        let corrected = try await budget.service.correctResults(
            of: budget.process.id, rule: .equalShares, reason: "the council voted equal shares", by: budget.admin)
        #expect(corrected.version == 2)
        #expect(corrected.correction == ResultCorrection(replacedVersion: 1, reason: "the council voted equal shares"))
        #expect(corrected.scopes[0].selected == ["bancs"])
        let versions = try await budget.service.resultVersions(of: budget.process.id, in: budget.world.tenant.id)
        #expect(versions == [first, corrected], "the earlier version stays readable")
        #expect(try await budget.service.publishedResult(of: budget.process.id, in: budget.world.tenant.id) == corrected)
        let audit = try await budget.service.auditLog(subject: "process:\(budget.process.id)", by: budget.admin)
        #expect(audit.last?.action == "results.corrected")
        #expect(audit.last?.reason == "the council voted equal shares")
        #expect(try await budget.service.proposition("piste", in: budget.world.tenant.id).status == .notRetained)
        let file = try await budget.service.exportPabulib(of: budget.process.id, in: budget.world.tenant.id)
        #expect(file.contains("rule;mes-cost"), "the export names the rule of the current version")
    }

    @Test func duringTheVoteTheBallotItsCostsAndItsRulesAreFrozen() async throws {
        let budget = try await BudgetWorld()
        let reviewer = try await budget.world.staff("Commission", roles: [.reviewer])
        let moderator = try await budget.world.staff("Modération", roles: [.moderator])
        let before = try await budget.service.ballotList(of: budget.process.id, scope: nil, in: budget.world.tenant.id)
        let refusals: [(String, () async throws -> Void)] = [
            ("adjust a cost", { _ = try await budget.service.adjustEstimatedCost("bancs", to: 1, reason: "erreur", by: reviewer) }),
            ("judge a project inadmissible", {
                _ = try await budget.service.reviewProposition("bancs", status: .inadmissible, reason: .illegal, justification: "non", by: reviewer)
            }),
            ("admit another project", {
                _ = try await budget.service.reviewProposition("illegal", status: .admissible, reason: nil, justification: "oui", by: reviewer)
            }),
            ("edit a project", {
                _ = try await budget.service.editProposition("bancs", PropositionDraft(title: "T", body: "B", estimatedCost: 1), note: "n", by: reviewer)
            }),
            ("hide a project", { _ = try await budget.service.hide(.proposition("bancs"), reason: "non", by: moderator) }),
            ("change the vote rules", {
                _ = try await budget.service.setVoteRules(VoteRules(ballot: .approval(minimum: 1, maximum: 9)), of: budget.process.id, by: budget.admin)
            }),
            ("change who may vote", {
                _ = try await budget.service.setEligibility(.anyone, for: .vote, of: budget.process.id, by: budget.admin)
            }),
        ]
        for (name, attempt) in refusals {
            let error = await participationError(attempt)
            #expect(error?.code == .rulesLocked, "\(name): \(String(describing: error))")
        }
        #expect(try await budget.service.ballotList(of: budget.process.id, scope: nil, in: budget.world.tenant.id) == before)
        #expect(try await budget.service.process(budget.process.id, in: budget.world.tenant.id).frozenBallot?.list(for: nil) == before)
    }

    /// The lock table is the rule: each stage locks more than the one before, nothing is
    /// locked before the vote, everything once published.
    @Test func theLockTableGrowsWithTheStages() {
        #expect(VoteLocks.locked(in: .preparation).isEmpty)
        #expect(VoteLocks.locked(in: .voting).isStrictSubset(of: VoteLocks.locked(in: .published)))
        #expect(VoteLocks.locked(in: .published) == Set(CountedChange.allCases))
        #expect(!VoteLocks.locked(in: .voting).contains(.ballots), "voters vote during the vote")
        #expect(VoteLocks.locked(in: .voting).contains(.voterScopes))
    }
}
