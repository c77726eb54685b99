#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// What happened in a simulated budget, from the platform's own records: the population,
/// the ideas and their review, the ballots by channel with the duplicates caught, turnout per
/// district, the winners and the money allocated, and the winners' realisation timelines.
///
/// Every collection is an array in a fixed order, so two reports compare (and encode)
/// equal exactly when the runs were the same.
public struct ScenarioReport: Hashable, Sendable, Codable {
    public var scenario: String
    public var seed: UInt64
    public var population: PopulationSummary
    public var ideas: IdeaReport
    public var votes: VoteReport
    /// One entry per district, in the population's district order.
    public var turnout: [DistrictTurnout]
    public var result: ResultReport
    /// Each winner's realisation timeline as the city publishes it, by proposition id.
    public var realisation: [ProjectRealisation]

    /// The report as JSON with sorted keys, for fixtures and diffs.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The ideas of a budget and what the committee made of them.
public struct IdeaReport: Hashable, Sendable, Codable {
    public var submitted: Int
    /// Ideas per way in: individual, collective, transcribed.
    public var bySubmission: [NamedCount]
    public var admissible: Int
    /// Inadmissible ideas per review reason, sorted by reason.
    public var inadmissibleByReason: [NamedCount]
    public var costAdjusted: Int
    public var reworked: Int
}

/// Ballots and attempts.
public struct VoteReport: Hashable, Sendable, Codable {
    /// Ballots that count, per channel name (online, kiosk, paper, assisted), sorted by name.
    public var ballotsByChannel: [NamedCount]
    public var ballotsCounted: Int
    /// Every attempt to vote, counted or not.
    public var attempts: Int
    /// Second attempts on another channel that the simulation made.
    public var duplicateAttempts: Int
    /// Second ballots the platform refused and kept as conflicts for staff.
    public var duplicatesCaught: Int
    /// Attempts refused because the voter was not eligible (under 16).
    public var refusedIneligible: Int
    /// Attempts refused for any other reason (none in a correct run).
    public var refusedOther: Int
}

/// Turnout in one district.
public struct DistrictTurnout: Hashable, Sendable, Codable {
    public var districtID: DistrictID
    /// People of the district old enough to vote on the day the vote opened.
    public var eligible: Int
    /// Of them, those with a counted ballot.
    public var voters: Int
    /// voters / eligible, per mille, rounded down.
    public var perMille: Int
}

/// The counted and published outcome.
public struct ResultReport: Hashable, Sendable, Codable {
    public var rule: String
    /// The envelope, in cents.
    public var envelope: Int64
    /// The winners' total cost, in cents.
    public var allocated: Int64
    /// Winners, by supporters (most first), then id.
    public var winners: [WinningProject]
    /// Projects that were on the ballot.
    public var onBallot: Int
}

/// A winning project.
public struct WinningProject: Hashable, Sendable, Codable {
    public var id: PropositionID
    public var title: String
    public var districtID: DistrictID?
    /// Cost in cents.
    public var cost: Int64
    public var supporters: Int
}

/// A winner's realisation, read from its public timeline (`realisationTimeline(of:in:)`).
public struct ProjectRealisation: Hashable, Sendable, Codable {
    public var propositionID: PropositionID
    public var state: RealisationState
    /// The recorded steps, oldest first.
    public var steps: [RealisationStep]
    public var progressPercent: Int
    /// The estimate and the money spent, in cents.
    public var estimatedCost: Int64?
    public var spent: Int64
    /// Spent minus estimate, in cents: positive for an overrun.
    public var differenceFromEstimate: Int64?

    /// The realisation as `timeline` tells it.
    public init(_ timeline: RealisationTimeline) {
        propositionID = timeline.propositionID
        state = timeline.state
        steps = timeline.events.map {
            RealisationStep(kind: $0.kind, on: $0.on, progressPercent: $0.progressPercent, spentToDate: $0.spentToDate)
        }
        progressPercent = timeline.progressPercent
        estimatedCost = timeline.estimatedCost
        spent = timeline.spent
        differenceFromEstimate = timeline.differenceFromEstimate
    }
}

/// One dated step of a realisation timeline.
public struct RealisationStep: Hashable, Sendable, Codable {
    public var kind: RealisationEventKind
    public var on: Date
    public var progressPercent: Int?
    /// Cumulative spending in cents, when the step reports it.
    public var spentToDate: Int64?
}

/// A name with a count.
public struct NamedCount: Hashable, Sendable, Codable {
    public var name: String
    public var count: Int

    public init(_ name: String, _ count: Int) {
        self.name = name
        self.count = count
    }

    /// Counts of `names`, sorted by name.
    static func tally(_ names: [String]) -> [NamedCount] {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return counts.keys.sorted().map { NamedCount($0, counts[$0] ?? 0) }
    }
}
