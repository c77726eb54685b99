import Foundation
import Participation
import Testing

@Suite("Ballots on every channel")
struct BallotChannelTests {
    @Test func anOnlineBallotCanBeChangedAndWithdrawnTheLatestCounts() async throws {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen()
        _ = try await budget.service.castBallot(choices("bancs"), in: budget.process.id, by: alice)
        _ = try await budget.service.castBallot(choices("piste", "jardin"), in: budget.process.id, by: alice)
        var tally = try await budget.service.staffTally(of: budget.process.id, by: budget.admin)
        #expect(tally.ballots == 1)
        #expect(tally.supporters == ["piste": 1, "jardin": 1])
        _ = try await budget.service.withdrawBallot(in: budget.process.id, by: alice)
        tally = try await budget.service.staffTally(of: budget.process.id, by: budget.admin)
        #expect(tally.ballots == 0)
    }

    @Test func aSecondBallotOnAnotherChannelIsRefusedAndKeptAsAConflict() async throws {
        let budget = try await BudgetWorld()
        let agent = try await budget.agent()
        let alice = try await budget.world.citizen()
        let paper = VoteChannel.paper(station: "Mairie annexe", agentID: agent.participantID, batch: "B-1")
        _ = try await budget.service.recordBallot(choices("bancs"), for: alice.participantID, in: budget.process.id, channel: paper, by: agent)

        let online = await participationError { _ = try await budget.service.castBallot(choices("piste"), in: budget.process.id, by: alice) }
        #expect(online?.code == .duplicate)
        #expect(online?.message.contains("already voted (paper)") == true)
        let assisted = await participationError {
            _ = try await budget.service.recordBallot(
                choices("jardin"), for: alice.participantID, in: budget.process.id, channel: .assisted(agentID: agent.participantID), by: agent)
        }
        #expect(assisted?.code == .duplicate)

        let conflicts = try await budget.service.ballotConflicts(of: budget.process.id, by: budget.admin)
        #expect(conflicts.map(\.refusedChannel.name) == ["online", "assisted"])
        let tally = try await budget.service.staffTally(of: budget.process.id, by: budget.admin)
        #expect(tally.supporters == ["bancs": 1])
        #expect(tally.ballotsByChannel == ["paper": 1])
        // A paper ballot cannot be withdrawn online.
        let withdraw = await participationError { _ = try await budget.service.withdrawBallot(in: budget.process.id, by: alice) }
        #expect(withdraw?.code == .forbidden)
    }

    @Test func aPaperBatchCountsValidBallotsAndRefusesEachBadOneWithItsReason() async throws {
        let budget = try await BudgetWorld()
        let agent = try await budget.agent()
        let alice = try await budget.world.citizen("Alice")
        let bob = try await budget.world.citizen("Bob")
        let child = try await budget.world.citizen("Child", profile: Profile(birthDate: TestWorld.start.addingTimeInterval(-10 * 365 * 86_400), statuses: [.resident]))
        let blocked = try await budget.world.citizen("Blocked")
        try await budget.service.blockParticipant(blocked.participantID, kind: .soft, justification: "menaces", by: budget.admin)
        let outcomes = try await budget.service.recordPaperBatch(
            [
                PaperBallot(voterID: alice.participantID, choices: choices("bancs", "arbres")),
                PaperBallot(voterID: bob.participantID, choices: choices("bancs", "arbres", "piste", "jardin")),
                PaperBallot(voterID: child.participantID, choices: choices("bancs")),
                PaperBallot(voterID: alice.participantID, choices: choices("piste")),
                PaperBallot(voterID: "ghost", choices: choices("piste")),
                PaperBallot(voterID: blocked.participantID, choices: choices("jardin")),
            ],
            station: "École Jean Jaurès", batch: "JJ-01", in: budget.process.id, by: agent)
        #expect(outcomes.count == 6)
        guard case .counted = outcomes[0] else { Issue.record("first ballot should count"); return }
        func refusal(_ index: Int) -> ParticipationError? {
            if case .refused(let error) = outcomes[index] { return error }
            return nil
        }
        #expect(refusal(1)?.message.contains("choose at most 3") == true)
        #expect(refusal(2)?.code == .notEligible)
        #expect(refusal(3)?.code == .duplicate)
        #expect(refusal(4)?.code == .notFound)
        #expect(refusal(5)?.code == .participantBlocked)
        let tally = try await budget.service.staffTally(of: budget.process.id, by: budget.admin)
        #expect(tally.ballots == 1)
        let log = try await budget.service.auditLog(subject: "process:\(budget.process.id)", by: budget.admin)
        #expect(log.last?.details["counted"] == "1")
        #expect(log.last?.details["ballots"] == "6")
    }

    @Test func votersVoteInTheirOwnDistrictWhenTheBudgetSaysSo() async throws {
        let budget = try await BudgetWorld(
            settings: BudgetSettings(
                envelope: 100_000_00, districtEnvelopes: ["north": 60_000_00, "south": 40_000_00], cycle: BudgetCycle(firstYear: 2026)))
        let northerner = try await budget.world.citizen()  // lives in north
        let wrongDistrict = await participationError {
            _ = try await budget.service.castBallot(choices("jardin"), scope: "south", in: budget.process.id, by: northerner)
        }
        #expect(wrongDistrict?.code == .notEligible)
        #expect(wrongDistrict?.field == "scope")
        let noScope = await participationError { _ = try await budget.service.castBallot(choices("bancs"), in: budget.process.id, by: northerner) }
        #expect(noScope?.field == "scope")
        _ = try await budget.service.castBallot(choices("bancs"), scope: "north", in: budget.process.id, by: northerner)
        let tally = try await budget.service.staffTally(of: budget.process.id, scope: "north", by: budget.admin)
        #expect(tally.supporters == ["bancs": 1])
    }

