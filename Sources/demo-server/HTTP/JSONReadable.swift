/// A request body the server reads from the ``JSONValue`` its schema check already parsed,
/// rather than parsing the text a second time through `JSONDecoder`: the bodies of the
/// hottest endpoints (casting a ballot).
///
/// `init(json:)` runs only on a value that matched the endpoint's ``Schema``, so members have
/// the right JSON types; it still refuses, with the member at fault, what a schema cannot say
/// (an integer too large for `Int`), exactly as decoding through `JSONDecoder` would. A test
/// checks each conforming type against `JSONDecoder` on the same bodies.
protocol JSONReadable: Decodable {
    init(json: JSONValue) throws
}

extension JSONValue {
    /// The string member `key`; nil when absent or `null`.
    func optionalString(_ key: String) throws -> String? {
        switch self[key] {
        case nil, .null: return nil
        case .string(let text): return text
        case let other?: throw APIError.malformed("'\(key)' must be a string, not \(other.typeName)", field: key)
        }
    }

    /// The string member `key`, which the body must have.
    func requiredString(_ key: String) throws -> String {
        guard let text = try optionalString(key) else { throw APIError.malformed("'\(key)' is required", field: key) }
        return text
    }

    /// The integer member `key`; nil when absent or `null`.
    func optionalInteger(_ key: String, field: String) throws -> Int? {
        switch self[key] {
        case nil, .null: return nil
        case .integer(let value):
            guard let integer = Int(exactly: value) else { throw APIError.malformed("'\(field)' has an invalid value", field: field) }
            return integer
        case let other?: throw APIError.malformed("'\(field)' must be an integer, not \(other.typeName)", field: field)
        }
    }

    /// The array member `key`, which the body must have.
    func requiredArray(_ key: String) throws -> [JSONValue] {
        guard let items = self[key]?.arrayValue else { throw APIError.malformed("'\(key)' must be an array", field: key) }
        return items
    }
}
