import Foundation
import Hummingbird
import NIOCore

/// Reads a request body into a DTO, strictly: at most `limit` bytes, valid UTF-8, JSON that
/// matches the endpoint's ``Schema`` (no unknown fields, right types), then decoded.
/// Anything else is an ``APIError`` (400 or 413) before the library is called, so nothing
/// changes.
enum RequestBody {
    static func decode<Body: Decodable>(
        _ type: Body.Type, from request: Request, schema: Schema, limit: Int
    ) async throws -> Body {
        try decode(type, from: try await collect(request, limit: limit), schema: schema)
    }

    /// The body read from the JSON value the schema check parsed, without `JSONDecoder`.
    static func decode<Body: JSONReadable>(
        _ type: Body.Type, from request: Request, schema: Schema, limit: Int
    ) async throws -> Body {
        try Body(json: try check(try await collect(request, limit: limit), schema: schema))
    }

    /// The body's bytes once they pass the same checks as ``decode(_:from:schema:limit:)``,
    /// for a document the library decodes itself.
    static func checkedJSON(from request: Request, schema: Schema, limit: Int) async throws -> [UInt8] {
        let data = try await collect(request, limit: limit)
        try check(data, schema: schema)
        return Array(data)
    }

    private static func collect(_ request: Request, limit: Int) async throws -> Data {
        do {
            return Data(try await request.body.collect(upTo: limit).readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit)
        }
    }

    static func decode<Body: Decodable>(_ type: Body.Type, from data: Data, schema: Schema) throws -> Body {
        try check(data, schema: schema)
        do {
            return try JSONCoding.decoder().decode(Body.self, from: data)
        } catch let error as DecodingError {
            // The schema check passed, so this is a value the schema cannot express (a date
            // that is not ISO 8601, an integer out of range).
            let (field, message) = describe(error)
            throw APIError.malformed(message, field: field)
        }
    }

    /// Checks that `data` is UTF-8 JSON matching `schema`, and returns it parsed.
    @discardableResult
    static func check(_ data: Data, schema: Schema) throws -> JSONValue {
        guard !data.isEmpty else { throw APIError.malformed("the request needs a JSON body") }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw APIError.malformed("the request body is not valid UTF-8")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw APIError.malformed("the request body is not valid JSON (byte \(error.offset): \(error.reason))")
        }
        if let violation = schema.violation(in: value) {
            throw APIError.malformed(
                violation.path.isEmpty ? "the body \(violation.message)" : "'\(violation.path)' \(violation.message)",
                field: violation.path.isEmpty ? nil : violation.path)
        }
        return value
    }

    private static func describe(_ error: DecodingError) -> (String?, String) {
        let context: DecodingError.Context
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
        @unknown default: return (nil, "the request body could not be decoded")
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return (path.isEmpty ? nil : path, path.isEmpty ? "invalid value" : "'\(path)' has an invalid value")
    }
}
