/// A project standing in a participatory budget.
public struct BudgetProject: Sendable, Hashable {
    /// The project id (Pabulib `project_id`): unique within an election, compared by Unicode
    /// scalars when rules break ties.
    public var id: String
    /// The exact cost, in the budget's currency.
    public var cost: Rational
    /// The other PROJECTS columns (name, category, district, votes, selected, …) as written,
    /// aligned with ``BudgetElection/projectAttributeKeys``; `nil` is a missing value (`None`).
    public var attributes: [String?]

    /// Creates a project.
    public init(id: String, cost: Rational, attributes: [String?] = []) {
        self.id = id
        self.cost = cost
        self.attributes = attributes
    }
}
