import HTTPTypes

/// The OpenAPI 3.0 document of the API, built from the route table, so every route is in it.
enum OpenAPIDocument {
    static func make(for endpoints: [Endpoint]) -> JSONValue {
        var components: [String: JSONValue] = [:]
        var paths: [String: [String: JSONValue]] = [:]
        for endpoint in endpoints {
            paths[endpoint.path, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint, components: &components)
        }
        components["Error"] = json(ErrorBody.schema.resolved, components: &components)
        return .object([
            "openapi": .string("3.0.3"),
            "info": .object([
                "title": .string("Participation demo server"),
                "version": .string("1"),
                "description": .string(
                    "A thin HTTP/JSON layer over the Participation library. Demo-grade authentication: "
                        + "`Authorization: Bearer <token>` with tokens from the seed, registration or an administrator."),
            ]),
            "servers": .array([.object(["url": .string("http://127.0.0.1:8080")])]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(components),
                "securitySchemes": .object([
                    "bearer": .object(["type": .string("http"), "scheme": .string("bearer")])
                ]),
            ]),
        ])
    }

    private static func operation(_ endpoint: Endpoint, components: inout [String: JSONValue]) -> JSONValue {
        var operation: [String: JSONValue] = [
            "summary": .string(endpoint.summary),
            "tags": .array([.string(endpoint.tag)]),
            "operationId": .string(operationID(endpoint)),
        ]
        var parameters: [JSONValue] = endpoint.pathParameters.map { name in
            .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": .object(["type": .string("string")])])
        }
        parameters += endpoint.query.map { parameter in
            .object([
                "name": .string(parameter.name), "in": .string("query"), "required": .bool(false),
                "description": .string(parameter.description), "schema": json(parameter.schema, components: &components),
            ])
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let schema = endpoint.requestSchema {
            operation["requestBody"] = .object([
                "required": .bool(true),
                "content": .object(["application/json": .object(["schema": json(schema, components: &components)])]),
            ])
        }
        switch endpoint.access {
        case .public: break
        case .participant, .host: operation["security"] = .array([.object(["bearer": .array([])])])
        }
        var responses: [String: JSONValue] = [
            String(endpoint.successStatus.code): .object([
                "description": .string(endpoint.successStatus.reasonPhrase),
                "content": .object(["application/json": .object(["schema": json(endpoint.responseSchema, components: &components)])]),
            ])
        ]
        for status in endpoint.errorStatuses {
            responses[String(status.code)] = .object([
                "description": .string(status.reasonPhrase),
                "content": .object(["application/json": .object(["schema": .object(["$ref": .string("#/components/schemas/Error")])])]),
            ])
        }
        operation["responses"] = .object(responses)
        return .object(operation)
    }

    /// `getTenantsTenantIDProcesses`-style ids, unique per method and path.
    static func operationID(_ endpoint: Endpoint) -> String {
        let words = endpoint.path.split(whereSeparator: { "/{}-.".contains($0) }).map { word in
            word.prefix(1).uppercased() + word.dropFirst()
        }
        return endpoint.method.rawValue.lowercased() + words.joined()
    }

    /// The schema as OpenAPI JSON; named schemas go to `components` and are referenced.
    static func json(_ schema: Schema, components: inout [String: JSONValue]) -> JSONValue {
        switch schema {
        case .string(let format, let allowed):
            var result: [String: JSONValue] = ["type": .string("string")]
            if let format { result["format"] = .string(format) }
            if let allowed { result["enum"] = .array(allowed.map(JSONValue.string)) }
            return .object(result)
        case .integer: return .object(["type": .string("integer")])
        case .number: return .object(["type": .string("number")])
        case .boolean: return .object(["type": .string("boolean")])
        case .any: return .object([:])
        case .array(let element):
            return .object(["type": .string("array"), "items": json(element, components: &components)])
        case .map(let element):
            return .object(["type": .string("object"), "additionalProperties": json(element, components: &components)])
        case .object(let properties):
            var result: [String: JSONValue] = [
                "type": .string("object"),
                "additionalProperties": .bool(false),
                "properties": .object(
                    Dictionary(uniqueKeysWithValues: properties.map { ($0.name, json($0.schema, components: &components)) })),
            ]
            let required = properties.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { result["required"] = .array(required) }
            return .object(result)
        case .named(let name, let inner):
            if components[name] == nil {
                components[name] = .null  // reserves the name while the inner schema is converted
                components[name] = json(inner, components: &components)
            }
            return .object(["$ref": .string("#/components/schemas/\(name)")])
        }
    }
}
