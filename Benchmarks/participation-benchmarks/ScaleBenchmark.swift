import Foundation
import Participation

/// A city-wide vote at scale (issue 9): `voters` ballots of `approvalsPerBallot` distinct
/// projects among `projectCount`, drawn from a seeded generator with skewed popularity (the
/// project of rank r is drawn with weight 1/(r+10)), costs between 20 000 and 2 000 000.
struct ScaleBenchmark {
    let voters: Int
    let approvalsPerBallot: Int
    let projectCount: Int
    let projects: [BudgetProject]
    let budget: Rational
    /// Ballot `b` approves `approvals[b * approvalsPerBallot ..< (b + 1) * approvalsPerBallot]`.
    let approvals: [Int32]

    init(voters: Int = 1_000_000, approvalsPerBallot: Int = 5, projectCount: Int = 300, seed: UInt64 = 2026) {
        self.voters = voters
        self.approvalsPerBallot = approvalsPerBallot
        self.projectCount = projectCount
        var generator = SplitMix64(seed: seed)
        projects = (0..<projectCount).map { index in
            BudgetProject(id: "P\(index + 1)", cost: Rational(Int(20_000 + generator.next() % 1_980_001)))
        }
        budget = 30_000_000
        var cumulative: [Double] = []
        var total = 0.0
        for rank in 0..<projectCount {
            total += 1 / Double(rank + 10)
            cumulative.append(total)
        }
        var approvals: [Int32] = []
        approvals.reserveCapacity(voters * approvalsPerBallot)
        var chosen: [Int32] = []
        for _ in 0..<voters {
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < approvalsPerBallot {
                let target = Double(generator.next() >> 11) * 0x1p-53 * total
                var low = 0
                var high = projectCount - 1
                while low < high {
                    let middle = (low + high) / 2
                    if cumulative[middle] < target { low = middle + 1 } else { high = middle }
                }
                if !chosen.contains(Int32(low)) { chosen.append(Int32(low)) }
            }
            approvals.append(contentsOf: chosen)
        }
        self.approvals = approvals
    }

    /// Prints, in milliseconds: building the ``CompactElection`` from the flat array and ballot
    /// by ballot, then greedy-cost and mes-cost each timed from the flat array to the outcome.
    func report() async throws {
        let ends = (1...voters).map { $0 * approvalsPerBallot }
        var compact: CompactElection?
        let flat = try await best(of: 3) {
            compact = try CompactElection(budget: budget, projects: projects, approvals: approvals, ballotEnds: ends)
        }
        let byBallot = try await best(of: 3) {
            var election = try CompactElection(budget: budget, projects: projects, expectedBallotCount: voters)
            var ballot: [Int] = []
            for voter in 0..<voters {
                ballot.removeAll(keepingCapacity: true)
                for position in voter * approvalsPerBallot..<(voter + 1) * approvalsPerBallot {
                    ballot.append(Int(approvals[position]))
                }
                try election.addBallot(ballot)
            }
        }
        // Assigned by the timed closure above, which ran at least once.
        let distinct = compact!.distinctBallotCount
        print("")
        print("Scale: \(voters) voters × \(approvalsPerBallot) approvals over \(projectCount) projects (seeded), "
            + "\(distinct) distinct ballots")
        print("| step | wall ms |")
        print("|---|---:|")
        print("| CompactElection from flat arrays | \(format(flat)) |")
        print("| CompactElection ballot by ballot (addBallot) | \(format(byBallot)) |")
        for rule in [CountingRule.greedyCost, .equalShares] {
            var outcome: CountingOutcome?
            let time = try await best(of: 3) {
                let election = try CompactElection(budget: budget, projects: projects, approvals: approvals, ballotEnds: ends)
                outcome = try rule.countSequentially(election)
            }
            let selected = outcome.map { "\($0.selected.count) projects, \($0.totalCost.decimalString)" } ?? ""
            print("| \(rule.rawValue), flat arrays to outcome (\(selected)) | \(format(time)) |")
        }
    }
}

/// Steele, Lea and Flood's SplitMix64: small, fast, and the same sequence on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
