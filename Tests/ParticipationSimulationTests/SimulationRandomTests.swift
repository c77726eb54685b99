import Participation
import ParticipationSimulation
import Testing

@Suite("Simulation random draws")
struct SimulationRandomTests {
    @Test("draws are pinned: the same bits on every machine and every Swift release")
    func pinned() {
        var random = SimulationRandom(seed: 42)
        #expect(random.nextBits() == 0xBDD7_3226_2FEB_6E95)
        #expect(random.integer(below: 1_000) == 291)
        var stream = SimulationRandom(seed: 42).stream("votes")
        #expect(stream.integer(below: 1_000_000) == 962_833)
    }

    @Test("integers stay in range and cover it")
    func integers() {
        var random = SimulationRandom(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let value = random.integer(in: -3...3)
            #expect((-3...3).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }

    @Test("a shuffle is a permutation; weights of zero are never drawn")
    func shuffleAndWeights() {
        var random = SimulationRandom(seed: 9)
        var items = Array(0..<50)
        random.shuffle(&items)
        #expect(items.sorted() == Array(0..<50))
        #expect(items != Array(0..<50))
        for _ in 0..<500 { #expect(random.weightedIndex([0, 3, 0, 1]) != 0) }
        #expect(Set(random.weightedSample([1, 0, 5, 2], count: 5)) == [0, 2, 3])
    }

    @Test("streams with different labels are independent")
    func streams() {
        let root = SimulationRandom(seed: 5)
        var votes = root.stream("votes")
        var ideas = root.stream("ideas")
        #expect(votes.nextBits() != ideas.nextBits())
        var again = root.stream("votes")
        var first = root.stream("votes")
        #expect(again.nextBits() == first.nextBits())
    }
}
