import Foundation

/// A value the server writes as JSON by hand rather than through `JSONEncoder`: the responses
/// of the hottest endpoints (casting a ballot), where `Codable`'s generic machinery cost more
/// than the rest of the response.
///
/// The output must be byte for byte what ``JSONCoding/encoder()`` writes for the same value
/// (sorted keys, ISO 8601 dates, nil members left out, slashes not escaped); a test checks
/// each conforming type against it, and the OpenAPI checks validate it like any response.
protocol JSONWritable: Encodable {
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value as JSON text.
    var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }
}

/// Appends JSON text to a byte array. Objects are written member by member in the order the
/// caller gives, which must be sorted by key to match ``JSONCoding/encoder()``.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the object being written has no member yet (no comma before the next one).
    private var atFirstMember = true

    init() { bytes.reserveCapacity(256) }

    /// `{`, the members `body` writes with ``member(_:_:)``, `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outer = atFirstMember
        atFirstMember = true
        body(&self)
        atFirstMember = outer
        bytes.append(UInt8(ascii: "}"))
    }

    /// The member `key` of the object being written, its value written by `value`.
    mutating func member(_ key: StaticString, _ value: (inout JSONWriter) -> Void) {
        if !atFirstMember { bytes.append(UInt8(ascii: ",")) }
        atFirstMember = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        value(&self)
    }

    mutating func member(_ key: StaticString, _ text: String) { member(key) { $0.string(text) } }

    /// The member `key` if `text` is not nil; left out otherwise, as `JSONEncoder` does.
    mutating func member(_ key: StaticString, ifPresent text: String?) {
        if let text { member(key, text) }
    }

    /// `[`, one element per item written by `element`, `]`.
    mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func date(_ value: Date) {
        string(value.formatted(.iso8601))
    }

    /// A JSON string, escaped as `JSONEncoder` escapes: quote, backslash and control
    /// characters; everything else (slashes, non-ASCII) as is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
