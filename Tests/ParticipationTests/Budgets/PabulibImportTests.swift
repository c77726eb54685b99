import Foundation
import Participation
import Testing

@Suite("Importing a .pb file into a budget")
struct PabulibImportTests {
    static func fixture(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try String(contentsOf: folder.appendingPathComponent("pabulib/\(name)"), encoding: .utf8)
    }

    /// A budget in its submission phase, with no projects yet.
    static func emptyBudget() async throws -> (TestWorld, ParticipatoryProcess) {
        let world = try await TestWorld()
        let process = try await world.budgetProcess()
        return (world, process)
    }

    /// Projects (id, cost) and the multiset of ballots of a file, comparable across round trips.
    static func shape(_ election: BudgetElection) -> (projects: [String: Rational], ballots: [[String]], budget: Rational) {
        let projects = Dictionary(uniqueKeysWithValues: election.projects.map { ($0.id, $0.cost) })
        let ballots = election.ballots.map { ballot in ballot.projects.map { election.projects[$0].id } }
            .sorted { $0.lexicographicallyPrecedes($1) }
        return (projects, ballots, election.budget)
    }

    @Test(arguments: [
        "Poland_Warszawa_2018_Pole_Mokotowskie.pb", "Netherlands_Assen_2024.pb",
        "US_Stanford_Dataset_Merced_Peoples_Budget_Ballot_2019_vote_rankings.pb",
    ])
    func importThenExportGivesTheSameElection(file: String) async throws {
        let (world, process) = try await Self.emptyBudget()
        let original = try PabulibParser.parse(try Self.fixture(file))
        let summary = try await world.service.importPabulib(try Self.fixture(file), into: process.id, by: world.admin)
        #expect(summary.projects == original.projects.count)
        #expect(summary.ballots == original.ballots.count)

        let exported = try await world.service.exportPabulib(of: process.id, by: world.admin)
        let again = try PabulibParser.parse(exported)
        let before = Self.shape(original)
        let after = Self.shape(again)
        #expect(after.budget == before.budget)
        #expect(after.projects == before.projects)
        #expect(after.ballots == before.ballots)
        #expect(again.kind == (original.kind == .chooseOne ? .approval : original.kind))

        // And a second import of the export gives the same budget again.
        let second = try await world.service.createProcess(
            kind: .participatoryBudget, title: "Second", phases: [Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote])],
            requiresCharter: false, by: world.admin)
        _ = try await world.service.importPabulib(exported, into: second.id, by: world.admin)
        let third = try PabulibParser.parse(try await world.service.exportPabulib(of: second.id, by: world.admin))
        #expect(Self.shape(third).projects == before.projects)
        #expect(Self.shape(third).ballots == before.ballots)
    }

    @Test func importedBallotsAreCountedLikeTheFile() async throws {
        let (world, process) = try await Self.emptyBudget()
        let text = try Self.fixture("Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb")
        _ = try await world.service.importPabulib(text, into: process.id, by: world.admin)
        for phase in ["submission", "review", "vote"] as [PhaseID] {
            _ = try await world.service.openPhase(phase, of: process.id, by: world.admin)
            _ = try await world.service.closePhase(phase, of: process.id, by: world.admin)
        }
        let result = try await world.service.publishResults(of: process.id, by: world.admin)
        let reference = try await CountingRule.greedyCost.count(try PabulibParser.parse(text))
        #expect(result.scopes[0].selected.map(\.rawValue) == reference.selected.map { "\(process.id)/\($0)" }.sorted())
    }

    @Test func badFilesAndNonEmptyBudgetsAreRefusedAndChangeNothing() async throws {
        let (world, process) = try await Self.emptyBudget()
        let malformed = await participationError {
            _ = try await world.service.importPabulib("META\nkey;value\nbudget;abc\n", into: process.id, by: world.admin)
        }
        #expect(malformed?.code == .malformedPabulib)
        #expect(malformed?.message.contains("Line") == true)
        let fractions = "META\nkey;value\nbudget;100.001\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n1;1\n"
        let cents = await participationError { _ = try await world.service.importPabulib(fractions, into: process.id, by: world.admin) }
        #expect(cents?.field == "budget")
        #expect(try await world.service.storage.propositions(of: process.id, in: world.tenant.id).isEmpty)

        _ = try await world.service.importPabulib(try Self.fixture("Netherlands_Amsterdam_643.pb"), into: process.id, by: world.admin)
        let twice = await participationError {
            _ = try await world.service.importPabulib(try Self.fixture("Netherlands_Amsterdam_643.pb"), into: process.id, by: world.admin)
        }
        #expect(twice?.code == .conflict)
        let citizen = try await world.citizen()
        let forbidden = await participationError {
            _ = try await world.service.importPabulib(try Self.fixture("Netherlands_Amsterdam_643.pb"), into: process.id, by: citizen)
        }
        #expect(forbidden?.code == .forbidden)
    }
}
