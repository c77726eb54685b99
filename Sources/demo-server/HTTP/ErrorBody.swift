/// The body of every error response.
struct ErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable {
        let code: String
        let message: String
        let field: String?
    }

    let error: Detail

    init(_ error: APIError) {
        self.error = Detail(code: error.code, message: error.message, field: error.field)
    }

    static let schema = Schema.named(
        "Error",
        .object([
            .required(
                "error",
                .object([.required("code", .text), .required("message", .text), .optional("field", .text)])),
        ]))
}
