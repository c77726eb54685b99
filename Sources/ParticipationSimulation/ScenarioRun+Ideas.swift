#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

extension ScenarioRun {
    /// Submission: 30 days during which residents, collectives and people filling in paper
    /// forms bring the catalogue's ideas.
    mutating func collectIdeas() async throws {
        clock.advance(by: 86_400)
        try await open("submission")
        let districts = population.districts.map { district in
            (district.id, weight: population.people.count(where: { $0.districtID == district.id }))
        }
        let catalogue = scenario.ideas.ideas(over: districts, seed: scenario.seed)
        var random = random.stream("authors")
        let spacing = catalogue.isEmpty ? 0 : 29.0 * 86_400 / Double(catalogue.count)
        for idea in catalogue {
            clock.advance(by: spacing)
            let proposition: Proposition
            switch idea.submission {
            case .individual:
                let author = pick(in: idea.districtID, hasAccount: true, using: &random)
                proposition = try await desk.submit(idea, authorship: .individual, by: caller(author), in: processID)
            case .collective(let kind):
                let representative = pick(in: idea.districtID, hasAccount: true, using: &random)
                let collective = try await service.registerParticipant(
                    in: tenant, displayName: "\(Self.collectiveName(kind)) (\(idea.districtID.rawValue))",
                    kind: .collective(kind, representative: representative.participantID),
                    profile: Profile(districtID: idea.districtID, statuses: [.resident]))
                proposition = try await desk.submit(
                    idea, authorship: .collective(collective.id), by: caller(representative), in: processID)
            case .transcribed(let source):
                let author = pick(in: idea.districtID, hasAccount: false, using: &random)
                proposition = try await desk.transcribe(
                    idea, source: source, place: "Mairie annexe \(idea.districtID.rawValue)", author: author.participantID,
                    by: agent(of: idea.districtID), in: processID)
            }
            ideas.append((idea, proposition.id))
        }
        try await close("submission", after: 1)
    }

    /// Review: the committee's two members take the ideas in turn, decide with a reason and a
    /// public justification, and correct cost estimates.
    mutating func reviewIdeas() async throws {
        try await open("review")
        for (index, entry) in ideas.enumerated() {
            clock.advance(by: 3_600)
            let member = committee[index % committee.count]
            switch entry.idea.review {
            case .admissible(let adjustedCost):
                if let adjustedCost {
                    _ = try await desk.adjustCost(
                        entry.id, to: adjustedCost, reason: "Chiffrage des services techniques", by: member)
                    costAdjusted += 1
                }
                _ = try await desk.review(
                    entry.id, status: .admissible, reason: .retained,
                    justification: "Projet d'investissement d'intérêt général, réalisable par la ville", by: member)
            case .inadmissible(let reason):
                _ = try await desk.review(
                    entry.id, status: .inadmissible, reason: reason, justification: Self.justification(for: reason),
                    by: member)
            }
        }
        try await close("review", after: 14)
    }

    /// Co-construction: agents rework some texts with their authors before the vote.
    mutating func coConstruct() async throws {
        try await open("co-construction")
        for entry in ideas {
            guard let note = entry.idea.reworkNote else { continue }
            clock.advance(by: 3_600)
            _ = try await desk.rework(
                entry.id, body: entry.idea.body + " Version précisée après l'atelier.", note: note,
                by: agent(of: entry.idea.districtID))
            reworked += 1
        }
        try await close("co-construction", after: 14)
    }

    /// Someone of `district` aged 16 or more, with or without an account; anyone of the
    /// town with that account status when the district has nobody suitable.
    func pick(in district: DistrictID, hasAccount: Bool, using random: inout SimulationRandom) -> SimulatedPerson {
        let suitable = population.people.filter { $0.hasAccount == hasAccount && $0.age >= 16 }
        let local = suitable.filter { $0.districtID == district }
        let pool = local.isEmpty ? (suitable.isEmpty ? population.people : suitable) : local
        return pool[random.integer(below: pool.count)]
    }

    static func collectiveName(_ kind: CollectiveKind) -> String {
        switch kind {
        case .association: "Association de quartier"
        case .family: "Famille"
        case .schoolClass: "Classe de CM2"
        case .neighbours: "Collectif de voisins"
        case .other: "Collectif"
        }
    }

    static func justification(for reason: ReviewReason) -> String {
        switch reason {
        case .outsideCompetence: "Ne relève pas de la compétence de la commune"
        case .alreadyExists: "Déjà réalisé ou prévu au plan pluriannuel d'investissement"
        case .tooExpensive: "Coût hors de portée de l'enveloppe"
        case .illegal: "Contraire à la réglementation"
        default: "Non retenu par la commission"
        }
    }
}
