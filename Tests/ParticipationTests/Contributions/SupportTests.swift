import Foundation
import Participation
import Testing

@Suite("Supports and opinions")
struct SupportTests {
    static func world(rules: SupportRules, propositions count: Int) async throws
        -> (TestWorld, ParticipatoryProcess, [Proposition])
    {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        try await world.service.setContributionRules(
            ContributionRules(processID: process.id, tenantID: world.tenant.id, supports: rules), by: world.admin)
        let author = try await world.citizen("Author")
        var propositions: [Proposition] = []
        for index in 0..<count { propositions.append(try await world.published("Idea \(index)", in: process, by: author)) }
        return (world, process, propositions)
    }

    @Test func aSupportOverTheQuotaIsRefusedWithTheReason() async throws {
        let (world, _, propositions) = try await Self.world(rules: SupportRules(quotaPerParticipant: 2), propositions: 3)
        let alice = try await world.citizen()
        try await world.service.support(propositions[0].id, by: alice)
        try await world.service.support(propositions[1].id, by: alice)
        let error = await participationError { try await world.service.support(propositions[2].id, by: alice) }
        #expect(error?.code == .quotaExceeded)
        #expect(error?.field == "quotaPerParticipant")
        #expect(error?.message.contains("at most 2") == true)
        let twice = await participationError { try await world.service.support(propositions[0].id, by: alice) }
        #expect(twice?.code == .duplicate)
    }

    @Test func supportsCountOnlyOnceTheParticipantReachesTheMinimum() async throws {
        let (world, process, propositions) = try await Self.world(
            rules: SupportRules(quotaPerParticipant: 3, minimumPerParticipant: 2), propositions: 3)
        let alice = try await world.citizen()
        try await world.service.support(propositions[0].id, by: alice)
        #expect(try await world.service.supportTally(of: process.id, in: world.tenant.id).isEmpty)
        try await world.service.support(propositions[1].id, by: alice)
        let tally = try await world.service.supportTally(of: process.id, in: world.tenant.id)
        #expect(tally == [propositions[0].id: 1, propositions[1].id: 1])
        try await world.service.withdrawSupport(propositions[1].id, by: alice)
        #expect(try await world.service.supportTally(of: process.id, in: world.tenant.id).isEmpty)
    }

    @Test func aPropositionTakesNoMoreThanItsMaximum() async throws {
        let (world, _, propositions) = try await Self.world(rules: SupportRules(maximumPerProposition: 2), propositions: 1)
        for name in ["A", "B"] { try await world.service.support(propositions[0].id, by: try await world.citizen(name)) }
        let error = await participationError { try await world.service.support(propositions[0].id, by: try await world.citizen("C")) }
        #expect(error?.field == "maximumPerProposition")
    }

    @Test func concurrentSupportsNeverExceedTheQuota() async throws {
        let (world, process, propositions) = try await Self.world(rules: SupportRules(quotaPerParticipant: 3), propositions: 10)
        let alice = try await world.citizen()
        let service = world.service
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for proposition in propositions {
                group.addTask { (try? await service.support(proposition.id, by: alice)) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 3)
        let stored = await world.storage.supports(by: alice.participantID, in: process.id, tenant: world.tenant.id)
        #expect(stored.count == 3)
    }

    @Test func anInadmissiblePropositionCannotBeSupported() async throws {
        let (world, _, propositions) = try await Self.world(rules: SupportRules(), propositions: 1)
        let reviewer = try await world.staff("Reviewer", roles: [.reviewer])
        _ = try await world.service.reviewProposition(
            propositions[0].id, status: .inadmissible, reason: .outsideCompetence, justification: "Département", by: reviewer)
        let error = await participationError { try await world.service.support(propositions[0].id, by: try await world.citizen()) }
        #expect(error?.code == .invalidTransition)
    }

    @Test func oneOpinionPerParticipantChangeableWithAnArgument() async throws {
        let (world, _, propositions) = try await Self.world(rules: SupportRules(), propositions: 1)
        let alice = try await world.citizen()
        let bob = try await world.citizen("Bob")
        #expect(try await world.service.giveOpinion(on: propositions[0].id, stance: .against, by: alice) == nil)
        let replaced = try await world.service.giveOpinion(
            on: propositions[0].id, stance: .mixed, argument: "Good idea, wrong place", by: alice)
        #expect(replaced?.stance == .against)
        _ = try await world.service.giveOpinion(on: propositions[0].id, stance: .inFavour, by: bob)
        let opinions = try await world.service.opinions(on: propositions[0].id, in: world.tenant.id)
        #expect(opinions.count == 2)
        let summary = OpinionSummary(opinions.map(\.stance))
        #expect((summary.inFavour, summary.against, summary.mixed) == (1, 0, 1))
        #expect(opinions.first { $0.author.handle == alice.participantID.rawValue }?.argument == "Good idea, wrong place")
    }
}
