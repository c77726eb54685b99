import HTTPTypes

/// One operation of the API: the single description the router and `/openapi.json` are both
/// built from, so a route cannot exist without being documented.
struct Endpoint: Sendable {
    /// Who may call the endpoint, before the library applies its own rules.
    enum Access: Sendable {
        /// Anyone, no token.
        case `public`
        /// A participant's bearer token, valid for the tenant in the path.
        case participant
        /// The platform host's token (creating tenants and their first administrator).
        case host
    }

    /// A query parameter, for the documentation.
    struct QueryParameter: Sendable {
        let name: String
        let description: String
        let schema: Schema
    }

    let method: HTTPRequest.Method
    /// The path with `{parameter}` captures, as OpenAPI writes it (Hummingbird reads the same form).
    let path: String
    let summary: String
    let tag: String
    let access: Access
    let query: [QueryParameter]
    /// The request body's schema, if the endpoint takes one.
    let requestSchema: Schema?
    let successStatus: HTTPResponse.Status
    let responseSchema: Schema
    /// Error statuses this endpoint answers beyond those its shape implies (``errorStatuses``).
    let extraErrorStatuses: [HTTPResponse.Status]
    let handler: @Sendable (APIRequest) async throws -> APIResponse

    init(
        _ method: HTTPRequest.Method, _ path: String, summary: String, tag: String, access: Access,
        query: [QueryParameter] = [], request requestSchema: Schema? = nil, status successStatus: HTTPResponse.Status = .ok,
        response responseSchema: Schema, errors errorStatuses: [HTTPResponse.Status] = [],
        handler: @escaping @Sendable (APIRequest) async throws -> APIResponse
    ) {
        self.method = method
        self.path = path
        self.summary = summary
        self.tag = tag
        self.access = access
        self.query = query
        self.requestSchema = requestSchema
        self.successStatus = successStatus
        self.responseSchema = responseSchema
        self.extraErrorStatuses = errorStatuses
        self.handler = handler
    }

    /// Every error status the endpoint can answer, for the documentation: those any request of
    /// its shape can meet (a malformed request, a server failure; a missing or unknown token; an
    /// id that names nothing; a body too large; the library's refusals for a caller: forbidden,
    /// blocked, a conflict with the state, invalid input), and its own extras.
    var errorStatuses: [HTTPResponse.Status] {
        var statuses: Set<HTTPResponse.Status> = [.badRequest, .internalServerError]
        let hasParameters = !pathParameters.isEmpty
        if hasParameters { statuses.formUnion([.notFound, .unprocessableContent]) }
        if requestSchema != nil { statuses.formUnion([.contentTooLarge, .unprocessableContent]) }
        switch access {
        case .public: break
        case .participant: statuses.formUnion([.unauthorized, .forbidden, .notFound, .unprocessableContent])
        case .host: statuses.insert(.unauthorized)
        }
        if method != .get, access != .public || requestSchema != nil { statuses.insert(.conflict) }
        statuses.formUnion(extraErrorStatuses)
        return statuses.sorted { $0.code < $1.code }
    }

    /// The `{name}` captures of the path, in order.
    var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}

extension [Endpoint.QueryParameter] {
    /// `limit` and `after`, which every list takes.
    static var paging: [Endpoint.QueryParameter] { [
        .init(name: "limit", description: "page size, 1...\(PageRequest.maximumLimit) (default \(PageRequest.defaultLimit))", schema: .integer),
        .init(name: "after", description: "cursor: the `next` value of the previous page", schema: .text),
    ] }
}
