/// A hash table from UTF-8 byte strings to integers, looked up by bytes so that ids are matched
/// without creating strings: project ids longer than ``ProjectIdentifierIndex`` packs in a word.
struct ByteStringIndex {
    private var keys: [[UInt8]] = []
    private var values: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(bytes) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if keys[Int(entry)].elementsEqual(bytes) { return values[Int(entry)] }
            slot = (slot + 1) & mask
        }
    }

    /// Inserts `value` for `bytes`; returns `false` (and changes nothing) if the key exists.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Bool {
        if (keys.count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(bytes) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if keys[Int(entry)].elementsEqual(bytes) { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keys.count)
        keys.append(Array(bytes))
        values.append(value)
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (entry, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { key in
                var slot = Self.hash(key) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entry)
            }
        }
    }
}
