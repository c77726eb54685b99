import Participation
import ParticipationSimulation

/// The ballots as the counting rules need them: projects by index, each ballot as a short
/// list of project indices in one flat array (5 million approvals take 10 MB as UInt16).
struct ApprovalProfile {
    let candidates: [BallotCandidate]
    let envelope: Int64
    private let indexOf: [PropositionID: Int]
    private(set) var supporters: [Int]
    private(set) var approvals: [UInt16] = []
    private(set) var ballotEnds: [Int32] = []

    init(candidates: [BallotCandidate], envelope: Int64) {
        self.candidates = candidates
        self.envelope = envelope
        indexOf = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.id, $0) })
        supporters = Array(repeating: 0, count: candidates.count)
    }

    mutating func add(_ ballot: Ballot) {
        for choice in ballot.choices {
            guard let index = indexOf[choice.propositionID] else { continue }
            supporters[index] += 1
            approvals.append(UInt16(index))
        }
        ballotEnds.append(Int32(approvals.count))
    }

    var ballots: Int { ballotEnds.count }

    /// The projects `rule` selects, counted by the library's engine, and their cost.
    func count(_ rule: ScenarioCountingRule) async throws -> (selected: [PropositionID], cost: Int64) {
        var lists: [[Int]] = []
        lists.reserveCapacity(ballotEnds.count)
        var start = 0
        for end in ballotEnds {
            lists.append(approvals[start..<Int(end)].map { Int($0) })
            start = Int(end)
        }
        let costs = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.cost) })
        let selected = try await ScenarioCounting.select(
            rule: rule, envelope: envelope, projects: candidates.map(\.id), costs: costs, ballots: lists)
        return (selected, selected.reduce(Int64(0)) { $0 + (costs[$1] ?? 0) })
    }
}
