import Testing
@testable import Participation

/// `CompactElection`: the counting input without voter ids, ballots merged as they are added.
@Suite struct CompactElectionTests {
    func project(_ id: String, _ cost: Int) -> BudgetProject { BudgetProject(id: id, cost: Rational(cost)) }

    @Test(arguments: [
        "Poland_Wieliczka_2023_Green_Budget.pb", "Switzerland_Zurich_D10.pb",
        "US_Stanford_Dataset_Merced_Peoples_Budget_Ballot_2019_vote_rankings.pb",
    ])
    func everyRuleCountsTheCompactFormLikeTheFullElection(_ file: String) async throws {
        let election = try FixtureLibrary.election(file)
        let compact = CompactElection(election)
        #expect(compact.voterCount == election.ballots.count)
        #expect(compact.distinctBallotCount <= election.ballots.count)
        let threshold = CountingOptions(minimumProjectScore: election.minimumProjectScoreThreshold ?? 2)
        // Two ladders are left out: slow in debug builds, and counted through the same path.
        for rule in CountingRule.allCases where rule != .equalSharesAddOne && rule != .exactEqualSharesAddOpt {
            if !rule.accepts(election.kind) {
                await #expect(throws: ParticipationError.self) { try await rule.count(compact) }
                continue
            }
            #expect(try await rule.count(compact) == rule.count(election), "\(rule.rawValue) on \(file)")
            #expect(try rule.countSequentially(compact, options: threshold) == rule.countSequentially(election, options: threshold))
        }
    }

    @Test func identicalBallotsMergeWhateverTheirOrderAndRepeats() async throws {
        let projects = [project("a", 4), project("b", 4), project("c", 4)]
        let ballots = [[0, 1], [1, 0], [1, 1, 0], [2], []]
        var compact = try CompactElection(budget: 8, projects: projects)
        for ballot in ballots { try compact.addBallot(ballot) }
        #expect(compact.voterCount == 5)
        #expect(compact.distinctBallotCount == 3)
        #expect(compact.supporterCounts == [3, 3, 1])

        let flat = try CompactElection(
            budget: 8, projects: projects, approvals: ballots.flatMap { $0.map { Int32($0) } }, ballotEnds: [2, 4, 7, 8, 8])
        #expect(flat.voterCount == 5)
        #expect(flat.distinctBallotCount == 3)
        #expect(flat.supporterCounts == [3, 3, 1])

        let full = try BudgetElection.approvals(
            budget: 8, projects: projects, approvals: ballots.map { $0.map { projects[$0].id } })
        for rule in CountingRule.allCases where rule.accepts(.approval) {
            let expected = try await rule.count(full)
            #expect(try await rule.count(compact) == expected)
            #expect(try await rule.count(flat) == expected)
        }
        // Five voters each get 8/5: a's three supporters pay 4/3 each (a before b on the id), which
        // leaves them 4/5 for b; c's one supporter has 8/5 for 4. The merged weights must be 3, 3, 1.
        #expect(try await CountingRule.equalShares.count(compact).selected == ["a"])
    }

    @Test func thresholdsReadThePointsOfCumulativeBallots() throws {
        var compact = try CompactElection(budget: 10, kind: .cumulative, projects: [project("a", 1), project("b", 1)])
        try compact.addBallot([0], points: [5])
        try compact.addBallot([1], points: [1])
        try compact.addBallot([1], points: [1])
        // b has more supporters (2 against 1) but fewer points (2 against 5).
        let outcome = try CountingRule.greedyCost.countSequentially(compact, options: CountingOptions(minimumProjectScore: 3))
        #expect(outcome.selected == ["a"])
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        #expect(throws: ParticipationError.self) { try CompactElection(budget: 10, projects: [project("a", 1), project("a", 2)]) }
        #expect(throws: ParticipationError.self) { try CompactElection(budget: -1, projects: [project("a", 1)]) }
        var compact = try CompactElection(budget: 10, projects: [project("a", 1)])
        #expect(throws: ParticipationError.self) { try compact.addBallot([1]) }
        #expect(throws: ParticipationError.self) { try compact.addBallot([-1]) }
        #expect(throws: ParticipationError.self) { try compact.addBallot([0], points: [1]) }
        #expect(compact.voterCount == 0)
        #expect(compact.supporterCounts == [0])

        var cumulative = try CompactElection(budget: 10, kind: .cumulative, projects: [project("a", 1)])
        #expect(throws: ParticipationError.self) { try cumulative.addBallot([0]) }
        #expect(cumulative.voterCount == 0)

        let projects = [project("a", 1), project("b", 1)]
        #expect(throws: ParticipationError.self) {
            try CompactElection(budget: 10, projects: projects, approvals: [0, 1], ballotEnds: [1])
        }
        #expect(throws: ParticipationError.self) {
            try CompactElection(budget: 10, projects: projects, approvals: [0, 1], ballotEnds: [2, 1, 2])
        }
        #expect(throws: ParticipationError.self) {
            try CompactElection(budget: 10, projects: projects, approvals: [0, 2], ballotEnds: [1, 2])
        }
    }
}
