/// The distinct ballots of an election with their multiplicities, in flat arrays: what every
/// ``CountingProfile`` iterates over.
///
/// A ballot is a sequence of distinct project indices, with one point value per entry when the
/// kind carries points: approval and point ballots sorted by project, ordinal ballots in rank
/// order, so that equal ballots have equal entries.
struct DistinctBallotTable: Sendable {
    /// Ballot `b` is `members[offsets[b] ..< offsets[b + 1]]`.
    private(set) var offsets: [Int] = [0]
    private(set) var members: [Int32] = []
    /// The points of `members`, entry by entry, when the ballots carry points; empty otherwise.
    private(set) var points: [Rational] = []
    /// How many voters cast each distinct ballot.
    private(set) var weights: [Int] = []
    /// The distinct ballot of each voter, in voting order (filled by ``init(merging:)``).
    private(set) var ballotOfVoter: [Int32] = []
    /// Open addressing, at most half full: a slot holds `hash << 32 | ballot + 1`, 0 when empty,
    /// so that most mismatches are told apart without reading the ballots.
    private var slots: [UInt64]
    private var mask: Int

    /// - Parameter expectedCount: how many ballots will be added, to size the table once.
    init(expectedCount: Int) {
        var capacity = 16
        // A table at most half full; capped so that a wild estimate cannot allocate for nothing.
        while capacity < min(expectedCount, 1 << 24) * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        offsets.reserveCapacity(min(expectedCount, 1 << 24) + 1)
        weights.reserveCapacity(min(expectedCount, 1 << 24))
    }

    /// Merges the ballots of `election`.
    init(merging election: CompactElection) {
        self.init(expectedCount: election.voterCount)
        ballotOfVoter.reserveCapacity(election.voterCount)
        let sorts = election.kind != .ordinal
        let pointed = election.kind.hasPoints
        let words = (election.projects.count + 63) / 64
        var bitmap = [UInt64](repeating: 0, count: sorts && !pointed && words <= 16 ? words : 0)
        var scratch: [Int32] = []
        var scratchPoints: [Rational] = []
        let noPoints = [Rational]()
        election.entries.withUnsafeBufferPointer { entries in
            election.entryPoints.withUnsafeBufferPointer { entryPoints in
                noPoints.withUnsafeBufferPointer { noPoints in
                    var start = 0
                    for end in election.entryEnds {
                        let ballot = UnsafeBufferPointer(rebasing: entries[start..<end])
                        defer { start = end }
                        if !sorts || ballot.count < 2 {
                            add(ballot, points: pointed ? UnsafeBufferPointer(rebasing: entryPoints[start..<end]) : noPoints)
                        } else if !bitmap.isEmpty {
                            if scratch.count < ballot.count { scratch = [Int32](repeating: 0, count: ballot.count * 2) }
                            scratch.withUnsafeMutableBufferPointer { sorted in
                                Self.sortedSet(of: ballot, into: sorted, using: &bitmap)
                                add(UnsafeBufferPointer(rebasing: sorted[0..<ballot.count]), points: noPoints)
                            }
                        } else {
                            let order = (start..<end).sorted { entries[$0] < entries[$1] }
                            scratch = order.map { entries[$0] }
                            scratchPoints = pointed ? order.map { entryPoints[$0] } : []
                            scratch.withUnsafeBufferPointer { sorted in
                                scratchPoints.withUnsafeBufferPointer { add(sorted, points: $0) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the distinct projects `listed` into `sorted` in increasing order: each sets its bit
    /// in `bitmap` (all zero on entry and on return), and the words are read back lowest bit
    /// first — no comparison.
    private static func sortedSet(
        of listed: UnsafeBufferPointer<Int32>, into sorted: UnsafeMutableBufferPointer<Int32>, using bitmap: inout [UInt64]
    ) {
        bitmap.withUnsafeMutableBufferPointer { words in
            for project in listed { words[Int(project) >> 6] |= 1 << (UInt64(project) & 63) }
            var count = 0
            for index in 0..<words.count where words[index] != 0 {
                var word = words[index]
                words[index] = 0
                while word != 0 {
                    sorted[count] = Int32(truncatingIfNeeded: index << 6 | word.trailingZeroBitCount)
                    count += 1
                    word &= word &- 1
                }
            }
        }
    }

    private static func hash(_ set: UnsafeBufferPointer<Int32>, _ points: UnsafeBufferPointer<Rational>) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(set.count)
        for element in set {
            hash = (hash ^ UInt64(UInt32(bitPattern: element))) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        for value in points {
            let word = value.isInteger ? value.numerator.int64Value.map { UInt64(bitPattern: $0) } : nil
            hash = (hash ^ (word ?? UInt64(bitPattern: Int64(value.hashValue)))) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// Adds one voter's ballot: distinct indices, with their points (empty when the kind has none).
    mutating func add(_ set: UnsafeBufferPointer<Int32>, points ballotPoints: UnsafeBufferPointer<Rational>) {
        ballotOfVoter.append(Int32(truncatingIfNeeded: insert(set, points: ballotPoints)))
    }

    /// Adds a ballot and returns its index among the distinct ones.
    private mutating func insert(_ set: UnsafeBufferPointer<Int32>, points ballotPoints: UnsafeBufferPointer<Rational>) -> Int {
        if (weights.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(set, ballotPoints)
        let tag = UInt64(truncatingIfNeeded: hash) >> 32
        var slot = hash & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            members.withUnsafeBufferPointer { members in
                offsets.withUnsafeBufferPointer { offsets in
                    while true {
                        let word = slots[slot]
                        if word == 0 { return nil }
                        let entry = Int32(truncatingIfNeeded: word & 0xFFFF_FFFF) - 1
                        let start = offsets[Int(entry)]
                        if word >> 32 == tag && offsets[Int(entry) + 1] - start == set.count {
                            var equal = true
                            for index in 0..<set.count where members[start + index] != set[index] {
                                equal = false
                                break
                            }
                            if equal && !ballotPoints.isEmpty {
                                for index in 0..<set.count where points[start + index] != ballotPoints[index] {
                                    equal = false
                                    break
                                }
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
            return Int(found)
        }
        slots[slot] = tag << 32 | UInt64(weights.count + 1)
        weights.append(1)
        members.append(contentsOf: set)
        points.append(contentsOf: ballotPoints)
        offsets.append(members.count)
        return weights.count - 1
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        members.withUnsafeBufferPointer { members in
            points.withUnsafeBufferPointer { points in
                for ballot in 0..<weights.count {
                    let range = offsets[ballot]..<offsets[ballot + 1]
                    let set = UnsafeBufferPointer(rebasing: members[range])
                    let values = points.isEmpty ? UnsafeBufferPointer(rebasing: points[0..<0]) : UnsafeBufferPointer(rebasing: points[range])
                    let hash = Self.hash(set, values)
                    var slot = hash & mask
                    while slots[slot] != 0 { slot = (slot + 1) & mask }
                    slots[slot] = (UInt64(truncatingIfNeeded: hash) >> 32) << 32 | UInt64(ballot + 1)
                }
            }
        }
    }
}
