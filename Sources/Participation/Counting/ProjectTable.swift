/// What every rule reads about the projects, built once per count: costs and the budget scaled to
/// integers, the tie-breaking rank of each id, supporter counts and threshold scores. Greedy rules
/// need nothing else; rules that iterate over ballots add a ``CountingProfile``.
struct ProjectTable: Sendable {
    let projectCount: Int
    /// Number of ballots, empty ones included: the `n` of `B/n`.
    let voterCount: Int
    /// Position of each project in project-id order (Unicode scalars); smaller wins ties.
    let identifierRank: [Int]
    /// Costs multiplied by ``scale``, all integers.
    let costs: [BigInt]
    /// The budget multiplied by ``scale``, an integer.
    let budget: BigInt
    /// The common denominator of the costs and the budget.
    let scale: BigInt
    /// Voters supporting each project, multiplicity included.
    let supporterCounts: [Int]
    /// The score a minimum-score threshold applies to: total points for cumulative and scoring
    /// ballots, number of supporters otherwise.
    let projectScores: [Rational]

    init(_ election: CompactElection) {
        let projects = election.projects
        projectCount = projects.count
        voterCount = election.voterCount

        let order = projects.indices.sorted { ProjectIdentifierOrder.precedes(projects[$0].id, projects[$1].id) }
        var rank = [Int](repeating: 0, count: projects.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        identifierRank = rank

        var commonDenominator = election.budget.denominator
        for project in projects where project.cost.denominator != .one {
            let divisor = BigInt.gcd(commonDenominator, project.cost.denominator)
            commonDenominator = commonDenominator / divisor * project.cost.denominator
        }
        scale = commonDenominator
        costs = projects.map { $0.cost.numerator * (commonDenominator / $0.cost.denominator) }
        budget = election.budget.numerator * (commonDenominator / election.budget.denominator)
        supporterCounts = election.supporterCounts
        projectScores = election.kind.hasPoints ? election.pointTotals : election.supporterCounts.map { Rational($0) }
    }

    private init(copying table: ProjectTable, costs: [BigInt], budget: BigInt) {
        projectCount = table.projectCount
        voterCount = table.voterCount
        identifierRank = table.identifierRank
        self.costs = costs
        self.budget = budget
        scale = .one
        supporterCounts = table.supporterCounts
        projectScores = table.projectScores
    }

    /// The same table with every cost and the budget rounded down to whole currency units, as
    /// pabulib's checker computes `equalshares/add1`.
    func withFlooredCosts() -> ProjectTable {
        ProjectTable(copying: self, costs: costs.map { $0.flooredDivision(by: scale) }, budget: budget.flooredDivision(by: scale))
    }

    /// Total scaled cost of a set of projects.
    func totalCost(of selection: [Int]) -> BigInt {
        selection.reduce(BigInt.zero) { $0 + costs[$1] }
    }
}
