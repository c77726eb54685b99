import Testing
@testable import Participation

/// Small hand-made elections whose outcomes follow from the definitions in RULES.md.
@Suite struct RuleTests {
    func project(_ id: String, _ cost: Int) -> BudgetProject { BudgetProject(id: id, cost: Rational(cost)) }

    func outcome(_ rule: CountingRule, _ election: BudgetElection, options: CountingOptions = CountingOptions()) async throws -> [String] {
        let result = try await rule.count(election, options: options)
        let sequential = try rule.countSequentially(election, options: options)
        #expect(result == sequential)
        return result.sortedSelected
    }

    @Test(arguments: [CountingRule.greedyCost, .greedyNoSkip, .greedyCardinality, .equalShares, .equalSharesAddOne, .phragmen])
    func tiesGoToTheSmallerIdByUnicodeScalars(_ rule: CountingRule) async throws {
        // "9" and "10" are identical in every respect and only one fits: "10" < "9".
        let election = try BudgetElection.approvals(
            budget: 10, projects: [project("9", 10), project("10", 10)], approvals: [["9", "10"], ["9", "10"]])
        #expect(try await outcome(rule, election) == ["10"])
    }

    @Test func officialAddOneBreaksTiesByLowerCostWherePabutoolsUsesTheId() async throws {
        // One voter with the whole budget 20 approves "a20" (cost 20) and "b10" (cost 10): both
        // have ρ = 1. pabutools takes the smaller id, a20, which exhausts the voter; pabulib's
        // checker takes the cheaper b10, after which a20 is unaffordable until the ladder
        // reaches a per-voter budget of 30, where the outcome overspends and the ladder stops.
        let election = try BudgetElection.approvals(
            budget: 20, projects: [project("a20", 20), project("b10", 10)], approvals: [["a20", "b10"]])
        #expect(try await outcome(.equalShares, election) == ["a20"])
        #expect(try await outcome(.equalSharesAddOneOfficial, election) == ["b10"])
    }

    @Test func greedyAddsUnsupportedProjectsLast() async throws {
        let election = try BudgetElection.approvals(
            budget: 100, projects: [project("liked", 60), project("nobody", 30), project("big", 50)],
            approvals: [["liked"], ["liked", "big"]])
        // liked (2 votes) fits, big (1 vote) does not, then unsupported "nobody" fits.
        #expect(try await outcome(.greedyCost, election) == ["liked", "nobody"])
        // No-skip stops at "big".
        #expect(try await outcome(.greedyNoSkip, election) == ["liked"])
        // MES never selects unsupported projects.
        #expect(!(try await outcome(.equalShares, election)).contains("nobody"))
    }

    @Test func zeroCostProjects() async throws {
        let election = try BudgetElection.approvals(
            budget: 10, projects: [project("free", 0), project("paid", 10), project("other", 5)],
            approvals: [["free", "paid"], ["free", "paid"], ["free", "other"]])
        // Cost satisfaction: a zero-cost project has density 0 and comes after "other" (1 vote).
        let greedy = try await CountingRule.greedyCost.count(election)
        #expect(greedy.selected == ["paid", "free"])
        // Cardinality satisfaction: supported and free is infinitely dense, so first.
        let card = try await CountingRule.greedyCardinality.count(election)
        #expect(card.selected.first == "free")
        // MES with cost satisfaction ignores zero-cost projects entirely.
        #expect(!(try await outcome(.equalShares, election)).contains("free"))
    }

    @Test func greedyThresholdIgnoresLowScores() async throws {
        let election = try BudgetElection.approvals(
            budget: 100, projects: [project("a", 40), project("b", 40), project("c", 10)],
            approvals: [["a", "b"], ["a", "b"], ["a", "c"]])
        let options = CountingOptions(minimumProjectScore: 2)
        #expect(try await outcome(.greedyCost, election, options: options) == ["a", "b"])
        #expect(try await outcome(.greedyCost, election) == ["a", "b", "c"])
    }

