import Foundation
import Participation

/// A small deterministic world for service tests: one tenant with two districts, an
/// administrator, a manual clock and sequential ids.
struct TestWorld {
    static let start = Date(timeIntervalSince1970: 1_750_000_000)  // 2025-06-15

    let clock = ManualClock(TestWorld.start)
    let storage = InMemoryStorage()
    let service: ParticipationService
    let tenant: Tenant
    let admin: Caller

    init() async throws {
        service = ParticipationService(storage: storage, clock: clock, ids: SequentialIdentifiers())
        tenant = try await service.createTenant(
            id: "grenoble", name: "Ville de Grenoble", kind: .commune,
            districts: [District(id: "north", name: "Secteur Nord"), District(id: "south", name: "Secteur Sud")])
        let administrator = try await service.bootstrapAdministrator(in: tenant.id, displayName: "Admin")
        admin = Caller(tenantID: tenant.id, participantID: administrator.id)
    }

    /// Registers a citizen and returns them as a caller.
    func citizen(_ name: String = "Alice", profile: Profile = TestWorld.adultResident) async throws -> Caller {
        let participant = try await service.registerParticipant(in: tenant.id, displayName: name, profile: profile)
        return Caller(tenantID: tenant.id, participantID: participant.id)
    }

    static let adultResident = Profile(
        birthDate: Date(timeIntervalSince1970: 0), districtID: "north", statuses: [.resident])

    /// A participatory budget: submission, review, vote (needs rules and all reviewed), results.
    func budgetProcess(requiresCharter: Bool = false, voteRules: VoteRules? = VoteRules(ballot: .approval(minimum: 1, maximum: 3)))
        async throws -> ParticipatoryProcess
    {
        try await service.createProcess(
            kind: .participatoryBudget, title: "Budget participatif 2026",
            phases: [
                Phase(id: "submission", name: "Dépôt", kind: .submission, allowedActions: [.submit, .comment]),
                Phase(id: "review", name: "Étude", kind: .review, allowedActions: [.comment]),
                Phase(
                    id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote],
                    preconditions: [.allPropositionsReviewed, .voteRulesSet]),
                Phase(id: "results", name: "Résultats", kind: .results),
            ],
            eligibility: [.vote: EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident, .worksThere])],
            requiresCharter: requiresCharter, voteRules: voteRules, by: admin)
    }
}

/// Runs `body` and returns the `ParticipationError` it threw, or nil if it did not throw one.
func participationError(_ body: () async throws -> Void) async -> ParticipationError? {
    do {
        try await body()
        return nil
    } catch let error as ParticipationError {
        return error
    } catch {
        return nil
    }
}
