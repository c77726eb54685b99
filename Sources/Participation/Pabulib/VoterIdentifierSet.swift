/// The voter ids of a VOTES section seen so far, to refuse a repeated one without a string or an
/// allocation per voter.
///
/// Files usually number their voters in increasing order. While every id is greater than the one
/// before — shorter ids first, then byte by byte, which is numeric order for plain numbers — no
/// id can repeat and nothing is looked up. At the first id out of that order, every id seen is
/// hashed into a table and the rest are checked against it. An id is remembered by its place in
/// the input; only a quoted one (whose content is a copy) is copied, into `arena`.
struct VoterIdentifierSet {
    private let input: UnsafeBufferPointer<UInt8>
    /// Every id seen: `offset << 24 | length << 1 | inArena`.
    private var ids: [UInt64] = []
    private var arena: [UInt8] = []
    private var slots: [Int32] = []
    private var mask = 0

    init(input: UnsafeBufferPointer<UInt8>, expectedCount: Int) {
        self.input = input
        ids.reserveCapacity(expectedCount)
    }

    private var hashed: Bool { !slots.isEmpty }

    /// Adds an id (bytes of the input, or a copy for a quoted one); returns `false` (and changes
    /// nothing) if it was already there.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let inInput = id.baseAddress.map { input.baseAddress! <= $0 && $0 + id.count <= input.baseAddress! + input.count } ?? true
        if !hashed {
            if inInput && (ids.isEmpty || withBytes(of: ids.count - 1) { Self.precedes($0, id) }) {
                append(id, inInput: true)
                return true
            }
            rehash(capacity: Self.capacity(for: ids.count + 1))
        }
        if (ids.count + 1) * 2 > slots.count { rehash(capacity: slots.count * 2) }
        var slot = Self.hash(id) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if withBytes(of: Int(entry), { $0.elementsEqual(id) }) { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(truncatingIfNeeded: ids.count)
        append(id, inInput: inInput)
        return true
    }

    /// Whether `a` comes before `b` in (length, bytes) order.
    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.count != b.count { return a.count < b.count }
        for index in 0..<a.count where a[index] != b[index] { return a[index] < b[index] }
        return false
    }

    private func withBytes<Result>(of entry: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let packed = ids[entry]
        let offset = Int(packed >> 24)
        let length = Int((packed >> 1) & 0x7F_FFFF)
        if packed & 1 == 0 { return body(UnsafeBufferPointer(rebasing: input[offset..<(offset + length)])) }
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
    }

    private mutating func append(_ id: UnsafeBufferPointer<UInt8>, inInput: Bool) {
        let length = UInt64(min(id.count, 0x7F_FFFF))
        if inInput, let start = id.baseAddress, let base = input.baseAddress {
            ids.append(UInt64(base.distance(to: start)) << 24 | length << 1)
        } else {
            ids.append(UInt64(arena.count) << 24 | length << 1 | 1)
            arena.append(contentsOf: id)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }

    private mutating func rehash(capacity: Int) {
        var slots = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for entry in 0..<ids.count {
            var slot = withBytes(of: entry) { Self.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: entry)
        }
        self.slots = slots
        self.mask = mask
    }
}
