@testable import Participation
import Testing

@Suite("Auditable random draw")
struct PublicDrawTests {
    static let ideas = (1...40).map { "idée-\($0)" }

    @Test func theSameSeedListAndCountGiveTheSameDraw() throws {
        let first = try PublicDraw.draw(seed: "conseil-2026-03-12", from: Self.ideas, count: 5)
        let again = try PublicDraw.draw(seed: "conseil-2026-03-12", from: Self.ideas, count: 5)
        #expect(first == again)
        #expect(Set(first).count == 5)
        #expect(first.allSatisfy(Self.ideas.contains))
        let other = try PublicDraw.draw(seed: "conseil-2026-03-13", from: Self.ideas, count: 5)
        #expect(other != first)
    }

    @Test func theDrawIsPinnedSoAnyoneCanRecomputeIt() throws {
        // Pinned values: a change to the algorithm documented on PublicDraw breaks this test.
        #expect(PublicDraw.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(PublicDraw.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        var generator = SeededRandom(seed: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        // Computed independently by scripts/recompute-draw.py from the documented algorithm.
        #expect(try PublicDraw.draw(seed: "seed", from: ["a", "b", "c", "d"], count: 4) == ["b", "a", "c", "d"])
        #expect(
            try PublicDraw.draw(seed: "conseil-2026-03-12", from: Self.ideas, count: 5)
                == ["idée-21", "idée-6", "idée-13", "idée-37", "idée-22"])
    }

    @Test func badRequestsAreRefused() {
        #expect(throws: ParticipationError.self) { try PublicDraw.draw(seed: "s", from: ["a"], count: 2) }
        #expect(throws: ParticipationError.self) { try PublicDraw.draw(seed: "s", from: ["a", "a"], count: 1) }
        #expect(throws: ParticipationError.self) { try PublicDraw.draw(seed: "s", from: ["a"], count: -1) }
    }

    @Test func everyItemCanBeDrawnFirst() throws {
        var firsts: Set<String> = []
        for seed in 0..<200 { firsts.insert(try PublicDraw.draw(seed: "s\(seed)", from: ["a", "b", "c", "d", "e"], count: 1)[0]) }
        #expect(firsts == ["a", "b", "c", "d", "e"])
    }
}
