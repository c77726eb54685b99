/// A JSON Schema, the subset OpenAPI 3.0 needs for this API.
///
/// One value serves three purposes, so they cannot drift apart: it is printed in
/// `/openapi.json`, request bodies are checked against it before they are decoded (unknown
/// fields and wrong types are refused there, at any depth), and the tests check sample
/// responses against it.
indirect enum Schema: Sendable {
    case string(format: String? = nil, allowed: [String]? = nil)
    case integer
    case number
    case boolean
    case array(Schema)
    /// An object with fixed properties; nothing else is accepted.
    case object([Property])
    /// An object used as a map from string keys to values of one schema.
    case map(Schema)
    /// A schema with a name: documented once under `components/schemas` and referenced.
    case named(String, Schema)
    /// Any JSON value (free-form parts of a document).
    case any

    /// One property of an object schema.
    struct Property: Sendable {
        let name: String
        let schema: Schema
        let required: Bool
    }

    /// A string property.
    static let text = Schema.string()
    /// An ISO 8601 date-time string.
    static let dateTime = Schema.string(format: "date-time")

    /// The schema with its name(s) looked through.
    var resolved: Schema {
        if case .named(_, let inner) = self { return inner.resolved }
        return self
    }
}

extension Schema.Property {
    /// A property that must be present.
    static func required(_ name: String, _ schema: Schema) -> Self { .init(name: name, schema: schema, required: true) }
    /// A property that may be absent or null.
    static func optional(_ name: String, _ schema: Schema) -> Self { .init(name: name, schema: schema, required: false) }
}
