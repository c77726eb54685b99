import Foundation
import Participation

/// The demo tenant a new user can try at once: a commune with three districts, a charter, an
/// administrator, an official, three citizens, a participatory budget in its voting phase
/// (its projects submitted and reviewed through the proposition service), and a petition.
///
/// Everything goes through ``ParticipationService``, as a client would, so the seed obeys
/// the library's rules.
enum DemoSeed {
    static let tenantID: TenantID = "demo"
    static let budgetTitle = "Budget participatif 2026"
    static let petitionTitle = "Pétitions citoyennes"

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
        /// The petition process, open for signatures.
        let petitionProcessID: ProcessID
        /// Its petition, signed by its author.
        let petitionID: PetitionID
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
        let official = try account(try await service.registerStaff(displayName: "Dominique Agent", roles: [.official, .reviewer], by: admin))
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
        // Walk the budget to its vote as its users would: citizens submit during the submission
        // phase, the reviewer judges every project admissible, then the vote opens.
        let citizenCallers = accounts.suffix(3).map { Caller(tenantID: tenant.id, participantID: $0.participantID) }
        _ = try await service.openPhase("submission", of: budget.id, by: admin)
        let projects = try await seedProjects(in: budget.id, authors: citizenCallers, service: service)
        _ = try await service.closePhase("submission", of: budget.id, by: admin)
        _ = try await service.openPhase("review", of: budget.id, by: admin)
        for id in projects {
            _ = try await service.reviewProposition(
                id, status: .admissible, reason: nil, justification: "Faisable et d'intérêt général.", by: official)
        }
        _ = try await service.closePhase("review", of: budget.id, by: admin)
        _ = try await service.openPhase("vote", of: budget.id, by: admin)
        let petitions = try await seedPetitions(citizens: citizenCallers, service: service, admin: admin)
        return Result(
            tenantID: tenant.id, budgetID: budget.id, projectIDs: projects, petitionProcessID: petitions.processID,
            petitionID: petitions.petitionID, accounts: accounts)
    }

    /// The budget's projects, drafted and published by the citizens in turn.
    private static func seedProjects(
        in budget: ProcessID, authors: [Caller], service: ParticipationService
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
            let author = authors[index % authors.count]
            let draft = try await service.draftProposition(
                in: budget, PropositionDraft(title: title, body: body, estimatedCost: cost, districtID: district), by: author)
            ids.append(try await service.publishProposition(draft.id, by: author).id)
        }
        return ids
    }

    /// A petition process open for signatures (threshold 3), with one petition signed by its author.
    private static func seedPetitions(citizens: [Caller], service: ParticipationService, admin: Caller) async throws
        -> (processID: ProcessID, petitionID: PetitionID)
    {
        let process = try await service.createProcess(
            kind: .petition, title: petitionTitle,
            summary: "Proposez une pétition ; à 3 signatures, le conseil municipal en débat.",
            phases: [
                Phase(
                    id: "signatures", name: "Signatures", kind: .signature,
                    allowedActions: [.submit, .sign, .comment, .support, .opine])
            ],
            eligibility: [.sign: EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident])], by: admin)
        try await service.setContributionRules(
            ContributionRules(processID: process.id, tenantID: process.tenantID, petitionThreshold: 3), by: admin)
        _ = try await service.openPhase("signatures", of: process.id, by: admin)
        let petition = try await service.createPetition(
            in: process.id, title: "Un marché le dimanche matin",
            body: "Nous demandons un marché de producteurs locaux place de la Mairie le dimanche matin.", by: citizens[0])
        _ = try await service.signPetition(petition.id, by: citizens[0])
        return (process.id, petition.id)
    }
}
