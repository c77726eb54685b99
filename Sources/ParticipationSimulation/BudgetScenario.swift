#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// Everything that defines a simulated participatory budget: the town, the money, the ideas,
/// the ballot, how people vote and where, the counting rule, and the seed every draw derives
/// from. Run it with ``BudgetScenarioRunner``.
public struct BudgetScenario: Hashable, Sendable, Codable {
    public var name: String
    /// The seed of every random draw of the run.
    public var seed: UInt64
    /// When the rule-setting phase opens; every later date follows from it.
    public var start: Date
    public var population: PopulationSpec
    /// The city-wide envelope in cents.
    public var envelope: Int64
    public var ideas: IdeaCatalogue
    public var ballot: BallotFormat
    public var behaviours: BehaviourMix
    public var channels: ChannelMix
    /// The counting rule, set as the budget's `BudgetSettings.countingRule`.
    public var rule: CountingRule
    /// How many days the vote stays open.
    public var votingDays: Int
    /// How many paper ballots an agent keys in per batch.
    public var paperBatchSize: Int

    public init(
        name: String, seed: UInt64, start: Date, population: PopulationSpec, envelope: Int64, ideas: IdeaCatalogue,
        ballot: BallotFormat, behaviours: BehaviourMix, channels: ChannelMix, rule: CountingRule,
        votingDays: Int = 14, paperBatchSize: Int = 25
    ) throws {
        guard envelope > 0 else { throw ParticipationError.invalid("envelope", "the envelope must be positive") }
        guard votingDays >= 1, paperBatchSize >= 1 else {
            throw ParticipationError.invalid("votingDays", "the vote lasts at least a day and batches hold at least one ballot")
        }
        self.name = name
        self.seed = seed
        self.start = start
        self.population = population
        self.envelope = envelope
        self.ideas = ideas
        self.ballot = ballot
        self.behaviours = behaviours
        self.channels = channels
        self.rule = rule
        self.votingDays = votingDays
        self.paperBatchSize = paperBatchSize
    }

    /// A hybrid municipal budget as the survey describes Marcq-en-Barœul, Bagneux and the
    /// Gers: a 250 000 € city-wide envelope; ideas submitted online by residents and
    /// collectives and on paper forms transcribed by agents; a joint committee of élus and
    /// volunteer citizens that reviews them with reasons and corrects costs; co-construction
    /// workshops; an approval vote (1 to 5 projects) online, at polling stations, on agents'
    /// tablets and at a kiosk, for residents and workers aged 16 and over; greedy counting;
    /// binding results and a realisation timeline.
    public static func hybridMunicipal(seed: UInt64, people: Int = 2_000, districts: Int = 4, ideas: Int = 30) throws
        -> BudgetScenario
    {
        try BudgetScenario(
            name: "hybrid-municipal-budget", seed: seed,
            start: Date(timeIntervalSince1970: 1_767_225_600),  // 2026-01-01T00:00:00Z
            population: try .town(
                districts: districts, people: people, nonResidentWorkers: people / 10, withoutAccountPerMille: 150,
                seed: seed),
            envelope: 250_000_00,
            ideas: try IdeaCatalogue(count: ideas, costRange: 5_000_00...80_000_00),
            ballot: .approval(minimum: 1, maximum: 5), behaviours: .typicalTown, channels: .hybrid, rule: .greedyCost)
    }

    /// When the vote opens: 61 days after ``start`` (rules, 30 days of submission, two weeks
    /// of review, two weeks of co-construction). Ages in the population are given on this day.
    public var voteOpensAt: Date { start.addingTimeInterval(61 * 86_400) }
}
