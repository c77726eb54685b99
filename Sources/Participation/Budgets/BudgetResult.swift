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

    public init(rule: String, scopes: [ScopeResult], binding: Bool, publishedAt: Date, publishedBy: ParticipantID) {
        self.rule = rule
        self.scopes = scopes
        self.binding = binding
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
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
