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
        let projects = election.projects
        projectCount = projects.count
        voterCount = election.ballots.count

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

        var distinct = DistinctBallotTable(expectedCount: election.ballots.count)
        var scratch: [Int32] = []
        var scores = [Rational](repeating: .zero, count: projects.count)
        var supporterTotals = [Int](repeating: 0, count: projects.count)
        let pointsCount = election.kind.hasPoints
        for ballot in election.ballots {
            scratch.removeAll(keepingCapacity: true)
            for project in ballot.projects { scratch.append(Int32(project)) }
            if scratch.count > 1 {
                scratch.sort()
                var unique = 1
                for position in 1..<scratch.count where scratch[position] != scratch[position - 1] {
                    scratch[unique] = scratch[position]
                    unique += 1
                }
                scratch.removeLast(scratch.count - unique)
            }
            for project in scratch { supporterTotals[Int(project)] += 1 }
            if pointsCount {
                for (position, project) in ballot.projects.enumerated() { scores[project] += ballot.points[position] }
            }
            distinct.add(scratch)
        }
        let offsets = distinct.offsets
        let members = distinct.members
        let weights = distinct.weights
        ballotOffsets = offsets
        ballotProjects = members
        ballotWeights = weights
        supporterCounts = supporterTotals
        projectScores = pointsCount ? scores : supporterTotals.map { Rational($0) }

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

/// Merges identical membership sets, keeping them in one flat array (no per-ballot allocation).
private struct DistinctBallotTable {
    var offsets: [Int] = [0]
    var members: [Int32] = []
    var weights: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    private static func hash(_ set: some Collection<Int32>) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(set.count)
        for element in set {
            hash = (hash ^ UInt64(UInt32(bitPattern: element))) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        return Int(truncatingIfNeeded: hash)
    }

    private func equals(_ ballot: Int, _ set: [Int32]) -> Bool {
        let start = offsets[ballot]
        let end = offsets[ballot + 1]
        guard end - start == set.count else { return false }
        for index in 0..<set.count where members[start + index] != set[index] { return false }
        return true
    }

    mutating func add(_ set: [Int32]) {
        if (weights.count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(set) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if equals(Int(entry), set) {
                weights[Int(entry)] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(weights.count)
        weights.append(1)
        members.append(contentsOf: set)
        offsets.append(members.count)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for ballot in 0..<weights.count {
            var slot = Self.hash(members[offsets[ballot]..<offsets[ballot + 1]]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(ballot)
        }
    }
}
