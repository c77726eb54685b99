#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The outcome of a participatory budget's vote, as published: what won in each scope, under
/// which rule, from how many ballots. Anyone can recompute it from the exported ballots.
public struct BudgetResult: Hashable, Sendable, Codable {
    /// The counting rule's name (``CountingRule`` raw value).
    public var rule: String
    /// One entry per scope (the city-wide ballot, or each district).
    public var scopes: [ScopeResult]
    /// Whether the collectivité committed to carry out the result.
    public var binding: Bool
    public var publishedAt: Date
    public var publishedBy: ParticipantID
    /// 1 for the first publication; each correction publishes the next version.
    public var version: Int
    /// Why this version replaced the previous one; nil for the first publication.
    public var correction: ResultCorrection?

    public init(
        rule: String, scopes: [ScopeResult], binding: Bool, publishedAt: Date, publishedBy: ParticipantID, version: Int = 1,
        correction: ResultCorrection? = nil
    ) {
        self.rule = rule
        self.scopes = scopes
        self.binding = binding
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.version = version
        self.correction = correction
    }

    private enum CodingKeys: String, CodingKey { case rule, scopes, binding, publishedAt, publishedBy, version, correction }

    /// Results published before versions existed read as version 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rule: try container.decode(String.self, forKey: .rule), scopes: try container.decode([ScopeResult].self, forKey: .scopes),
            binding: try container.decode(Bool.self, forKey: .binding), publishedAt: try container.decode(Date.self, forKey: .publishedAt),
            publishedBy: try container.decode(ParticipantID.self, forKey: .publishedBy),
            version: try container.decodeIfPresent(Int.self, forKey: .version) ?? 1,
            correction: try container.decodeIfPresent(ResultCorrection.self, forKey: .correction))
    }

    /// The number of ballots counted, over every scope.
    public var ballotCount: Int { scopes.reduce(0) { $0 + $1.ballots } }
}

/// Why a published result was replaced by a new version: an explicit, audited act with its reason.
public struct ResultCorrection: Hashable, Sendable, Codable {
    /// The version this one replaced.
    public let replacedVersion: Int
    /// The public reason.
    public let reason: String

    public init(replacedVersion: Int, reason: String) {
        self.replacedVersion = replacedVersion
        self.reason = reason
    }
}

/// The outcome in one scope of a budget.
public struct ScopeResult: Hashable, Sendable, Codable {
    public var scope: DistrictID?
    public var envelope: Int64
    /// The winning projects, sorted by id.
    public var selected: [PropositionID]
    /// Their total cost in cents.
    public var totalCost: Int64
    /// Ballots counted in this scope.
    public var ballots: Int
    /// Supporters (approvals) per project on the ballot.
    public var supporters: [PropositionID: Int]

    public init(
        scope: DistrictID?, envelope: Int64, selected: [PropositionID], totalCost: Int64, ballots: Int,
        supporters: [PropositionID: Int]
    ) {
        self.scope = scope
        self.envelope = envelope
        self.selected = selected
        self.totalCost = totalCost
        self.ballots = ballots
        self.supporters = supporters
    }
}
