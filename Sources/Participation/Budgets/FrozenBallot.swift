#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The ballot of a participatory budget as it stood when its vote first opened: every scope's
/// projects and costs. From then on casting checks against it, counting, tallies, results and
/// the `.pb` export read it, and nothing a reviewer, an author or a moderator does later can add
/// a project to it, take one off, or change a cost (see ``VoteLocks``).
public struct FrozenBallot: Hashable, Sendable, Codable {
    /// When the vote opened.
    public let frozenAt: Date
    /// One list per scope: the city-wide ballot, or each district's.
    public let lists: [BallotList]

    public init(frozenAt: Date, lists: [BallotList]) {
        self.frozenAt = frozenAt
        self.lists = lists
    }

    /// The list of `scope`, if the budget has that scope.
    public func list(for scope: DistrictID?) -> BallotList? { lists.first { $0.scope == scope } }

    /// Whether `proposition` is on the ballot of some scope.
    public func contains(_ proposition: PropositionID) -> Bool { lists.contains { $0.costs[proposition] != nil } }
}

extension BallotList {
    init(scope: DistrictID?, envelope: Int64, costs: [PropositionID: Int64], elsewhere: [PropositionID: DistrictID?]) {
        self.scope = scope
        self.envelope = envelope
        self.costs = costs
        self.elsewhere = elsewhere
    }
}

/// Ballot lists are stored inside their process (as JSON): projects as an array of id and
/// cost, sorted, so that the document is canonical.
extension BallotList: Codable {
    private enum CodingKeys: String, CodingKey { case scope, envelope, projects, elsewhere }
    private struct Project: Codable { let id: PropositionID; let cost: Int64 }
    private struct Elsewhere: Codable { let id: PropositionID; let scope: DistrictID? }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let projects = try container.decode([Project].self, forKey: .projects)
        let elsewhere = try container.decodeIfPresent([Elsewhere].self, forKey: .elsewhere) ?? []
        self.init(
            scope: try container.decodeIfPresent(DistrictID.self, forKey: .scope),
            envelope: try container.decode(Int64.self, forKey: .envelope),
            costs: Dictionary(projects.map { ($0.id, $0.cost) }, uniquingKeysWith: { first, _ in first }),
            elsewhere: Dictionary(elsewhere.map { ($0.id, $0.scope) }, uniquingKeysWith: { first, _ in first }))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(scope, forKey: .scope)
        try container.encode(envelope, forKey: .envelope)
        try container.encode(costs.sorted { $0.key < $1.key }.map { Project(id: $0.key, cost: $0.value) }, forKey: .projects)
        try container.encode(elsewhere.sorted { $0.key < $1.key }.map { Elsewhere(id: $0.key, scope: $0.value) }, forKey: .elsewhere)
    }
}
