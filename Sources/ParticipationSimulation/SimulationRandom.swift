import Participation

/// The draws a simulation needs, built on ``SeededRandom`` with algorithms written out here.
///
/// The standard library's `Int.random(in:using:)` and `shuffle(using:)` are free to change
/// their algorithms between Swift releases, and `Double.random` uses the system generator;
/// a simulation whose numbers are pinned in tests must not depend on either. Every draw
/// below uses only integer arithmetic and the four IEEE operations, which give the same bits
/// on every machine.
public struct SimulationRandom: Sendable {
    private var generator: SeededRandom
    /// The seed this stream started from.
    public let seed: UInt64

    /// Starts a stream from `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        generator = SeededRandom(seed: seed)
    }

    /// An independent stream for one concern of the simulation ("population", "votes"…).
    ///
    /// Each concern draws from its own stream so that changing how many draws one of them
    /// makes does not shift every other outcome of the run.
    public func stream(_ label: String) -> SimulationRandom {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the label's UTF-8 bytes
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        var mixer = SeededRandom(seed: seed ^ hash)
        return SimulationRandom(seed: mixer.next())
    }

    /// The next 64 random bits.
    public mutating func nextBits() -> UInt64 { generator.next() }

    /// A uniform integer in `0 ..< bound`, without modulo bias (rejection sampling).
    /// `bound` must be positive.
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0, "a draw needs at least one value to choose from")
        let range = UInt64(bound)
        let limit = UInt64.max - (UInt64.max % range + 1) % range
        while true {
            let value = generator.next()
            if value <= limit { return Int(value % range) }
        }
    }

    /// A uniform integer in `range`.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + integer(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform value in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(generator.next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `probability` (clamped to 0...1).
    public mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// An index drawn with probability proportional to its weight. Weights are non-negative
    /// integers so that the draw is exact; at least one must be positive.
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "a weighted draw needs a positive total weight")
        var ticket = integer(below: total)
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        preconditionFailure("the ticket is below the total, so some weight covers it")
    }

    /// Shuffles `items` in place (Fisher–Yates from the end).
    public mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, integer(below: index + 1))
        }
    }

    /// Up to `count` distinct indices drawn without replacement, each draw proportional to the
    /// remaining weights. Indices with weight 0 are never drawn.
    public mutating func weightedSample(_ weights: [Int], count: Int) -> [Int] {
        var remaining = weights
        var total = remaining.reduce(0, +)
        var picked: [Int] = []
        picked.reserveCapacity(count)
        while picked.count < count, total > 0 {
            var ticket = integer(below: total)
            for index in remaining.indices {
                if ticket < remaining[index] {
                    picked.append(index)
                    total -= remaining[index]
                    remaining[index] = 0
                    break
                }
                ticket -= remaining[index]
            }
        }
        return picked
    }
}
