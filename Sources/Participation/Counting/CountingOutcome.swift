/// What a rule selected.
public struct CountingOutcome: Sendable, Hashable {
    /// The rule that produced the outcome.
    public let rule: CountingRule
    /// Indices into the election's projects (``BudgetElection/projects``, ``CompactElection/projects``), in the order the rule selected them.
    public let selectedIndices: [Int]
    /// The selected project ids, in the order the rule selected them.
    public let selected: [String]
    /// The exact total cost of the selected projects.
    public let totalCost: Rational

    /// The selected ids sorted by Unicode scalars, the order `expected-outcomes.tsv` uses.
    public var sortedSelected: [String] { selected.sorted(by: ProjectIdentifierOrder.precedes) }

    init(rule: CountingRule, selectedIndices: [Int], projects: [BudgetProject]) {
        self.rule = rule
        self.selectedIndices = selectedIndices
        selected = selectedIndices.map { projects[$0].id }
        totalCost = selectedIndices.reduce(Rational.zero) { $0 + projects[$1].cost }
    }
}
