import Foundation

/// Where a JSON value breaks its ``Schema``: the path to the value and what is wrong.
struct SchemaViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted path to the offending value (`phases.0.name`); empty for the root.
    let path: String
    let message: String

    var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension Schema {
    /// The first place `value` breaks the schema, or nil when it conforms.
    ///
    /// Objects refuse unknown members and need their required ones; an optional member may
    /// be null. An integer is written as one: no fraction, no exponent (`1.0` and `1e3` are
    /// refused, not read as 1 and 1000).
    func violation(in value: JSONValue, at path: String = "") -> SchemaViolation? {
        func fail(_ message: String) -> SchemaViolation { SchemaViolation(path: path, message: message) }
        func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch (self, value) {
        case (.named(_, let inner), _):
            return inner.violation(in: value, at: path)
        case (.any, _):
            return nil
        case (.string(let format, let allowed), .string(let text)):
            if let allowed, !allowed.contains(text) {
                return fail("must be one of: \(allowed.joined(separator: ", "))")
            }
            if format == "date-time", !Self.isDateTime(text) {
                return fail("must be an RFC 3339 date-time, for example 2026-06-01T00:00:00Z")
            }
            return nil
        case (.integer, .integer):
            return nil
        case (.integer, .number):
            return fail("must be an integer, written without a fraction or an exponent")
        case (.number, .number), (.number, .integer), (.boolean, .bool):
            return nil
        case (.array(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                if let violation = element.violation(in: item, at: child(String(index))) { return violation }
            }
            return nil
        case (.map(let element), .object(let members)):
            for key in members.keys.sorted() {
                // Every key is present, so the lookup finds it.
                if let violation = element.violation(in: members[key]!, at: child(key)) { return violation }
            }
            return nil
        case (.object(let properties), .object(let members)):
            let known = Set(properties.map(\.name))
            if let unknown = members.keys.sorted().first(where: { !known.contains($0) }) {
                return SchemaViolation(path: child(unknown), message: "unknown field")
            }
            for property in properties {
                switch members[property.name] {
                case nil, .null?:
                    if property.required { return SchemaViolation(path: child(property.name), message: "is required") }
                case let member?:
                    if let violation = property.schema.violation(in: member, at: child(property.name)) {
                        return violation
                    }
                }
            }
            return nil
        default:
            return fail("must be \(expectedTypeName), not \(value.typeName)")
        }
    }

    /// The JSON type the schema expects, for messages.
    var expectedTypeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .array: "an array"
        case .object, .map: "an object"
        case .named(_, let inner): inner.expectedTypeName
        case .any: "any value"
        }
    }
}

extension Schema {
    /// Whether `text` is a date-time as the API reads them (RFC 3339, with or without fractions
    /// of a second): what the body's decoder then reads.
    static func isDateTime(_ text: String) -> Bool {
        (try? Date(text, strategy: Date.ISO8601FormatStyle())) != nil
            || (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))) != nil
    }
}
