import Participation

/// Generates the ideas of a budget: titles from a French town's usual projects, costs in a
/// range, a mix of submission channels, review outcomes and appeal, all from a seed.
public struct IdeaCatalogue: Hashable, Sendable, Codable {
    /// How many ideas.
    public var count: Int
    /// Author estimates are drawn in this range, in cents.
    public var costRange: ClosedRange<Int64>
    /// Weights of individual online, collective and transcribed paper submissions.
    public var individualWeight: Int
    public var collectiveWeight: Int
    public var transcribedWeight: Int
    /// Per mille of ideas the committee turns down.
    public var inadmissiblePerMille: Int
    /// Per mille of admissible ideas whose cost the committee corrects.
    public var costAdjustedPerMille: Int
    /// Per mille of admissible ideas reworked with their authors before the vote.
    public var reworkedPerMille: Int

    public init(
        count: Int, costRange: ClosedRange<Int64>, individualWeight: Int = 60, collectiveWeight: Int = 20,
        transcribedWeight: Int = 20, inadmissiblePerMille: Int = 150, costAdjustedPerMille: Int = 300,
        reworkedPerMille: Int = 250
    ) throws {
        guard count >= 0, costRange.lowerBound > 0 else {
            throw ParticipationError.invalid("ideas", "a catalogue needs a non-negative count and positive costs")
        }
        guard individualWeight >= 0, collectiveWeight >= 0, transcribedWeight >= 0,
            individualWeight + collectiveWeight + transcribedWeight > 0
        else { throw ParticipationError.invalid("ideas.weights", "submission weights are non-negative, one positive") }
        guard [inadmissiblePerMille, costAdjustedPerMille, reworkedPerMille].allSatisfy({ (0...1000).contains($0) }) else {
            throw ParticipationError.invalid("ideas.perMille", "shares per mille are within 0...1000")
        }
        self.count = count
        self.costRange = costRange
        self.individualWeight = individualWeight
        self.collectiveWeight = collectiveWeight
        self.transcribedWeight = transcribedWeight
        self.inadmissiblePerMille = inadmissiblePerMille
        self.costAdjustedPerMille = costAdjustedPerMille
        self.reworkedPerMille = reworkedPerMille
    }

    static let subjects = [
        "Jardin partagé", "Aire de jeux", "Piste cyclable", "Bancs et ombrages", "Fresque murale", "Boîte à livres",
        "Composteurs collectifs", "Éclairage solaire", "Terrain multisport", "Fontaine à eau", "Verger urbain",
        "Abri vélos sécurisé", "Toilettes publiques", "Îlot de fraîcheur", "Skatepark", "Ruches en ville",
    ]
    static let reasons: [ReviewReason] = [.outsideCompetence, .alreadyExists, .tooExpensive, .illegal]
    static let collectives: [CollectiveKind] = [.association, .family, .schoolClass, .neighbours]
    static let offlineSources: [OfflineSource] = [.paperForm, .marketStand, .labelledVenue, .workshop]

    /// The ideas, spread over `districts` in proportion to their weights (head counts), in key order.
    public func ideas(over districts: [(DistrictID, weight: Int)], seed: UInt64) -> [ProjectIdea] {
        var random = SimulationRandom(seed: seed).stream("ideas")
        let districtWeights = districts.map { max(1, $0.weight) }
        // Appeal follows rank: 100, 75, 60, 50… so a few ideas stand out, whatever their district.
        var ranks = Array(0..<count)
        random.shuffle(&ranks)
        return (0..<count).map { index in
            let district = districts[random.weightedIndex(districtWeights)].0
            let span = costRange.upperBound - costRange.lowerBound
            // Costs round to the hundred euros, as estimates do.
            let raw = costRange.lowerBound + Int64(random.integer(below: Int(min(span, Int64(Int.max - 1)) + 1)))
            let estimate = max(10_000, raw / 10_000 * 10_000)
            let submission: IdeaSubmission =
                switch random.weightedIndex([individualWeight, collectiveWeight, transcribedWeight]) {
                case 0: .individual
                case 1: .collective(Self.collectives[random.integer(below: Self.collectives.count)])
                default: .transcribed(Self.offlineSources[random.integer(below: Self.offlineSources.count)])
                }
            let review: ReviewPlan
            var reworkNote: String?
            if random.integer(below: 1000) < inadmissiblePerMille {
                review = .inadmissible(Self.reasons[random.integer(below: Self.reasons.count)])
            } else {
                let adjusted: Int64? =
                    random.integer(below: 1000) < costAdjustedPerMille
                    ? estimate + estimate / 100 * Int64(random.integer(in: 10...40)) : nil
                review = .admissible(adjustedCost: adjusted)
                if random.integer(below: 1000) < reworkedPerMille {
                    reworkNote = "Texte retravaillé avec les porteurs en atelier de co-construction"
                }
            }
            let number = String(index + 1)
            let key = "idea-" + String(repeating: "0", count: max(0, 3 - number.count)) + number
            let subject = Self.subjects[random.integer(below: Self.subjects.count)]
            return ProjectIdea(
                key: key, title: "\(subject) (\(district.rawValue), n°\(index + 1))",
                body: "\(subject) proposé pour le quartier \(district.rawValue).", districtID: district,
                authorEstimate: estimate, submission: submission, review: review, reworkNote: reworkNote,
                appeal: 300 / (3 + ranks[index]))
        }
    }
}
