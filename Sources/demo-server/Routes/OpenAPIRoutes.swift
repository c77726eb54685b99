import HTTPTypes
/// `GET /openapi.json`: the API's description, built from the route table.
enum OpenAPIRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/openapi.json", summary: "This API's OpenAPI 3 document", tag: "server", access: .public,
            response: .object([
                .required("openapi", .text), .required("info", .map(.any)), .required("paths", .map(.any)),
                .optional("servers", .array(.any)), .optional("components", .map(.any)),
            ])
        ) { _ in .json(document) }
    ]

    /// Built once: the route table does not change while the server runs.
    static let document = OpenAPIDocument.make(for: RouteTable.endpoints)
}
