import Foundation
import Participation
import Testing

@Suite("Archived processes")
struct ArchiveTests {
    @Test func anArchivedProcessStaysReadableAndRefusesEveryWrite() async throws {
        let budget = try await BudgetWorld()
        let alice = try await budget.world.citizen()
        _ = try await budget.service.castBallot(choices("bancs"), in: budget.process.id, by: alice)
        let openPhase = await participationError { _ = try await budget.service.archiveProcess(budget.process.id, by: budget.admin) }
        #expect(openPhase?.code == .invalidTransition)
        _ = try await budget.service.closePhase("vote", of: budget.process.id, by: budget.admin)
        let archived = try await budget.service.archiveProcess(budget.process.id, retentionDays: 365, by: budget.admin)
        #expect(archived.isArchived)
        #expect(archived.retentionDays == 365)

        let writes: [() async throws -> Void] = [
            { _ = try await budget.service.reopenPhase("vote", of: budget.process.id, reason: "oops", by: budget.admin) },
            { _ = try await budget.service.openPhase("results", of: budget.process.id, by: budget.admin) },
            { _ = try await budget.service.castBallot(choices("arbres"), in: budget.process.id, by: alice) },
            { _ = try await budget.service.setEligibility(.anyone, for: .submit, of: budget.process.id, by: budget.admin) },
            { _ = try await budget.service.archiveProcess(budget.process.id, by: budget.admin) },
        ]
        for write in writes {
            let error = await participationError(write)
            #expect(error?.code == .processArchived)
            #expect(error?.message.contains("archived") == true)
        }
        let read = try await budget.service.process(budget.process.id, in: budget.world.tenant.id)
        #expect(read.archivedAt == TestWorld.start)
        let tally = try await budget.service.staffTally(of: budget.process.id, by: budget.admin)
        #expect(tally.ballots == 1)
        let propositions = try await budget.service.storage.propositions(of: budget.process.id, in: budget.world.tenant.id)
        #expect(propositions.count == BudgetWorld.projects.count)
    }
}
