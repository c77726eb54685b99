#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// Drives a ``PetitionScenario`` through the real library: the petition process and its
/// threshold, signatures (eligible or refused), the council's decision to send it to a
/// votation, the votation and its compound rule.
public struct PetitionScenarioRunner: Sendable {
    public let scenario: PetitionScenario

    public init(_ scenario: PetitionScenario) { self.scenario = scenario }

    /// Runs the scenario on a fresh ``InMemoryStorage`` and reports.
    public func run() async throws -> PetitionReport {
        let clock = ManualClock(scenario.start)
        let service = ParticipationService(storage: InMemoryStorage(), clock: clock, ids: SequentialIdentifiers())
        let random = SimulationRandom(seed: scenario.seed)
        let tenant = try await service.createTenant(
            id: "ville", name: "Ville simulée", kind: .commune, districts: scenario.population.districts.map(\.district))
        let administrator = try await service.bootstrapAdministrator(in: tenant.id, displayName: "Direction de la participation")
        let admin = Caller(tenantID: tenant.id, participantID: administrator.id)
        let mayor = Caller(
            tenantID: tenant.id,
            participantID: try await service.registerStaff(displayName: "Maire", roles: [.official], by: admin).id)
        let residentsOver16 = EligibilityRule(minimumAge: 16, acceptedStatuses: [.resident])
        let petitions = try await service.createProcess(
            kind: .petition, title: "Pétitions citoyennes",
            phases: [Phase(id: "signature", name: "Signatures", kind: .signature, allowedActions: [.submit, .sign])],
            eligibility: [.submit: residentsOver16, .sign: residentsOver16], requiresCharter: false, by: admin)
        try await service.setContributionRules(
            ContributionRules(processID: petitions.id, tenantID: tenant.id, petitionThreshold: scenario.signatureThreshold),
            by: admin)
        let population = try await PopulationGenerator(spec: scenario.population, seed: scenario.seed)
            .register(with: service, in: tenant.id, referenceDate: scenario.start)
        func caller(_ person: SimulatedPerson) -> Caller { Caller(tenantID: tenant.id, participantID: person.participantID) }

        // Signatures: an adult resident opens the petition, then people sign in a seeded order.
        _ = try await service.openPhase("signature", of: petitions.id, by: admin)
        var draws = random.stream("signatures")
        let authors = population.people.filter { $0.status == .resident && $0.age >= 16 }
        guard !authors.isEmpty else { throw ParticipationError.invalid("population", "the town has no adult resident to petition") }
        let author = authors[draws.integer(below: authors.count)]
        let petition = try await service.createPetition(
            in: petitions.id, title: "Gratuité des transports pour les moins de 25 ans",
            body: "Nous demandons au conseil municipal de délibérer sur la gratuité des transports.", by: caller(author))
        var order = population.people
        draws.shuffle(&order)
        var attempts = 0
        var counted = 0
        var refused = 0
        var thresholdAt: Int?
        for person in order where draws.integer(below: 1000) < scenario.signingPerMille {
            clock.advance(by: 600)
            attempts += 1
            do {
                let receipt = try await service.signPetition(petition.id, by: caller(person))
                counted += 1
                if receipt.statusChange != nil { thresholdAt = counted }
            } catch let error as ParticipationError where error.code == .notEligible {
                refused += 1
            }
        }
        _ = try await service.closePhase("signature", of: petitions.id, by: admin)

        // The council debates; the mayor sends the petition to a votation when it reached the threshold.
        var votationVoters = 0
        var votationRefused = 0
        var inFavour = 0
        var against = 0
        var adopted = false
        if thresholdAt != nil {
            clock.advance(by: 30 * 86_400)
            _ = try await service.decidePetition(
                petition.id, decision: .sendToVotation, justification: "Débattue en conseil municipal; soumise à la votation citoyenne",
                by: mayor)
            let votationProcess = try await service.createProcess(
                kind: .votation, title: "Votation citoyenne",
                phases: [Phase(id: "vote", name: "Votation", kind: .vote, allowedActions: [.vote])],
                eligibility: [.vote: residentsOver16], requiresCharter: false, by: admin)
            let votation = try await service.createVotation(
                in: votationProcess.id, title: "Votation citoyenne annuelle",
                questions: [VotationQuestion(id: "q1", text: petition.title, petitionID: petition.id)],
                rule: VotationRule(minimumInFavour: scenario.minimumInFavour), by: admin)
            _ = try await service.openPhase("vote", of: votationProcess.id, by: admin)
            var ballots = random.stream("votation")
            for person in population.people where ballots.integer(below: 1000) < scenario.votationTurnoutPerMille {
                clock.advance(by: 60)
                let answer: VotationAnswer = ballots.integer(below: 1000) < scenario.inFavourPerMille ? .yes : .no
                do {
                    try await service.voteInVotation(votation.id, answers: ["q1": answer], by: caller(person))
                    votationVoters += 1
                } catch let error as ParticipationError where error.code == .notEligible {
                    votationRefused += 1
                }
            }
            _ = try await service.closePhase("vote", of: votationProcess.id, by: admin)
            let result = try await service.votationResults(of: votation.id, in: tenant.id)
            inFavour = result.first?.inFavour ?? 0
            against = result.first?.against ?? 0
            adopted = result.first?.adopted ?? false
        }
        let statuses = try await service.petitionStatusHistory(of: petition.id, in: tenant.id).map(\.status.rawValue)
        return PetitionReport(
            scenario: scenario.name, seed: scenario.seed, population: population.summary, signatureAttempts: attempts,
            signaturesCounted: counted, signaturesRefusedIneligible: refused, thresholdReachedAtSignature: thresholdAt,
            statuses: statuses, votationVoters: votationVoters, votationRefusedIneligible: votationRefused,
            inFavour: inFavour, against: against, minimumInFavour: scenario.minimumInFavour, adopted: adopted)
    }
}