    @Test func equalSharesPaysEqualShares() async throws {
        // Budget 90, three voters with 30 each. "shared" (cost 60, all three) costs 20 each;
        // then "solo" (cost 10) is affordable by voter 1 alone; "pricey" (40) by nobody.
        let election = try BudgetElection.approvals(
            budget: 90, projects: [project("shared", 60), project("solo", 10), project("pricey", 40)],
            approvals: [["shared", "solo"], ["shared"], ["shared", "pricey"]])
        let result = try await CountingRule.equalShares.count(election)
        #expect(result.selected == ["shared", "solo"])
        #expect(result.totalCost == 70)
    }

    @Test func addOneLaddersRaiseBudgetsUntilMoreProjectsAreAffordable() async throws {
        // 4 voters with 25 each. Plain MES buys only "a" (two voters × 25). At 40 per voter
        // voter 3 alone can buy "b"; {a, b} costs 90 and "c" (45) no longer fits: pabutools
        // stops there (exhaustive); the official ladder continues to 45, where b and c tie at
        // ρ = 1, the cheaper b wins, c is still bought, the total 135 overspends, so it keeps 44's {a, b}.
        let election = try BudgetElection.approvals(
            budget: 100, projects: [project("a", 50), project("b", 40), project("c", 45)],
            approvals: [["a"], ["a"], ["b"], ["c"]])
        let plain = try await CountingRule.equalShares.count(election)
        #expect(plain.sortedSelected == ["a"])
        let pabutools = try await CountingRule.equalSharesAddOne.count(election)
        #expect(pabutools.totalCost <= 100)
        #expect(pabutools.sortedSelected == ["a", "b"])
        let official = try await CountingRule.equalSharesAddOneOfficial.count(election)
        #expect(official.totalCost <= 100)
        #expect(official.sortedSelected == ["a", "b"])
    }

    @Test func phragmenRefusesNonApprovalBallots() async throws {
        let election = try BudgetElection(
            budget: 10, kind: .ordinal, projects: [project("a", 5)],
            ballots: [BudgetBallot(voterID: "1", projects: [0])])
        await #expect(throws: ParticipationError.self) { try await CountingRule.phragmen.count(election) }
    }

    @Test func phragmenStopsAtTheFirstWinnerThatDoesNotFit() async throws {
        // Round 1 loads: a 60, b 30, c 25, d 10 → d (voter 4 now carries 10). Round 2: b 30 and
        // c (10 + 50)/2 = 30 tie → the smaller id b. Round 3: c (30). Round 4: a does not fit → stop.
        let election = try BudgetElection.approvals(
            budget: 100, projects: [project("a", 60), project("b", 30), project("c", 50), project("d", 10)],
            approvals: [["a"], ["b"], ["c"], ["c", "d"]])
        let result = try await CountingRule.phragmen.count(election)
        #expect(result.selected == ["d", "b", "c"])
    }

    @Test func electionValidationRefusesInconsistentInput() {
        #expect(throws: ParticipationError.self) {
            try BudgetElection.approvals(budget: 10, projects: [project("a", 1), project("a", 2)], approvals: [])
        }
        #expect(throws: ParticipationError.self) {
            try BudgetElection.approvals(budget: 10, projects: [project("a", 1)], approvals: [["zzz"]])
        }
        #expect(throws: ParticipationError.self) {
            try BudgetElection(budget: 10, kind: .cumulative, projects: [project("a", 1)],
                               ballots: [BudgetBallot(voterID: "1", projects: [0], points: [])])
        }
    }

    @Test func unknownRuleNamesAreRefused() {
        #expect(throws: ParticipationError.self) { try CountingRule(named: "mes") }
        #expect((try? CountingRule(named: "mes-cost-add1-official")) == .equalSharesAddOneOfficial)
    }
}
