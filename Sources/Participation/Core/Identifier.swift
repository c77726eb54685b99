/// A typed identifier: `Identifier<Tenant>` and `Identifier<Participant>` never mix.
///
/// The raw value is an opaque string chosen by the ``IdentifierSource`` in use (random UUIDs
/// in production, a counter in tests). It encodes as a plain JSON string (the standard
/// library's coding of string-backed `RawRepresentable` types).
public struct Identifier<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    /// The opaque string value.
    public let rawValue: String

    /// Wraps a raw value without checking it; use ``validated(_:field:)`` for input.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a string literal (handy in tests and fixtures).
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Wraps a raw value that came from outside, refusing empty, overlong or control-character
    /// strings with an ``ParticipationError/Code/invalidInput`` error naming `field`.
    public static func validated(_ raw: String, field: String) throws -> Identifier {
        guard !raw.isEmpty, raw.utf8.count <= 128,
            !raw.unicodeScalars.contains(where: Self.isControl)
        else {
            throw ParticipationError(
                .invalidInput, "\(field) must be 1 to 128 printable characters", field: field)
        }
        return Identifier(rawValue: raw)
    }

    /// Whether `scalar` is in Unicode's general category Cc (control), which is exactly
    /// U+0000–U+001F and U+007F–U+009F: compared directly, since looking the category up in
    /// Unicode's tables cost a measurable share of every HTTP request that names an id.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    public var description: String { rawValue }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}
