import HTTPTypes
/// `GET /health`: the server answers.
enum HealthRoutes {
    struct HealthBody: Codable, Sendable {
        let status: String
    }

    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/health", summary: "Whether the server answers", tag: "server", access: .public,
            response: .object([.required("status", .text)])
        ) { _ in .json(HealthBody(status: "ok")) }
    ]
}
