import Foundation
import Participation
import Testing

/// An account's state holds on every channel: a vote that needs a verified account refuses an
/// unverified one online, on a kiosk, with an agent's help and on paper alike; a blocked or
/// erased account casts on none of them.
@Suite("Account standing on every channel")
struct AccountStandingTests {
    static func verifiedOnlyBudget() async throws -> BudgetWorld {
        let budget = try await BudgetWorld(openVote: false)
        _ = try await budget.service.setEligibility(
            EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident], requiredVerification: .verified), for: .vote,
            of: budget.process.id, by: budget.admin)
        for phase in ["submission", "review"] as [PhaseID] {
            _ = try await budget.service.openPhase(phase, of: budget.process.id, by: budget.admin)
            _ = try await budget.service.closePhase(phase, of: budget.process.id, by: budget.admin)
        }
        _ = try await budget.service.openPhase("vote", of: budget.process.id, by: budget.admin)
        return budget
    }

    /// Every way a ballot reaches the count, for `voter`: each returns the code of its refusal, or nil.
    static func everyChannel(_ budget: BudgetWorld, voter: Caller, agent: Caller) async -> [String: ParticipationError.Code?] {
        let process = budget.process.id
        var codes: [String: ParticipationError.Code?] = [:]
        codes["online"] = await participationError { _ = try await budget.service.castBallot(choices("bancs"), in: process, by: voter) }?.code
        codes["kiosk"] = await participationError {
            _ = try await budget.service.castBallot(choices("bancs"), in: process, channel: .kiosk(kioskID: "mairie"), by: voter)
        }?.code
        codes["assisted"] = await participationError {
            _ = try await budget.service.recordBallot(
                choices("bancs"), for: voter.participantID, in: process, channel: .assisted(agentID: agent.participantID), by: agent)
        }?.code
        let paper = try? await budget.service.recordPaperBatch(
            [PaperBallot(voterID: voter.participantID, choices: choices("bancs"))], station: "Mairie", batch: "1", in: process, by: agent)
        if case .refused(let error)? = paper?.first { codes["paper"] = error.code } else { codes["paper"] = nil as ParticipationError.Code? }
        return codes
    }

    @Test func anUnverifiedAccountVotesOnNoChannel() async throws {
        let budget = try await Self.verifiedOnlyBudget()
        let agent = try await budget.agent()
        let unverified = try await budget.world.citizen("Sans vérification")
        let codes = await Self.everyChannel(budget, voter: unverified, agent: agent)
        #expect(codes.count == 4)
        for (channel, code) in codes { #expect(code == .notEligible, "\(channel)") }
        #expect(try await budget.service.storage.ballotCounts(of: budget.process.id, in: budget.world.tenant.id).isEmpty)
    }

    @Test func aBlockedOrErasedAccountVotesOnNoChannel() async throws {
        let budget = try await Self.verifiedOnlyBudget()
        let agent = try await budget.agent()
        let moderator = try await budget.world.staff("Modération", roles: [.moderator])
        let blocked = try await budget.world.citizen("Bloquée")
        _ = try await budget.service.blockParticipant(blocked.participantID, kind: .soft, justification: "menaces", by: moderator)
        for (channel, code) in await Self.everyChannel(budget, voter: blocked, agent: agent) {
            #expect(code == .participantBlocked, "\(channel)")
        }
        let erased = try await budget.world.citizen("Effacé")
        try await budget.service.eraseParticipant(erased.participantID, by: erased)
        for (channel, code) in await Self.everyChannel(budget, voter: erased, agent: agent) {
            #expect(code == .forbidden, "\(channel)")
        }
        #expect(try await budget.service.storage.ballotCounts(of: budget.process.id, in: budget.world.tenant.id).isEmpty)
    }
}
