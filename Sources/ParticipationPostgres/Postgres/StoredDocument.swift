#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How domain values that are not key columns are stored: as one `jsonb` document.
///
/// Tables keep as columns what the schema constrains, joins, orders or filters on (ids,
/// tenant, revision, status), exactly as the SQLite backend does; the rest of a value is
/// one document in a `value` column, bound as text and cast (`$n::jsonb`), read back as
/// `value::text`. A value thus round-trips whole through its `Codable` conformance, and a
/// new domain field needs no migration.
enum StoredDocument {
    /// Encodes `value` as JSON text.
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
    /// The date as stored in `double precision` columns: seconds since 2001-01-01 UTC,
    /// `Date`'s own representation, so reading it back gives exactly the same `Date`.
    var storedSeconds: Double { timeIntervalSinceReferenceDate }

    /// A date read from a column written with ``storedSeconds``.
    init(storedSeconds: Double) {
        self.init(timeIntervalSinceReferenceDate: storedSeconds)
    }
}
