#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One cell of an open-data table: typed in JSON, text in CSV.
public enum OpenDataValue: Hashable, Sendable, Encodable {
    case text(String)
    case integer(Int64)
    case boolean(Bool)
    /// No value, or a value suppressed because its group is too small.
    case null

    /// A date as ISO 8601 in UTC, to the second ("2025-06-15T14:40:00Z").
    public static func date(_ date: Date) -> OpenDataValue { .text(date.formatted(.iso8601)) }

    /// An optional integer.
    public static func integer(_ value: Int64?) -> OpenDataValue { value.map { .integer($0) } ?? .null }

    /// A list of values joined by `|` (a character ids and themes never need).
    public static func list(_ values: [String]) -> OpenDataValue { .text(values.joined(separator: "|")) }

    /// The cell as CSV text: empty for null, `true`/`false` for booleans.
    public var csvField: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .null: ""
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
