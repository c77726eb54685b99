import Foundation
import Participation
import ParticipationSimulation
import Testing

@Suite("Voting behaviours")
struct VotingBehaviourTests {
    /// 30 projects over districts a, b, c; costs 10 000 € to 300 000 €; appeal falls with the id.
    static let candidates: [BallotCandidate] = (1...30).map { number in
        BallotCandidate(
            id: PropositionID(rawValue: String(format: "p%02d", number)), cost: Int64(number) * 10_000_00,
            districtID: ["a", "b", "c"][number % 3], appeal: 300 / (2 + number))
    }

    /// Approvals per project over 5 000 ballots of 5 approvals.
    static func approvals(_ behaviour: VotingBehaviour, district: DistrictID = "a", seed: UInt64 = 1) -> [PropositionID: Int] {
        let chooser = BallotChooser(candidates: candidates, behaviour: behaviour, voterDistrict: district)
        var random = SimulationRandom(seed: seed)
        var counts: [PropositionID: Int] = [:]
        for _ in 0..<5_000 {
            let ballot = chooser.approvals(5, using: &random)
            #expect(Set(ballot).count == 5)
            for id in ballot { counts[id, default: 0] += 1 }
        }
        return counts
    }

    static func share(of ids: Set<PropositionID>, in counts: [PropositionID: Int]) -> Double {
        Double(counts.filter { ids.contains($0.key) }.values.reduce(0, +)) / 25_000
    }

    @Test("popularity-weighted votes concentrate on a few projects; uniform ones do not")
    func popularity() {
        let top: Set<PropositionID> = ["p01", "p02", "p03", "p04", "p05"]
        #expect(Self.share(of: top, in: Self.approvals(.popularityWeighted)) > 0.6)
        #expect(Self.share(of: top, in: Self.approvals(.uniform)) < 0.25)
    }

    @Test("district-loyal voters mostly pick their own district's projects")
    func loyalty() {
        let own = Set(Self.candidates.filter { $0.districtID == "b" }.map(\.id))
        #expect(Self.share(of: own, in: Self.approvals(.districtLoyal(loyaltyPercent: 80), district: "b")) > 0.6)
        #expect(Self.share(of: own, in: Self.approvals(.uniform, district: "b")) < 0.4)
    }

    @Test("cost-sensitive voters pick cheaper projects than uniform ones")
    func cost() {
        func meanCost(_ counts: [PropositionID: Int]) -> Int64 {
            let costs = Dictionary(uniqueKeysWithValues: Self.candidates.map { ($0.id, $0.cost) })
            return counts.reduce(Int64(0)) { $0 + Int64($1.value) * (costs[$1.key] ?? 0) } / 25_000
        }
        #expect(meanCost(Self.approvals(.costSensitive)) * 2 < meanCost(Self.approvals(.uniform)))
    }

    @Test("the same seed gives the same ballots, whatever order the candidates came in")
    func determinism() {
        let forward = BallotChooser(candidates: Self.candidates, behaviour: .popularityWeighted, voterDistrict: "a")
        let backward = BallotChooser(candidates: Self.candidates.reversed(), behaviour: .popularityWeighted, voterDistrict: "a")
        var first = SimulationRandom(seed: 77)
        var second = SimulationRandom(seed: 77)
        for _ in 0..<100 {
            #expect(forward.approvals(5, using: &first) == backward.approvals(5, using: &second))
        }
        #expect(Self.approvals(.typicalTownMember, seed: 1) != Self.approvals(.typicalTownMember, seed: 2))
    }

    @Test("a knapsack ballot stays within its envelope")
    func knapsack() {
        let chooser = BallotChooser(candidates: Self.candidates, behaviour: .costSensitive, voterDistrict: "a")
        var random = SimulationRandom(seed: 3)
        let costs = Dictionary(uniqueKeysWithValues: Self.candidates.map { ($0.id, $0.cost) })
        for _ in 0..<200 {
            let ballot = chooser.knapsack(within: 500_000_00, using: &random)
            #expect(!ballot.isEmpty)
            #expect(ballot.compactMap { costs[$0] }.reduce(0, +) <= 500_000_00)
        }
    }
}

extension VotingBehaviour {
    static let typicalTownMember = VotingBehaviour.districtLoyal(loyaltyPercent: 50)
}
