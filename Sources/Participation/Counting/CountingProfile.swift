/// The form rules that iterate over ballots count from, built once per count: the project
/// table, the ballots as membership sets (identical ones merged, with a multiplicity, when asked),
/// and the supporters of each project in compressed sparse rows.
///
/// "Membership" is the reference semantics for cost and cardinality satisfaction: a project a
/// cumulative, scoring or ordinal ballot lists counts as supported whatever its points or rank.
struct CountingProfile: Sendable {
    let projects: ProjectTable
    /// Distinct membership ballots: projects of ballot `b` are `ballotProjects[ballotOffsets[b] ..< ballotOffsets[b+1]]`.
    let ballotOffsets: [Int]
    let ballotProjects: [Int32]
    /// How many voters cast each distinct ballot.
    let ballotWeights: [Int]
    /// Distinct ballots supporting project `p`: `supporterBallots[supporterOffsets[p] ..< supporterOffsets[p+1]]`.
    let supporterOffsets: [Int]
    let supporterBallots: [Int32]

    var projectCount: Int { projects.projectCount }
    var voterCount: Int { projects.voterCount }
    var identifierRank: [Int] { projects.identifierRank }
    var costs: [BigInt] { projects.costs }
    var budget: BigInt { projects.budget }
    var scale: BigInt { projects.scale }
    var supporterCounts: [Int] { projects.supporterCounts }
    var ballotCount: Int { ballotWeights.count }

    init(_ election: BudgetElection) {
        let compact = CompactElection(election)
        self.init(compact, projects: ProjectTable(compact), merging: true)
    }

    /// - Parameter merging: whether identical ballots become one with a multiplicity. Merging
    ///   costs a hash-table probe per ballot, which one run of equal shares or Phragmén (a few
    ///   passes over each project's supporters) does not earn back; a ladder of runs does.
    init(_ election: CompactElection, projects: ProjectTable, merging: Bool) {
        self.projects = projects
        let offsets: [Int]
        let members: [Int32]
        let weights: [Int]
        if merging {
            let ballots = DistinctBallotTable(merging: election)
            (offsets, members, weights) = (ballots.offsets, ballots.members, ballots.weights)
        } else {
            (offsets, members) = ([0] + election.entryEnds, election.entries)
            weights = [Int](repeating: 1, count: election.voterCount)
        }
        ballotOffsets = offsets
        ballotProjects = members
        ballotWeights = weights

        var supporterStart = [Int](repeating: 0, count: projects.projectCount + 1)
        for project in members { supporterStart[Int(project) + 1] += 1 }
        for index in 0..<projects.projectCount { supporterStart[index + 1] += supporterStart[index] }
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

    private init(copying profile: CountingProfile, projects: ProjectTable) {
        self.projects = projects
        ballotOffsets = profile.ballotOffsets
        ballotProjects = profile.ballotProjects
        ballotWeights = profile.ballotWeights
        supporterOffsets = profile.supporterOffsets
        supporterBallots = profile.supporterBallots
    }

    /// The same profile with every cost and the budget rounded down to whole currency units, as
    /// pabulib's checker computes `equalshares/add1`.
    func withFlooredCosts() -> CountingProfile {
        CountingProfile(copying: self, projects: projects.withFlooredCosts())
    }

    /// Total scaled cost of a set of projects.
    func totalCost(of selection: [Int]) -> BigInt { projects.totalCost(of: selection) }
}
