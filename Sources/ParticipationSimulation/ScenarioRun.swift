#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// The state of one scenario run as it moves through the phases. Each phase lives in its own
/// extension file (`ScenarioRun+…`).
struct ScenarioRun {
    static let phases: [Phase] = [
        Phase(id: "rules", name: "Co-construction des règles", kind: .ruleSetting, allowedActions: [.comment]),
        Phase(id: "submission", name: "Dépôt des idées", kind: .submission, allowedActions: [.submit, .comment]),
        Phase(id: "review", name: "Étude par la commission paritaire", kind: .review),
        Phase(id: "co-construction", name: "Ateliers de co-construction", kind: .coConstruction, allowedActions: [.comment]),
        Phase(
            id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote],
            preconditions: [.allPropositionsReviewed, .voteRulesSet]),
        Phase(id: "results", name: "Résultats", kind: .results),
        Phase(id: "realisation", name: "Réalisation", kind: .realisation),
    ]

    let scenario: BudgetScenario
    let service: ParticipationService
    let clock: ManualClock
    let desk: ContributionDesk
    let random: SimulationRandom
    let tenant: TenantID
    let admin: Caller
    /// The joint committee: an élue and a volunteer citizen, both reviewers.
    let committee: [Caller]
    /// One agent per district: polling station, tablet and paper forms.
    let agents: [DistrictID: Caller]
    let processID: ProcessID
    let population: SimulatedPopulation
    let peopleByID: [ParticipantID: SimulatedPerson]

    // What the phases did, for the report.
    var ideas: [(idea: ProjectIdea, id: PropositionID)] = []
    var reworked = 0
    var costAdjusted = 0
    var attempts = 0
    var duplicateAttempts = 0
    var refusedDuplicate = 0
    var refusedIneligible = 0
    var refusedOther = 0
    var result: ResultReport?

    /// The tenant, its staff, the charter, the process and the registered population.
    static func setUp(_ scenario: BudgetScenario, service: ParticipationService, clock: ManualClock) async throws
        -> ScenarioRun
    {
        let tenant = try await service.createTenant(
            id: "ville", name: "Ville simulée", kind: .commune, districts: scenario.population.districts.map(\.district))
        let administrator = try await service.bootstrapAdministrator(in: tenant.id, displayName: "Direction de la participation")
        let admin = Caller(tenantID: tenant.id, participantID: administrator.id)
        var committee: [Caller] = []
        for name in ["Élue référente du budget participatif", "Citoyen volontaire tiré au sort"] {
            let member = try await service.registerStaff(displayName: name, roles: [.reviewer], by: admin)
            committee.append(Caller(tenantID: tenant.id, participantID: member.id))
        }
        var agents: [DistrictID: Caller] = [:]
        for district in tenant.districts {
            let agent = try await service.registerStaff(displayName: "Agent \(district.name)", roles: [.official], by: admin)
            agents[district.id] = Caller(tenantID: tenant.id, participantID: agent.id)
        }
        _ = try await service.publishCharter(
            title: "Charte de la participation", text: "Respect, bienveillance, un vote par personne.", by: admin)
        let process = try await service.createProcess(
            kind: .participatoryBudget, title: "Budget participatif \(Self.year(of: scenario.start))",
            summary: "Les habitants proposent des projets d'investissement et votent pour ceux qui seront réalisés.",
            phases: phases,
            eligibility: [
                .submit: EligibilityRule(acceptedStatuses: [.resident, .worksThere]),
                .vote: EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident, .worksThere]),
            ],
            requiresCharter: true, by: admin)
        let population = try await PopulationGenerator(spec: scenario.population, seed: scenario.seed)
            .register(with: service, in: tenant.id, referenceDate: scenario.voteOpensAt)
        // People with an account accept the charter when they sign up; the others sign the
        // polling station's register instead.
        for person in population.people where person.hasAccount {
            _ = try await service.acceptCurrentCharter(by: Caller(tenantID: tenant.id, participantID: person.participantID))
        }
        return ScenarioRun(
            scenario: scenario, service: service, clock: clock, desk: ContributionDesk(service: service),
            random: SimulationRandom(seed: scenario.seed), tenant: tenant.id, admin: admin, committee: committee,
            agents: agents, processID: process.id, population: population,
            peopleByID: Dictionary(uniqueKeysWithValues: population.people.map { ($0.participantID, $0) }))
    }

    /// Rule setting: the vote rules and the envelope, agreed in workshops and then entered.
    mutating func setRules() async throws {
        try await open("rules")
        _ = try await service.setVoteRules(
            VoteRules(ballot: scenario.ballot, resultsVisibility: .afterPublication, binding: true), of: processID, by: admin)
        _ = try await service.setBudgetSettings(
            BudgetSettings(
                envelope: scenario.envelope, categories: ["investment"],
                cycle: BudgetCycle(firstYear: Self.year(of: scenario.start)), countingRule: scenario.rule),
            of: processID, by: admin)
        try await service.setContributionRules(
            ContributionRules(
                processID: processID, tenantID: tenant,
                reviewingBody: ReviewingBody(kind: .jointCommittee, name: "Commission paritaire du budget participatif")),
            by: admin)
        try await close("rules", after: 1)
    }

    func open(_ phase: PhaseID) async throws { _ = try await service.openPhase(phase, of: processID, by: admin) }

    /// Closes `phase` after `days` days.
    func close(_ phase: PhaseID, after days: Int) async throws {
        clock.advance(by: Double(days) * 86_400)
        _ = try await service.closePhase(phase, of: processID, by: admin)
    }

    func caller(_ person: SimulatedPerson) -> Caller { Caller(tenantID: tenant, participantID: person.participantID) }

    /// The district's agent; every district has one (set up with the tenant's districts).
    func agent(of district: DistrictID) -> Caller { agents[district]! }

    static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.component(.year, from: date)
    }
}
