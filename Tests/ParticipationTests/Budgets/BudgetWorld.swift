import Foundation
import Participation

/// A participatory budget ready to vote: districts north and south, admissible projects with
/// costs, the vote phase open.
struct BudgetWorld {
    let world: TestWorld
    let process: ParticipatoryProcess
    var service: ParticipationService { world.service }
    var admin: Caller { world.admin }

    /// Projects: city-wide unless `split`; costs in cents.
    static let projects: [(id: PropositionID, cost: Int64, district: DistrictID, status: PropositionStatus)] = [
        ("bancs", 20_000_00, "north", .admissible),
        ("arbres", 50_000_00, "north", .admissible),
        ("piste", 80_000_00, "south", .admissible),
        ("jardin", 30_000_00, "south", .admissible),
        ("illegal", 10_000_00, "north", .inadmissible),
        ("palace", 2_000_000_00, "north", .admissible),
    ]

    init(
        ballot: BallotFormat = .approval(minimum: 1, maximum: 3), visibility: ResultsVisibility = .afterPublication,
        settings: BudgetSettings = BudgetSettings(envelope: 100_000_00, cycle: BudgetCycle(firstYear: 2026)),
        openVote: Bool = true
    ) async throws {
        world = try await TestWorld()
        var process = try await world.budgetProcess(voteRules: VoteRules(ballot: ballot, resultsVisibility: visibility))
        process = try await world.service.setBudgetSettings(settings, of: process.id, by: world.admin)
        for project in Self.projects {
            let proposition = Proposition(
                id: project.id, tenantID: world.tenant.id, processID: process.id, authors: [world.admin.participantID],
                title: "Projet \(project.id)", body: "…", estimatedCost: project.cost, districtID: project.district,
                lifecycle: .published, status: project.status, createdAt: TestWorld.start)
            try await world.service.storage.insertProposition(
                proposition,
                version: PropositionVersion(
                    propositionID: project.id, number: 1, title: proposition.title, body: proposition.body,
                    estimatedCost: project.cost, editedBy: world.admin.participantID, at: TestWorld.start),
                status: StatusChange(propositionID: project.id, status: project.status, justification: "review", by: world.admin.participantID, at: TestWorld.start))
        }
        if openVote {
            for phase in ["submission", "review"] as [PhaseID] {
                _ = try await world.service.openPhase(phase, of: process.id, by: world.admin)
                _ = try await world.service.closePhase(phase, of: process.id, by: world.admin)
            }
            process = try await world.service.openPhase("vote", of: process.id, by: world.admin)
        }
        self.process = process
    }

    func agent() async throws -> Caller {
        let agent = try await service.registerStaff(displayName: "Agent d'accueil", roles: [.official], by: admin)
        return Caller(tenantID: world.tenant.id, participantID: agent.id)
    }
}

func choices(_ ids: PropositionID...) -> [BallotChoice] { ids.map { BallotChoice($0) } }
