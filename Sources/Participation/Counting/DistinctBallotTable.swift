/// Merges identical membership sets as they arrive, keeping them in one flat array (no
/// per-ballot allocation): the ballots of ``CompactElection`` and of every ``CountingProfile``.
///
/// Sets are added sorted and without repeats, so equal ballots have equal entries.
struct DistinctBallotTable: Sendable {
    /// Ballot `b` is `members[offsets[b] ..< offsets[b + 1]]`.
    private(set) var offsets: [Int] = [0]
    private(set) var members: [Int32] = []
    /// How many voters cast each distinct ballot.
    private(set) var weights: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 16
        // A table at most half full; capped so that a wild estimate cannot allocate for nothing.
        while capacity < min(expectedCount, 1 << 24) * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    private static func hash(_ set: UnsafeBufferPointer<Int32>) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(set.count)
        for element in set {
            hash = (hash ^ UInt64(UInt32(bitPattern: element))) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// Adds one voter's sorted, repeat-free set.
    mutating func add(_ set: UnsafeBufferPointer<Int32>) {
        if (weights.count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(set) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            members.withUnsafeBufferPointer { members in
                offsets.withUnsafeBufferPointer { offsets in
                    while true {
                        let entry = slots[slot]
                        if entry < 0 { return nil }
                        let start = offsets[Int(entry)]
                        if offsets[Int(entry) + 1] - start == set.count {
                            var equal = true
                            for index in 0..<set.count where members[start + index] != set[index] {
                                equal = false
                                break
                            }
                            if equal { return entry }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        if let found {
            weights[Int(found)] += 1
            return
        }
        slots[slot] = Int32(weights.count)
        weights.append(1)
        members.append(contentsOf: set)
        offsets.append(members.count)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        members.withUnsafeBufferPointer { members in
            for ballot in 0..<weights.count {
                let set = UnsafeBufferPointer(rebasing: members[offsets[ballot]..<offsets[ballot + 1]])
                var slot = Self.hash(set) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(ballot)
            }
        }
    }
}
