import Testing
@testable import Participation

/// Several per-voter budgets run at once must give what separate runs give: the partition the
/// lanes share is a refinement of each lane's own, and a lane's decisions are its own.
@Suite struct EqualSharesBatchTests {
    @Test(arguments: [
        "Poland_Warszawa_2023_Bemowo.pb", "Poland_Wieliczka_2023_Green_Budget.pb", "Netherlands_Assen_2024.pb",
        "Poland_Swiecie_2023.pb", "France_Toulouse_2022_9_-_Trois_Cocus_Borderouge_Croix-Daurade_Paleficat_Grand_Selve.pb",
    ])
    func aBatchOfLadderBudgetsSelectsWhatSeparateRunsSelect(_ file: String) throws {
        let election = try PabulibParser.compactElection(contentsOf: FixtureLibrary.url(file))
        let profile = CountingProfile(election, projects: ProjectTable(election), merging: true)
        for tieBreak in [EqualSharesRun.TieBreak.identifier, .lowerCostThenMoreApprovals] {
            let run = EqualSharesRun(profile: profile, tieBreak: tieBreak)
            let base = Rational(profile.budget) / Rational(profile.voterCount)
            // Steps of one unit, and steps of a tenth of the base budget, so that lanes diverge
            // early as well as late.
            for step in [Rational(profile.scale), base / 10] {
                let budgets = (0..<8).map { base + step * Rational($0) }
                #expect(run.run(perVoterBudgets: budgets) == budgets.map { run.run(perVoterBudget: $0) }, "\(file)")
            }
        }
    }

    @Test func exactTiesAreBrokenLaneByLane() throws {
        // Two identical projects "9" and "10" and a third that only some budgets afford: every
        // lane meets the exact tie, and the lanes split on the third project.
        let projects = [BudgetProject(id: "9", cost: 30), BudgetProject(id: "10", cost: 30), BudgetProject(id: "c", cost: 50)]
        let election = try BudgetElection.approvals(
            budget: 100, projects: projects, approvals: [["9", "10"], ["9", "10", "c"], ["c"], ["9", "10"]])
        let profile = CountingProfile(election)
        let run = EqualSharesRun(profile: profile, tieBreak: .identifier)
        let budgets = (0..<6).map { Rational(15 + 5 * $0) }
        let batched = run.run(perVoterBudgets: budgets)
        #expect(batched == budgets.map { run.run(perVoterBudget: $0) })
        #expect(batched.allSatisfy { $0.first == 1 })
    }
}
