import Foundation
import Participation
import Testing

/// The service's plain reads: each applies its own access rule, so a host (the demo server,
/// a city's platform) never reads storage directly to answer a request.
@Suite("Reads through the service")
struct ReadAccessTests {
    @Test func aParticipantRecordIsReadByItsOwnerOrByStaffWhoVerify() async throws {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen("Alice")
        let bob = try await budget.world.citizen("Bob")
        #expect(try await budget.service.participant(alice.participantID, by: alice).displayName == "Alice")
        #expect(try await budget.service.participant(alice.participantID, by: budget.admin).displayName == "Alice")
        let nosy = await participationError { _ = try await budget.service.participant(alice.participantID, by: bob) }
        #expect(nosy?.code == .forbidden)
        let ghost = await participationError { _ = try await budget.service.participant("ghost", by: budget.admin) }
        #expect(ghost?.code == .notFound)
    }

    @Test func theParticipantListIsForStaffWhoVerifyAPageAtATime() async throws {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen("Alice")
        _ = try await budget.world.citizen("Bob")
        let firstPage = try await budget.service.participants(after: nil, limit: 2, by: budget.admin)
        #expect(firstPage.count == 2)
        let rest = try await budget.service.participants(after: firstPage.last?.id, limit: 1_000, by: budget.admin)
        #expect(Set((firstPage + rest).map(\.id)).count == firstPage.count + rest.count)
        #expect(await participationError { _ = try await budget.service.participants(after: nil, limit: 10, by: alice) }?.code == .forbidden)
        for limit in [0, 1_001] {
            let bad = await participationError { _ = try await budget.service.participants(after: nil, limit: limit, by: budget.admin) }
            #expect(bad?.field == "limit")
        }
    }

    @Test func oneReadsOnlyOnesOwnBallot() async throws {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen("Alice")
        let bob = try await budget.world.citizen("Bob")
        let cast = try await budget.service.castBallot([BallotChoice("bancs")], in: budget.process.id, by: alice)
        #expect(try await budget.service.ownBallot(in: budget.process.id, by: alice) == cast)
        #expect(await participationError { _ = try await budget.service.ownBallot(in: budget.process.id, by: bob) }?.code == .notFound)
        #expect(await participationError { _ = try await budget.service.ownBallot(in: "nope", by: alice) }?.code == .notFound)
    }

    @Test func publicReadsOfAnUnknownTenantOrMissingCharterAreNotFound() async throws {
        let budget = try await BudgetWorld()
        let tenant = budget.world.tenant.id
        #expect(try await budget.service.processes(in: tenant).map(\.id) == [budget.process.id])
        #expect(await participationError { _ = try await budget.service.processes(in: "elsewhere") }?.code == .notFound)
        #expect(try await budget.service.tenants().map(\.id) == [tenant])
        #expect(await participationError { _ = try await budget.service.tenant("elsewhere") }?.code == .notFound)
        #expect(await participationError { _ = try await budget.service.currentCharter(in: tenant) }?.code == .notFound)
        let charter = try await budget.service.publishCharter(title: "Charte", text: "Respect", by: budget.admin)
        #expect(try await budget.service.currentCharter(in: tenant) == charter)
    }
}
