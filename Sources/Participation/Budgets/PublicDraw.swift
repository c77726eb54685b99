/// A seeded, reproducible draw anyone can recompute: picking online ideas to discuss in a
/// meeting, or members of a citizens' committee.
///
/// The algorithm, so that it can be re-implemented from this text alone:
/// 1. The seed text is hashed with 64-bit FNV-1a over its UTF-8 bytes
///    (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
/// 2. That hash seeds SplitMix64 (``SeededRandom``): state += 0x9E3779B97F4A7C15, then
///    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9, z = (z ^ (z >> 27)) * 0x94D049BB133111EB,
///    output z ^ (z >> 31), all modulo 2^64.
/// 3. For i = 0 ..< count, over the list in its published order: draw j uniformly in
///    i ..< n by rejection (take the next output r, reject while r >= 2^64 - (2^64 mod (n - i)),
///    then j = i + r mod (n - i)), swap items i and j, and item i is the i-th winner.
public enum PublicDraw {
    /// The first `count` items of a seeded shuffle of `list`, in draw order.
    /// - Throws: `invalidInput` when `count` is negative or larger than the list, or the list
    ///   repeats an item (a repeated name would get two chances).
    public static func draw(seed: String, from list: [String], count: Int) throws -> [String] {
        guard count >= 0, count <= list.count else {
            throw ParticipationError.invalid("count", "count must be within 0...\(list.count)")
        }
        guard Set(list).count == list.count else {
            throw ParticipationError.invalid("list", "the list repeats an item")
        }
        var generator = SeededRandom(seed: fnv1a(seed))
        var items = list
        for index in 0..<count {
            let pick = index + Int(uniform(below: UInt64(items.count - index), using: &generator))
            items.swapAt(index, pick)
        }
        return Array(items[..<count])
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// A uniform value in 0 ..< bound by rejection sampling (bias-free, and simple to re-implement).
    static func uniform(below bound: UInt64, using generator: inout SeededRandom) -> UInt64 {
        let limit = UInt64.max - (UInt64.max % bound + 1) % bound
        while true {
            let value = generator.next()
            if value <= limit { return value % bound }
        }
    }
}
