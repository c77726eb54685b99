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
/// Memory is bounded by ``textBudget``: past it, the cache empties and refills with what
/// is read next. Not `Sendable`: it lives and is used with its connection, on one queue.
final class DecodedTextCache {
    /// How many bytes of text the entries may hold before the cache empties.
    static let textBudget = 4 << 20

    private var values: [Key: Any] = [:]
    private var textBytes = 0

    /// The value decoded from `text`, decoding it with `decode` only on a miss.
    ///
    /// - Throws: What `decode` throws; a failure is not cached.
    func value<Value>(_ type: Value.Type, from text: String, decode: (String) throws -> Value) rethrows -> Value {
        let key = Key(type: ObjectIdentifier(type), text: text)
        if let cached = values[key] as? Value { return cached }
        let value = try decode(text)
        if textBytes + text.utf8.count > Self.textBudget {
            values.removeAll(keepingCapacity: true)
            textBytes = 0
        }
        values[key] = value
        textBytes += text.utf8.count
        return value
    }

    /// A type and the bytes of a text: hashed and compared byte for byte, not as Unicode
    /// strings, which would both cost a normalization and treat different bytes as equal.
    private struct Key: Hashable {
        let type: ObjectIdentifier
        var text: String

        static func == (left: Key, right: Key) -> Bool {
            guard left.type == right.type, left.text.utf8.count == right.text.utf8.count else { return false }
            // `memcmp`, not `elementsEqual` over the UTF-8 views, which compares byte by byte.
            var leftText = left.text, rightText = right.text
            return leftText.withUTF8 { leftBytes in
                rightText.withUTF8 { rightBytes in
                    // No base address: an empty text (the counts are equal).
                    guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return true }
                    return memcmp(leftStart, rightStart, leftBytes.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(type)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
