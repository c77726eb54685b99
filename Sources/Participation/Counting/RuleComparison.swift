/// One rule's outcome on an election, with the figures a city needs to argue for a rule: how many
/// voters see at least one project they voted for funded, and what a vote for a funded project
/// cost.
///
/// ```swift
/// let election = try PabulibParser.compactElection(contentsOf: url)
/// for row in try await election.compare([.greedyCost, .equalSharesAddOneOfficial]) {
///     print(row.rule.rawValue, row.outcome.selected, row.shareOfVotersServed.decimalString, row.costPerVote?.doubleValue ?? 0)
/// }
/// ```
public struct RuleComparison: Sendable, Hashable {
    /// The outcome: selected projects and total cost.
    public let outcome: CountingOutcome
    /// Voters, empty ballots included (the `n` of `B/n`).
    public let voterCount: Int
    /// Voters who listed at least one selected project.
    public let votersServed: Int
    /// Votes the selected projects received together: each voter counts once per selected
    /// project she listed.
    public let votesForSelected: Int

    /// The rule counted.
    public var rule: CountingRule { outcome.rule }

    /// The share of voters with at least one funded project, exactly (0 when nobody voted).
    public var shareOfVotersServed: Rational {
        voterCount == 0 ? .zero : Rational(votersServed) / Rational(voterCount)
    }

    /// The total cost of the selected projects per vote they received, exactly; `nil` when no
    /// selected project received a vote.
    public var costPerVote: Rational? {
        votesForSelected == 0 ? nil : outcome.totalCost / Rational(votesForSelected)
    }

    /// Measures `outcome` on the ballots of `election`.
    init(_ outcome: CountingOutcome, on election: CompactElection) {
        self.outcome = outcome
        voterCount = election.voterCount
        var selected = [Bool](repeating: false, count: election.projects.count)
        for index in outcome.selectedIndices { selected[index] = true }
        votesForSelected = outcome.selectedIndices.reduce(0) { $0 + election.supporterCounts[$1] }
        var served = 0
        var start = 0
        for end in election.entryEnds {
            if election.entries[start..<end].contains(where: { selected[Int($0)] }) { served += 1 }
            start = end
        }
        votersServed = served
    }
}

extension CompactElection {
    /// Counts the election with each rule and measures each outcome, in the order given.
    ///
    /// - Throws: as ``CountingRule/count(_:options:)-(CompactElection,_)``, for the first rule
    ///   that does not count these ballots (see ``CountingRule/accepts(_:)``).
    public func compare(_ rules: [CountingRule], options: CountingOptions = CountingOptions()) async throws -> [RuleComparison] {
        var rows: [RuleComparison] = []
        for rule in rules { rows.append(RuleComparison(try await rule.count(self, options: options), on: self)) }
        return rows
    }
}
