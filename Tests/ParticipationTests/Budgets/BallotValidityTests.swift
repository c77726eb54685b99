import Foundation
import Participation
import Testing

@Suite("Ballot validity")
struct BallotValidityTests {
    static let settings = BudgetSettings(envelope: 100_000_00, cycle: BudgetCycle(firstYear: 2026))
    static let split = BudgetSettings(
        envelope: 100_000_00, districtEnvelopes: ["north": 60_000_00, "south": 40_000_00], cycle: BudgetCycle(firstYear: 2026))

    static func list(_ settings: BudgetSettings = settings, scope: DistrictID? = nil) throws -> BallotList {
        let propositions = BudgetWorld.projects.map { project in
            Proposition(
                id: project.id, tenantID: "t", processID: "bp", authors: ["a"], title: "t", body: "b",
                estimatedCost: project.cost, districtID: project.district, lifecycle: .published, status: project.status,
                createdAt: TestWorld.start)
        }
        return try BallotList(scope: scope, settings: settings, propositions: propositions)
    }

    @Test func onlyAdmissibleProjectsThatFitTheEnvelopeReachTheBallot() throws {
        let list = try Self.list()
        #expect(Set(list.costs.keys) == ["bancs", "arbres", "piste", "jardin"])
        #expect(list.violation(of: choices("illegal"), format: .approval(minimum: 1, maximum: 3)) == .unknownProject("illegal"))
        #expect(list.violation(of: choices("palace"), format: .approval(minimum: 1, maximum: 3)) == .unknownProject("palace"))
    }

    @Test func approvalBounds() throws {
        let list = try Self.list()
        let format = BallotFormat.approval(minimum: 2, maximum: 3)
        #expect(list.violation(of: choices("bancs"), format: format) == .tooFewProjects(minimum: 2, got: 1))
        #expect(list.violation(of: choices("bancs", "arbres"), format: format) == nil)
        #expect(list.violation(of: choices("bancs", "arbres", "piste"), format: format) == nil)
        #expect(list.violation(of: choices("bancs", "arbres", "piste", "jardin"), format: format) == .tooManyProjects(maximum: 3, got: 4))
        #expect(list.violation(of: choices("bancs", "bancs"), format: format) == .repeatedProject("bancs"))
        #expect(list.violation(of: [], format: format) == .empty)
        #expect(list.violation(of: [BallotChoice("bancs", points: 2), BallotChoice("arbres")], format: format) == .pointsOnNonCumulativeBallot("bancs"))
    }

    @Test func knapsackStaysWithinTheEnvelopeAndSpendsTheMinimum() throws {
        let list = try Self.list()
        let format = BallotFormat.knapsack(minimumSpendPercent: 80)
        // 20k + 50k + 30k = exactly the 100k envelope: valid.
        #expect(list.violation(of: choices("bancs", "arbres", "jardin"), format: format) == nil)
        #expect(
            list.violation(of: choices("arbres", "piste"), format: format)
                == .overEnvelope(envelope: 100_000_00, total: 130_000_00))
        #expect(
            list.violation(of: choices("bancs", "arbres"), format: format)
                == .underMinimumSpend(minimum: 80_000_00, total: 70_000_00))
        #expect(list.violation(of: choices("piste"), format: format) == nil)
    }

    @Test func cumulativePoints() throws {
        let list = try Self.list()
        let format = BallotFormat.cumulative(points: 10, maximumPerProject: 6)
        #expect(list.violation(of: [BallotChoice("bancs", points: 6), BallotChoice("arbres", points: 4)], format: format) == nil)
        #expect(
            list.violation(of: [BallotChoice("bancs", points: 6), BallotChoice("arbres", points: 5)], format: format)
                == .tooManyPoints(maximum: 10, got: 11))
        #expect(list.violation(of: [BallotChoice("bancs", points: 7)], format: format) == .tooManyPointsOnProject("bancs", maximum: 6))
        #expect(list.violation(of: [BallotChoice("bancs", points: 0)], format: format) == .nonPositivePoints("bancs"))
    }

    @Test func rankedBallotsRankAtMostK() throws {
        let list = try Self.list()
        #expect(list.violation(of: choices("piste", "bancs"), format: .ranked(maximumRanks: 2)) == nil)
        #expect(list.violation(of: choices("piste", "bancs", "jardin"), format: .ranked(maximumRanks: 2)) == .tooManyRanks(maximum: 2, got: 3))
    }

    @Test func districtBallotsHoldOnlyTheirDistrictsProjects() throws {
        let north = try Self.list(Self.split, scope: "north")
        #expect(Set(north.costs.keys) == ["bancs", "arbres"])
        #expect(
            north.violation(of: choices("jardin"), format: .approval(minimum: 1, maximum: 3))
                == .projectOfAnotherDistrict("jardin", district: "south"))
        // The 80k cycle track exceeds the south's 40k envelope: it never reaches a ballot.
        let south = try Self.list(Self.split, scope: "south")
        #expect(Set(south.costs.keys) == ["jardin"])
        #expect(throws: ParticipationError.self) { try Self.list(Self.split, scope: nil) }
        #expect(throws: ParticipationError.self) { try Self.list(Self.settings, scope: "north") }
    }

    @Test func violationsBecomeErrorsOnTheChoicesField() {
        let error = BallotViolation.overEnvelope(envelope: 100_000_00, total: 130_000_50).error
        #expect(error.code == .invalidInput)
        #expect(error.field == "choices")
        #expect(error.message == "invalid ballot: the chosen projects cost 130000.50, over the envelope of 100000.00")
    }
}
