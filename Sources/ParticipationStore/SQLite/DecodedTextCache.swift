#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values decoded from a column's text, kept by one connection so that a document read
/// again unchanged is not decoded again (a cast reads the same process, charter and
/// propositions as the casts before it).
///
/// An entry is keyed by the value's type and the exact bytes of the text it was decoded
/// from. Decoding is a function of those two, so an entry is never stale: a document that
/// changed is different text, hence a miss, decoded afresh. No revision or `data_version`
/// check is needed, and a value is never served from text the query did not just read.
///
/// A lookup reads the column's bytes where SQLite holds them: a hit makes no `String`,
/// hashes the text's length and its two ends only, and compares every byte (`memcmp`).
/// Texts that differ only in their middle share a hash and are told apart by that
/// comparison.
///
/// Memory is bounded by ``textBudget``: past it, the cache empties and refills with what
/// is read next. Not `Sendable`: it lives and is used with its connection, on one queue.
final class DecodedTextCache {
    /// How many bytes of text the entries may hold before the cache empties.
    static let textBudget = 4 << 20

    /// How many bytes of each end of a text its hash covers.
    static let hashedEndLength = 64

    private var values: [Key: Any] = [:]
    private var textBytes = 0

    /// The value decoded from the UTF-8 `bytes`, decoding the `String` they make with
    /// `decode` only on a miss.
    ///
    /// - Throws: What `decode` throws; a failure is not cached.
    func value<Value>(
        _ type: Value.Type, fromUTF8 bytes: UnsafeRawBufferPointer, decode: (String) throws -> Value
    ) rethrows -> Value {
        let probe = Key(type: ObjectIdentifier(type), text: .borrowed(bytes))
        if let cached = values[probe] as? Value { return cached }
        let value = try decode(String(decoding: bytes, as: UTF8.self))
        if textBytes + bytes.count > Self.textBudget {
            values.removeAll(keepingCapacity: true)
            textBytes = 0
        }
        // Only owned keys are stored: `bytes` is valid for this call only.
        values[Key(type: ObjectIdentifier(type), text: .owned(Array(bytes)))] = value
        textBytes += bytes.count
        return value
    }

    /// A type and the bytes of a text: hashed and compared byte for byte, not as Unicode
    /// strings, which would both cost a normalization and treat different bytes as equal.
    private struct Key: Hashable {
        let type: ObjectIdentifier
        let text: Text

        /// A key's bytes: its own copy once stored, or a column's while looking it up.
        enum Text {
            case owned([UInt8])
            case borrowed(UnsafeRawBufferPointer)

            func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
                switch self {
                case .owned(let bytes): bytes.withUnsafeBytes(body)
                case .borrowed(let bytes): body(bytes)
                }
            }
        }

        static func == (left: Key, right: Key) -> Bool {
            guard left.type == right.type else { return false }
            return left.text.withBytes { leftBytes in
                right.text.withBytes { rightBytes in
                    guard leftBytes.count == rightBytes.count else { return false }
                    // No base address: an empty text (the counts are equal).
                    guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return true }
                    return memcmp(leftStart, rightStart, leftBytes.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(type)
            text.withBytes { bytes in
                hasher.combine(bytes.count)
                let end = min(bytes.count, DecodedTextCache.hashedEndLength)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes.prefix(end)))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: bytes.suffix(end)))
            }
        }
    }
}
