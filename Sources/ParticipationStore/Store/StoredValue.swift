#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How domain values that are not key columns are stored: as JSON text.
///
/// Tables keep as columns what the schema constrains, joins, orders or filters on (ids,
/// tenant, revision, status); the rest of a value (phases, eligibility rules, profiles)
/// is one JSON document in a `value` column. A value thus round-trips whole through its
/// `Codable` conformance, and a new domain field needs no migration.
enum StoredValue {
    /// Encodes `value` as JSON text with sorted keys, so equal values store equal text.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes a value stored by ``encode(_:)``.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

extension Date {
    /// The date as stored in `REAL` columns: seconds since 2001-01-01 UTC, `Date`'s own
    /// representation, so reading it back gives exactly the same `Date`.
    var storedSeconds: Double { timeIntervalSinceReferenceDate }

    /// A date read from a `REAL` column written with ``storedSeconds``.
    init(storedSeconds: Double) {
        self.init(timeIntervalSinceReferenceDate: storedSeconds)
    }
}