    @Test func invalidBallotsAreRefusedWithTheExactReasonAndStoreNothing() async throws {
        let budget = try await BudgetWorld(ballot: .knapsack(minimumSpendPercent: nil))
        let alice = try await budget.world.citizen()
        let over = await participationError { _ = try await budget.service.castBallot(choices("arbres", "piste"), in: budget.process.id, by: alice) }
        #expect(over?.message == "invalid ballot: the chosen projects cost 130000.00, over the envelope of 100000.00")
        let inadmissible = await participationError { _ = try await budget.service.castBallot(choices("illegal"), in: budget.process.id, by: alice) }
        #expect(inadmissible?.message.contains("'illegal' is not on this ballot") == true)
        let tally = try await budget.service.staffTally(of: budget.process.id, by: budget.admin)
        #expect(tally.ballots == 0)
    }

    /// Casting reads only the projects the ballot names; each wrong choice is still refused for
    /// its own reason, as the full ballot list would refuse it.
    @Test func eachWrongChoiceIsRefusedForItsOwnReason() async throws {
        let budget = try await BudgetWorld(
            settings: BudgetSettings(
                envelope: 100_000_00, districtEnvelopes: ["north": 60_000_00, "south": 40_000_00], cycle: BudgetCycle(firstYear: 2026)))
        let other = try await budget.world.budgetProcess(voteRules: VoteRules(ballot: .approval(minimum: 1, maximum: 3)))
        let elsewhere = Proposition(
            id: "ailleurs", tenantID: budget.world.tenant.id, processID: other.id, authors: [budget.admin.participantID],
            title: "Projet ailleurs", body: "…", estimatedCost: 1_000_00, lifecycle: .published, status: .admissible,
            createdAt: TestWorld.start)
        try await budget.service.storage.insertProposition(
            elsewhere,
            version: PropositionVersion(
                propositionID: elsewhere.id, number: 1, title: elsewhere.title, body: elsewhere.body, estimatedCost: 1_000_00,
                editedBy: budget.admin.participantID, at: TestWorld.start),
            status: StatusChange(
                propositionID: elsewhere.id, status: .admissible, justification: "review", by: budget.admin.participantID,
                at: TestWorld.start))
        let northerner = try await budget.world.citizen()  // lives in north
        func refusal(_ ids: String...) async -> String? {
            await participationError {
                _ = try await budget.service.castBallot(
                    ids.map { BallotChoice(PropositionID(rawValue: $0)) }, scope: "north", in: budget.process.id, by: northerner)
            }?.message
        }
        #expect(await refusal("bancs", "ailleurs")?.contains("'ailleurs' is not on this ballot") == true)
        #expect(await refusal("bancs", "nothing-of-that-name")?.contains("'nothing-of-that-name' is not on this ballot") == true)
        #expect(await refusal("illegal")?.contains("'illegal' is not on this ballot") == true)
        #expect(await refusal("bancs", "jardin")?.contains("south") == true)
        #expect(await refusal("bancs", "bancs")?.contains("bancs") == true)
        _ = try await budget.service.castBallot(choices("bancs", "arbres"), scope: "north", in: budget.process.id, by: northerner)
        let tally = try await budget.service.staffTally(of: budget.process.id, scope: "north", by: budget.admin)
        #expect(tally.supporters == ["bancs": 1, "arbres": 1])
    }

    @Test func ballotsOnlyWhileTheVoteIsOpen() async throws {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen()
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let late = await participationError { _ = try await budget.service.castBallot(choices("bancs"), in: budget.process.id, by: alice) }
        #expect(late?.code == .actionNotAllowedInPhase)
    }

    @Test func theEnvelopeLocksWithTheVote() async throws {
        let budget = try await BudgetWorld()
        let locked = await participationError {
            _ = try await budget.service.setBudgetSettings(
                BudgetSettings(envelope: 1, cycle: BudgetCycle(firstYear: 2026)), of: budget.process.id, by: budget.admin)
        }
        #expect(locked?.code == .rulesLocked)
    }

    @Test func districtEnvelopesMustAddUpToTheEnvelope() async throws {
        let budget = try await BudgetWorld(openVote: false)
        let bad = await participationError {
            _ = try await budget.service.setBudgetSettings(
                BudgetSettings(envelope: 100_000_00, districtEnvelopes: ["north": 50_000_00, "south": 40_000_00], cycle: BudgetCycle(firstYear: 2026)),
                of: budget.process.id, by: budget.admin)
        }
        #expect(bad?.field == "budget.envelope")
        #expect(bad?.message.contains("90000.00") == true)
    }

    @Test func resultsVisibilityIsAPerBudgetSetting() async throws {
        let hidden = try await BudgetWorld(visibility: .afterPublication)
        let alice = try await hidden.world.citizen()
        _ = try await hidden.service.castBallot(choices("bancs"), in: hidden.process.id, by: alice)
        let refused = await participationError { _ = try await hidden.service.publicTally(of: hidden.process.id, in: hidden.world.tenant.id) }
        #expect(refused?.code == .resultsNotPublic)

        let live = try await BudgetWorld(visibility: .live)
        let bob = try await live.world.citizen()
        _ = try await live.service.castBallot(choices("bancs", "jardin"), in: live.process.id, by: bob)
        let tally = try await live.service.publicTally(of: live.process.id, in: live.world.tenant.id)
        #expect(tally.supporters == ["bancs": 1, "jardin": 1])
    }
}
