/// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit hash, so that pseudonyms
/// cannot be recomputed, nor reversed by trying every id, without the key.
///
/// Written here because the domain has no cryptography library; checked against the
/// reference implementation's published test vectors. Key and message words are read
/// little-endian, as the reference does.
public struct SipHash24: Sendable {
    private let k0: UInt64
    private let k1: UInt64

    /// A hasher with a 128-bit key given as its two little-endian halves.
    public init(k0: UInt64, k1: UInt64) {
        self.k0 = k0
        self.k1 = k1
    }

    /// A hasher keyed by a 128-bit key derived from a secret of any length with two passes of
    /// SipHash under fixed keys (`domain` and `domain` + 1 as second halves): one derivation for
    /// every keyed pseudonym of the library, each use under its own domain.
    public init(deriving secret: [UInt8], first k0: UInt64, domain: UInt64) {
        let derive0 = SipHash24(k0: k0, k1: domain)
        let derive1 = SipHash24(k0: k0, k1: domain + 1)
        self.init(k0: derive0.hash(secret), k1: derive1.hash(secret))
    }

    /// A hasher with a 16-byte key.
    /// - Precondition: `key` holds exactly 16 bytes.
    public init(key: [UInt8]) {
        precondition(key.count == 16, "a SipHash key is 16 bytes")
        self.init(k0: Self.littleEndianWord(key, at: 0), k1: Self.littleEndianWord(key, at: 8))
    }

    /// The 64-bit hash of `message`.
    public func hash(_ message: some Collection<UInt8>) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1

        func round() {
            v0 &+= v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 &+= v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 &+= v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 &+= v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }

        let bytes = Array(message)
        let fullWords = bytes.count / 8
        for index in 0..<fullWords {
            let word = Self.littleEndianWord(bytes, at: index * 8)
            v3 ^= word
            round()
            round()
            v0 ^= word
        }
        // The last word holds the remaining bytes and, in its top byte, the length mod 256.
        var last = UInt64(truncatingIfNeeded: bytes.count) << 56
        for (shift, byte) in bytes[(fullWords * 8)...].enumerated() { last |= UInt64(byte) << (8 * UInt64(shift)) }
        v3 ^= last
        round()
        round()
        v0 ^= last
        v2 ^= 0xff
        for _ in 0..<4 { round() }
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// The hash of a string's UTF-8 bytes.
    public func hash(_ text: String) -> UInt64 { hash(Array(text.utf8)) }

    private func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }

    static func littleEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<8 { word |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return word
    }
}
