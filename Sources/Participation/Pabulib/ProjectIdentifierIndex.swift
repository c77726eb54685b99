/// Project ids to project indices, looked up by the bytes of a vote list's piece: the hundreds
/// of thousands of ids in a VOTES section are matched without creating a string or hashing
/// byte by byte.
///
/// An id of at most 8 bytes (nearly all of them: `1467`, `L005`, `M/01/X`) is packed into one
/// word and found in a small open-addressing table with one multiplication; longer ids go
/// through a ``ByteStringIndex``.
struct ProjectIdentifierIndex {
    private var shortKeys: [UInt64]
    private var shortLengths: [UInt8]
    private var shortValues: [Int32]
    private var shift: UInt64
    private var mask: Int
    private var count = 0
    private var long = ByteStringIndex(expectedCount: 16)

    init() {
        shortKeys = [UInt64](repeating: 0, count: 64)
        shortLengths = [UInt8](repeating: 0, count: 64)
        shortValues = [Int32](repeating: -1, count: 64)
        shift = 64 - 6
        mask = 63
    }

    /// The bytes of an id of at most 8 bytes as one word, first byte lowest.
    @inline(__always)
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
        return key
    }

    @inline(__always)
    private func slot(_ key: UInt64, _ length: Int) -> Int {
        Int(truncatingIfNeeded: ((key ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The index of the project with this id, if any.
    @inline(__always)
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count <= 8 else { return long.value(for: bytes) }
        return index(packed: Self.packed(bytes), length: bytes.count)
    }

    /// The index of the project whose id of `length` ≤ 8 bytes packs into `key` (first byte lowest).
    @inline(__always)
    func index(packed key: UInt64, length count: Int) -> Int? {
        let length = UInt8(truncatingIfNeeded: count)
        var slot = self.slot(key, count)
        while true {
            let value = shortValues[slot]
            if value < 0 { return nil }
            if shortKeys[slot] == key && shortLengths[slot] == length { return Int(value) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds an id; returns `false` (and changes nothing) if it is already present.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Bool {
        guard bytes.count <= 8 else { return long.insert(bytes, value: value) }
        if index(of: bytes) != nil { return false }
        if (count + 1) * 4 > shortValues.count { grow() }
        place(Self.packed(bytes), UInt8(truncatingIfNeeded: bytes.count), Int32(truncatingIfNeeded: value))
        count += 1
        return true
    }

    private mutating func place(_ key: UInt64, _ length: UInt8, _ value: Int32) {
        var slot = self.slot(key, Int(length))
        while shortValues[slot] >= 0 { slot = (slot + 1) & mask }
        shortKeys[slot] = key
        shortLengths[slot] = length
        shortValues[slot] = value
    }

    private mutating func grow() {
        let entries = shortValues.indices.filter { shortValues[$0] >= 0 }.map { (shortKeys[$0], shortLengths[$0], shortValues[$0]) }
        let capacity = shortValues.count * 2
        shortKeys = [UInt64](repeating: 0, count: capacity)
        shortLengths = [UInt8](repeating: 0, count: capacity)
        shortValues = [Int32](repeating: -1, count: capacity)
        shift -= 1
        mask = capacity - 1
        for (key, length, value) in entries { place(key, length, value) }
    }
}
