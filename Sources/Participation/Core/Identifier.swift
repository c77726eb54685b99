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
            !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw ParticipationError(
                .invalidInput, "\(field) must be 1 to 128 printable characters", field: field)
        }
        return Identifier(rawValue: raw)
    }

    public var description: String { rawValue }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}
