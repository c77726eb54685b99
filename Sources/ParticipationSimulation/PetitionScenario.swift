#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// A Grenoble-style petition: residents aged 16 and over sign; at the threshold it goes to
/// the council, the mayor sends it to a citizens' votation, and the votation adopts it with
/// at least `minimumInFavour` votes in favour and more in favour than against.
/// Run it with ``PetitionScenarioRunner``.
public struct PetitionScenario: Hashable, Sendable, Codable {
    public var name: String
    public var seed: UInt64
    public var start: Date
    public var population: PopulationSpec
    /// Eligible signatures that send the petition to the council (Grenoble: 2,000).
    public var signatureThreshold: Int
    /// Per mille of people who try to sign (ineligible ones are refused).
    public var signingPerMille: Int
    /// Votes in favour needed for adoption (Grenoble: 20,000).
    public var minimumInFavour: Int
    /// Per mille of people who take part in the votation.
    public var votationTurnoutPerMille: Int
    /// Per mille of votation voters who answer yes.
    public var inFavourPerMille: Int

    public init(
        name: String, seed: UInt64, start: Date, population: PopulationSpec, signatureThreshold: Int, signingPerMille: Int,
        minimumInFavour: Int, votationTurnoutPerMille: Int, inFavourPerMille: Int
    ) throws {
        guard signatureThreshold >= 1, minimumInFavour >= 0 else {
            throw ParticipationError.invalid("signatureThreshold", "the threshold is at least one signature")
        }
        guard [signingPerMille, votationTurnoutPerMille, inFavourPerMille].allSatisfy({ (0...1000).contains($0) }) else {
            throw ParticipationError.invalid("perMille", "shares per mille are within 0...1000")
        }
        self.name = name
        self.seed = seed
        self.start = start
        self.population = population
        self.signatureThreshold = signatureThreshold
        self.signingPerMille = signingPerMille
        self.minimumInFavour = minimumInFavour
        self.votationTurnoutPerMille = votationTurnoutPerMille
        self.inFavourPerMille = inFavourPerMille
    }

    /// Grenoble's rules scaled to a town of `people`: Grenoble has about 160,000 inhabitants,
    /// so its 2,000 signatures and 20,000 votes in favour become 1.25 % and 12.5 % of the town.
    public static func grenobleStyle(seed: UInt64, people: Int = 2_000) throws -> PetitionScenario {
        try PetitionScenario(
            name: "grenoble-style-petition", seed: seed, start: Date(timeIntervalSince1970: 1_767_225_600),
            population: try .town(districts: 3, people: people, nonResidentWorkers: people / 10, seed: seed),
            signatureThreshold: max(1, people / 80), signingPerMille: 60, minimumInFavour: people / 8,
            votationTurnoutPerMille: 350, inFavourPerMille: 600)
    }
}

/// What happened to the petition and its votation.
public struct PetitionReport: Hashable, Sendable, Codable {
    public var scenario: String
    public var seed: UInt64
    public var population: PopulationSummary
    public var signatureAttempts: Int
    public var signaturesCounted: Int
    /// Attempts refused because the signer is under 16 or does not live in the town.
    public var signaturesRefusedIneligible: Int
    /// The signature that reached the threshold (its rank among counted ones), if reached.
    public var thresholdReachedAtSignature: Int?
    /// The petition's statuses, oldest first.
    public var statuses: [String]
    public var votationVoters: Int
    public var votationRefusedIneligible: Int
    public var inFavour: Int
    public var against: Int
    public var minimumInFavour: Int
    public var adopted: Bool
}
