import Foundation
import HTTPTypes
import Participation

@testable import demo_server

/// A request built from an endpoint of the route table, aimed at the content of a ``TrustWorld``.
struct ProbeRequest: Sendable, CustomStringConvertible {
    let endpoint: Endpoint
    let method: HTTPRequest.Method
    let uri: String
    let json: String?

    var description: String { "\(method) \(uri)\(json.map { " \($0)" } ?? "")" }
}

/// What probes aim at: the values each path parameter takes (the first is the default for
/// the others' probes), the items that fields naming an item take, one probe each, and what
/// the other fields say.
struct ProbeTargets: Sendable {
    var parameters: [String: [String]]
    var items: [String]
    var fields: [String: String]

    /// The values of `parameter`, or one id that names nothing.
    func values(of parameter: String) -> [String] { parameters[parameter] ?? ["secret-\(parameter)-0"] }

    /// The value a body or query field takes: what names an item names the `variant`-th of
    /// ``items``, a subject is a proposition or a petition among them.
    func value(forField name: String, variant: Int) -> String {
        switch name {
        case "item", "contribution": return items[variant]
        case "subject":
            let item = items[variant]
            return item.hasPrefix("proposition:") || item.hasPrefix("petition:") ? item : items[0]
        default: return fields[name] ?? "probe"
        }
    }
}

/// Requests for every endpoint of the route table, generated from its path, query and body
/// schema: each path parameter takes every value of the targets in turn (the others their
/// first value), and when a field names an item, each item of the targets in turn.
enum ProbeRequests {
    /// The fields whose value names an item.
    static let itemFields: Set<String> = ["item", "subject", "contribution"]

    /// Every probe of every endpoint that a caller of `access` may call.
    static func all(aimingAt targets: ProbeTargets, accesses: Set<Endpoint.Access>) -> [ProbeRequest] {
        RouteTable.endpoints.filter { accesses.contains($0.access) }.flatMap { requests(for: $0, aimingAt: targets) }
    }

    /// The probes of one endpoint.
    static func requests(for endpoint: Endpoint, aimingAt targets: ProbeTargets) -> [ProbeRequest] {
        let parameters = endpoint.pathParameters
        let first = Dictionary(uniqueKeysWithValues: parameters.map { ($0, targets.values(of: $0)[0]) })
        var assignments: [[String: String]] = [first]
        for parameter in parameters {
            for value in targets.values(of: parameter).dropFirst() {
                var assignment = first
                assignment[parameter] = value
                assignments.append(assignment)
            }
        }
        let names = endpoint.query.map(\.name) + (endpoint.requestSchema.map(fieldNames) ?? [])
        let variants = names.contains(where: itemFields.contains) ? Array(targets.items.indices) : [0]
        return variants.flatMap { variant in
            let query = endpoint.query.filter { !["limit", "after"].contains($0.name) }
                .map { "\($0.name)=\(targets.value(forField: $0.name, variant: variant))" }.joined(separator: "&")
            let json = endpoint.requestSchema.map { body(of: $0, variant: variant, targets: targets).jsonText }
            return assignments.map { assignment in
                var path = endpoint.path
                for (name, value) in assignment { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                return ProbeRequest(endpoint: endpoint, method: endpoint.method, uri: query.isEmpty ? path : "\(path)?\(query)", json: json)
            }
        }
    }

    /// Every property name of `schema`, at any depth.
    static func fieldNames(of schema: Schema) -> [String] {
        switch schema {
        case .named(_, let inner): fieldNames(of: inner)
        case .array(let element), .map(let element): fieldNames(of: element)
        case .object(let properties): properties.flatMap { [$0.name] + fieldNames(of: $0.schema) }
        default: []
        }
    }

    /// A valid instance of `schema`: every property, each field as the targets say.
    static func body(of schema: Schema, named name: String = "", variant: Int, targets: ProbeTargets) -> JSONValue {
        switch schema {
        case .named(_, let inner): return body(of: inner, named: name, variant: variant, targets: targets)
        case .string(let format, let allowed):
            if let allowed, let first = allowed.first { return .string(first) }
            if format == "date-time" { return .string("2026-06-01T00:00:00Z") }
            return .string(targets.value(forField: name, variant: variant))
        case .integer: return .integer(1)
        case .number: return .number(1)
        case .boolean: return .bool(true)
        case .array(let element): return .array([body(of: element, named: name, variant: variant, targets: targets)])
        case .object(let properties):
            return .object(
                Dictionary(
                    uniqueKeysWithValues: properties.map {
                        ($0.name, body(of: $0.schema, named: $0.name, variant: variant, targets: targets))
                    }))
        case .map(let element): return .object(["probe": body(of: element, named: name, variant: variant, targets: targets)])
        case .any: return .object([:])
        }
    }
}

extension JSONValue {
    /// The value as JSON text.
    var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() ? String(Int64(value)) : String(value)
        case .string(let value): "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .array(let values): "[" + values.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { JSONValue.string($0.key).jsonText + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}
