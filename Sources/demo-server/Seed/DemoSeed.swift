import Foundation
import Participation

/// The demo tenant a new user can try at once: a commune with three districts, a charter, an
/// administrator, an official, three citizens, and a participatory budget in its voting phase.
///
/// Everything goes through ``ParticipationService``, as a client would, so the seed obeys
/// the library's rules.
enum DemoSeed {
    static let tenantID: TenantID = "demo"
    static let budgetTitle = "Budget participatif 2026"

    /// Who the seed created and the token each can use.
    struct Account: Sendable {
        let name: String
        let roles: [Role]
        let participantID: ParticipantID
        let token: String
    }

    /// What the seed created.
    struct Result: Sendable {
        let tenantID: TenantID
        let budgetID: ProcessID
        /// The admissible projects on the budget's ballot.
        let projectIDs: [PropositionID]
        let accounts: [Account]
    }

    /// Whether the storage holds no tenant yet.
    static func isEmpty(_ storage: any ParticipationStorage) async throws -> Bool {
        try await storage.tenants().isEmpty
    }

    /// Seeds the demo tenant and issues a token for each account.
    static func run(service: ParticipationService, tokens: TokenRegistry) async throws -> Result {
        let tenant = try await service.createTenant(
            id: tenantID, name: "Ville de Démo", kind: .commune,
            districts: [
                District(id: "centre", name: "Centre"), District(id: "nord", name: "Nord"), District(id: "sud", name: "Sud"),
            ])
        var accounts: [Account] = []
        func account(_ participant: Participant) throws -> Caller {
            let caller = Caller(tenantID: tenant.id, participantID: participant.id)
            accounts.append(
                Account(
                    name: participant.displayName, roles: participant.roles.sorted(), participantID: participant.id,
                    token: try tokens.issue(for: caller)))
            return caller
        }

        let admin = try account(try await service.bootstrapAdministrator(in: tenant.id, displayName: "Camille Admin"))
        _ = try account(try await service.registerStaff(displayName: "Dominique Agent", roles: [.official, .reviewer], by: admin))
        _ = try await service.publishCharter(
            title: "Charte de la participation",
            text: "Je participe dans le respect des autres, sous mon nom ou un pseudonyme, une voix par personne.",
            by: admin)

        let citizens: [(String, Profile)] = [
            ("Alice Martin", Profile(birthDate: DemoCensus.date("1988-04-12"), districtID: "centre", statuses: [.resident])),
            ("Bilal Haddad", Profile(birthDate: DemoCensus.date("2001-09-30"), districtID: "nord", statuses: [.resident])),
            ("Chloé Petit", Profile(birthDate: DemoCensus.date("1975-06-02"), districtID: "sud", statuses: [.worksThere])),
        ]
        for (name, profile) in citizens {
            let caller = try account(
                try await service.registerParticipant(in: tenant.id, displayName: name, profile: profile))
            _ = try await service.acceptCurrentCharter(by: caller)
        }

        let budget = try await service.createProcess(
            kind: .participatoryBudget, title: budgetTitle,
            summary: "Proposez et choisissez les projets financés par 500 000 € du budget d'investissement.",
            phases: [
                Phase(id: "submission", name: "Dépôt des projets", kind: .submission, allowedActions: [.submit, .comment, .support]),
                Phase(id: "review", name: "Étude de faisabilité", kind: .review),
                Phase(
                    id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote],
                    preconditions: [.allPropositionsReviewed, .voteRulesSet]),
                Phase(id: "results", name: "Résultats", kind: .results),
            ],
            eligibility: [.vote: EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident, .worksThere])],
            voteRules: VoteRules(ballot: .approval(minimum: 1, maximum: 3), resultsVisibility: .afterPublication),
            by: admin)
        _ = try await service.setBudgetSettings(
            BudgetSettings(envelope: 50_000_000, cycle: BudgetCycle(firstYear: 2026)), of: budget.id, by: admin)
        let projects = try await seedProjects(in: budget, authors: accounts.suffix(3).map(\.participantID), service: service, admin: admin)
        // Walk the budget to its vote, as its administrator would.
        for phase: PhaseID in ["submission", "review"] {
            _ = try await service.openPhase(phase, of: budget.id, by: admin)
            _ = try await service.closePhase(phase, of: budget.id, by: admin)
        }
        _ = try await service.openPhase("vote", of: budget.id, by: admin)
        return Result(tenantID: tenant.id, budgetID: budget.id, projectIDs: projects, accounts: accounts)
    }

    /// The budget's projects, published and judged admissible with their costs.
    ///
    /// The library has no proposition service yet, so the seed writes reviewed projects
    /// through storage, each with its first version and its review decision, as the
    /// submission and review phases would have left them.
    private static func seedProjects(
        in budget: ParticipatoryProcess, authors: [ParticipantID], service: ParticipationService, admin: Caller
    ) async throws -> [PropositionID] {
        let projects: [(String, String, Int64, DistrictID)] = [
            ("Des arbres rue de la Gare", "Planter trente arbres d'alignement.", 12_000_000, "centre"),
            ("Une piste cyclable vers le lycée", "Relier le quartier nord au lycée en sécurité.", 25_000_000, "nord"),
            ("Des bancs au parc du Sud", "Vingt bancs et deux fontaines.", 4_500_000, "sud"),
            ("Une boîte à livres par quartier", "Trois boîtes à livres en bois local.", 900_000, "centre"),
            ("Un jardin partagé", "Un terrain, des bacs, un abri à outils.", 7_000_000, "sud"),
        ]
        var ids: [PropositionID] = []
        for (index, (title, body, cost, district)) in projects.enumerated() {
            let id = PropositionID(rawValue: service.ids.next(prefix: "project"))
            let author = authors[index % authors.count]
            let now = service.clock.now()
            let proposition = Proposition(
                id: id, tenantID: budget.tenantID, processID: budget.id, authors: [author], title: title, body: body,
                estimatedCost: cost, districtID: district, lifecycle: .published, status: .admissible, createdAt: now)
            try await service.storage.insertProposition(
                proposition,
                version: PropositionVersion(
                    propositionID: id, number: 1, title: title, body: body, estimatedCost: cost, editedBy: author, at: now),
                status: StatusChange(
                    propositionID: id, status: .admissible, justification: "Faisable et d'intérêt général.",
                    by: admin.participantID, at: now))
            ids.append(id)
        }
        return ids
    }
}
