import Foundation
import Participation
import ParticipationSimulation

/// The benchmark's city: a tenant with its districts, an administrator, one agent per
/// district keying in polling-station batches, and an open city-wide approval vote.
struct BenchmarkCity {
    let options: BenchmarkOptions
    let service: ParticipationService
    let clock: ManualClock
    let tenant: TenantID
    let processID: ProcessID
    let agent: Caller
    let admin: Caller
    let spec: PopulationSpec
    let candidates: [BallotCandidate]
    let envelope: Int64

    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    static func build(on storage: any ParticipationStorage, options: BenchmarkOptions) async throws -> BenchmarkCity {
        let clock = ManualClock(start)
        let service = ParticipationService(storage: storage, clock: clock, ids: SequentialIdentifiers())
        var spec = try PopulationSpec.town(districts: options.districts, people: options.voters, seed: options.seed)
        // Every simulated person votes, so everyone is of voting age.
        spec.residentAges = try AgeDistribution(brackets: [.init(youngest: 16, oldest: 90, weight: 1)])
        let tenant = try await service.createTenant(
            id: "metropole", name: "Ville de la simulation", kind: .commune, districts: spec.districts.map(\.district))
        let administrator = try await service.bootstrapAdministrator(in: tenant.id, displayName: "Administration")
        let admin = Caller(tenantID: tenant.id, participantID: administrator.id)
        let agentAccount = try await service.registerStaff(displayName: "Centre de dépouillement", roles: [.official], by: admin)
        let agent = Caller(tenantID: tenant.id, participantID: agentAccount.id)
        let envelope: Int64 = 30_000_000_00
        let process = try await service.createProcess(
            kind: .participatoryBudget, title: "Budget participatif de la ville",
            phases: [
                Phase(id: "submission", name: "Dépôt", kind: .submission, allowedActions: [.submit]),
                Phase(id: "review", name: "Étude", kind: .review),
                Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote], preconditions: [.allPropositionsReviewed, .voteRulesSet]),
                Phase(id: "results", name: "Résultats", kind: .results),
            ],
            requiresCharter: false,
            voteRules: VoteRules(ballot: .approval(minimum: 1, maximum: options.approvals)), by: admin)
        _ = try await service.setBudgetSettings(
            BudgetSettings(envelope: envelope, cycle: BudgetCycle(firstYear: 2026)), of: process.id, by: admin)

        _ = try await service.openPhase("submission", of: process.id, by: admin)
        let author = try await service.registerParticipant(in: tenant.id, displayName: "Porteur de projets")
        let catalogue = try IdeaCatalogue(count: options.projects, costRange: 20_000_00...1_500_000_00, inadmissiblePerMille: 0)
        let ideas = catalogue.ideas(over: spec.districts.map { ($0.district.id, weight: $0.residents) }, seed: options.seed)
        var appeal: [PropositionID: ProjectIdea] = [:]
        for idea in ideas {
            let proposition = try await service.transcribeProposition(
                in: process.id,
                PropositionDraft(title: idea.title, body: idea.body, estimatedCost: idea.authorEstimate, districtID: idea.districtID),
                authors: [author.id], source: .paperForm, by: agent)
            appeal[proposition.id] = idea
        }
        _ = try await service.closePhase("submission", of: process.id, by: admin)
        _ = try await service.openPhase("review", of: process.id, by: admin)
        for id in appeal.keys.sorted() {
            _ = try await service.reviewProposition(id, status: .admissible, reason: .retained, justification: "Recevable", by: admin)
        }
        _ = try await service.closePhase("review", of: process.id, by: admin)
        _ = try await service.openPhase("vote", of: process.id, by: admin)

        let list = try await service.ballotList(of: process.id, scope: nil, in: tenant.id)
        let candidates = list.costs.keys.sorted().map { id in
            // Every id on the ballot was transcribed above, so its idea is known.
            let idea = appeal[id]!
            return BallotCandidate(id: id, cost: list.costs[id] ?? 0, districtID: idea.districtID, appeal: idea.appeal)
        }
        return BenchmarkCity(
            options: options, service: service, clock: clock, tenant: tenant.id, processID: process.id, agent: agent, admin: admin,
            spec: spec, candidates: candidates, envelope: envelope)
    }

    /// Loads the census straight into storage, 10,000 participants per `insertParticipants`.
    func loadPopulation() async throws -> SimulatedPopulation {
        try await PopulationGenerator(spec: spec, seed: options.seed)
            .insert(into: service.storage, in: tenant, referenceDate: Self.start, registeredAt: Self.start)
    }

    /// Every voter's ballot, keyed in by polling-station batches through the service's paper
    /// path (`recordPaperBatch`: eligibility and ballot checks, then one `castBallots` call).
    /// Two stations key in at a time, as a counting centre with several desks would: one
    /// batch's checks run while the other's ballots are written.
    func ingestBallots(for population: SimulatedPopulation) async throws -> (counted: Int, refused: Int) {
        var choosers: [String: BallotChooser] = [:]
        var random = SimulationRandom(seed: options.seed).stream("benchmark-votes")
        return try await withThrowingTaskGroup(of: (counted: Int, refused: Int).self) { desks in
            var counted = 0
            var refused = 0
            var busyDesks = 0
            var batch: [PaperBallot] = []
            batch.reserveCapacity(options.batch)
            var batchNumber = 0
            func collect(_ outcome: (counted: Int, refused: Int)?) {
                guard let outcome else { return }
                counted += outcome.counted
                refused += outcome.refused
                busyDesks -= 1
            }
            for person in population.people {
                let behaviour = BehaviourMix.typicalTown.draw(using: &random)
                let key = "\(behaviour)|\(person.districtID.rawValue)"
                let chooser = choosers[key] ?? BallotChooser(candidates: candidates, behaviour: behaviour, voterDistrict: person.districtID)
                choosers[key] = chooser
                let choices = chooser.approvals(options.approvals, using: &random).map { BallotChoice($0) }
                batch.append(PaperBallot(voterID: person.participantID, choices: choices))
                if batch.count == options.batch {
                    if busyDesks == Self.desks { collect(try await desks.next()) }
                    batchNumber += 1
                    desks.addTask { [batch, batchNumber] in try await keyIn(batch, number: batchNumber) }
                    busyDesks += 1
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty {
                desks.addTask { [batch, batchNumber] in try await keyIn(batch, number: batchNumber + 1) }
                busyDesks += 1
            }
            while busyDesks > 0 { collect(try await desks.next()) }
            return (counted, refused)
        }
    }

    /// How many polling-station batches are keyed in at once.
    private static let desks = 2

    private func keyIn(_ batch: [PaperBallot], number: Int) async throws -> (counted: Int, refused: Int) {
        let outcomes = try await service.recordPaperBatch(
            batch, station: "Centre de dépouillement", batch: "lot-\(number)", in: processID, by: agent)
        let counted = outcomes.count(where: { if case .counted = $0 { true } else { false } })
        return (counted, outcomes.count - counted)
    }

    /// Closes the vote and opens the results phase, so that the budget can be counted.
    func closeVote() async throws {
        clock.advance(by: 14 * 86_400)
        _ = try await service.closePhase("vote", of: processID, by: admin)
        _ = try await service.openPhase("results", of: processID, by: admin)
    }
}
