/// A hash table from UTF-8 byte strings to integers, looked up by byte slice so that the
/// hundreds of thousands of project ids in a VOTES section are matched without creating
/// strings.
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

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    func value(for bytes: ArraySlice<UInt8>) -> Int? {
        var slot = Self.hash(bytes) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if keys[Int(entry)].elementsEqual(bytes) { return values[Int(entry)] }
            slot = (slot + 1) & mask
        }
    }

    /// Inserts `value` for `bytes`; returns `false` (and changes nothing) if the key exists.
    mutating func insert(_ bytes: ArraySlice<UInt8>, value: Int) -> Bool {
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
        let oldKeys = keys
        let oldValues = values
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        keys = []
        values = []
        for (key, value) in zip(oldKeys, oldValues) { _ = insert(key[...], value: value) }
    }
}
