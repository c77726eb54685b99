/// The form every rule counts from, built once per election: projects indexed, costs scaled to
/// integers, ballots reduced to membership sets with identical ones merged, and the supporters
/// of each project in compressed sparse rows.
///
/// "Membership" is the reference semantics for cost and cardinality satisfaction: a project a
/// cumulative, scoring or ordinal ballot lists counts as supported whatever its points or rank.
struct CountingProfile: Sendable {
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
    /// Distinct membership ballots: projects of ballot `b` are `ballotProjects[ballotOffsets[b] ..< ballotOffsets[b+1]]`.
    let ballotOffsets: [Int]
    let ballotProjects: [Int32]
    /// How many voters cast each distinct ballot.
    let ballotWeights: [Int]
    /// Distinct ballots supporting project `p`: `supporterBallots[supporterOffsets[p] ..< supporterOffsets[p+1]]`.
    let supporterOffsets: [Int]
    let supporterBallots: [Int32]
    /// Voters supporting each project, multiplicity included.
    let supporterCounts: [Int]
    /// The score a minimum-score threshold applies to: total points for cumulative and scoring
    /// ballots, number of supporters otherwise.
    let projectScores: [Rational]

    var ballotCount: Int { ballotWeights.count }

    init(_ election: BudgetElection) {
        self.init(CompactElection(election))
    }

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

        let ballots = DistinctBallotTable(merging: election)
        let offsets = ballots.offsets
        let members = ballots.members
        let weights = ballots.weights
        ballotOffsets = offsets
        ballotProjects = members
        ballotWeights = weights
        supporterCounts = election.supporterCounts
        projectScores = election.kind.hasPoints ? election.pointTotals : election.supporterCounts.map { Rational($0) }

        var supporterStart = [Int](repeating: 0, count: projects.count + 1)
        for project in members { supporterStart[Int(project) + 1] += 1 }
        for index in 0..<projects.count { supporterStart[index + 1] += supporterStart[index] }
        var cursor = supporterStart
        var supporters = [Int32](repeating: 0, count: members.count)
        for ballot in 0..<weights.count {
            for position in offsets[ballot]..<offsets[ballot + 1] {
                let project = Int(members[position])
                supporters[cursor[project]] = Int32(ballot)
                cursor[project] += 1
            }
        }
        supporterOffsets = supporterStart
        supporterBallots = supporters
    }

    private init(copying profile: CountingProfile, costs: [BigInt], budget: BigInt) {
        projectCount = profile.projectCount
        voterCount = profile.voterCount
        identifierRank = profile.identifierRank
        self.costs = costs
        self.budget = budget
        scale = .one
        ballotOffsets = profile.ballotOffsets
        ballotProjects = profile.ballotProjects
        ballotWeights = profile.ballotWeights
        supporterOffsets = profile.supporterOffsets
        supporterBallots = profile.supporterBallots
        supporterCounts = profile.supporterCounts
        projectScores = profile.projectScores
    }

    /// The same profile with every cost and the budget rounded down to whole currency units, as
    /// pabulib's checker computes `equalshares/add1`.
    func withFlooredCosts() -> CountingProfile {
        CountingProfile(
            copying: self,
            costs: costs.map { $0.flooredDivision(by: scale) },
            budget: budget.flooredDivision(by: scale))
    }

    /// Total scaled cost of a set of projects.
    func totalCost(of selection: [Int]) -> BigInt {
        selection.reduce(BigInt.zero) { $0 + costs[$1] }
    }
}
