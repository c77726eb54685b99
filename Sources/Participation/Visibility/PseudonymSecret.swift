/// The key of the per-process pseudonyms the public sees under ``DisplayPolicy/pseudonym``.
///
/// Pseudonyms are keyed hashes of the participant, the process and the tenant, so that without
/// the key nobody can compute a participant's pseudonym from their id, nor link their
/// pseudonyms in two processes. The host keeps one secret for all its service instances (so
/// that pseudonyms stay the same across restarts and servers) and never publishes it.
public struct PseudonymSecret: Sendable {
    let hasher: SipHash24

    /// A key derived from `secret`.
    /// - Throws: `invalidInput` (field `secret`) when the secret has fewer than 16 bytes.
    public init(_ secret: String) throws {
        let bytes = Array(secret.utf8)
        guard bytes.count >= 16 else {
            throw ParticipationError.invalid("secret", "the pseudonym secret must have at least 16 bytes")
        }
        // Another domain than open data's, so the same secret gives unrelated pseudonyms.
        hasher = SipHash24(deriving: bytes, first: 0x7075_626c_6963_6e61, domain: 0x6d65_7330_0000_0000)
    }

    /// A random key, for one service instance: pseudonyms then change when it restarts. Pass a
    /// kept secret to ``ParticipationService/init(storage:clock:ids:pseudonymSecret:)`` instead.
    public static func random() -> PseudonymSecret {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<4).map { _ in AuthorDisplay.hex(generator.next()) }
        // Four words of 16 hexadecimal digits each: 64 bytes, above the 16 the initializer needs.
        return try! PseudonymSecret(words.joined())
    }

    /// The 64-bit keyed hash of `parts`, separated by NUL bytes.
    func hash(_ parts: [String]) -> UInt64 {
        var bytes: [UInt8] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(0) }
            bytes.append(contentsOf: part.utf8)
        }
        return hasher.hash(bytes)
    }
}
