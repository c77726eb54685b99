/// The body of every error response.
struct ErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable {
        let code: String
        let message: String
        let field: String?
        /// The request's id, on a server failure: the key to its details in the server's log.
        let requestID: String?
    }

    let error: Detail

    init(_ error: APIError, requestID: String? = nil) {
        self.error = Detail(code: error.code, message: error.message, field: error.field, requestID: requestID)
    }

    static let schema = Schema.named(
        "Error",
        .object([
            .required(
                "error",
                .object([
                    .required("code", .text), .required("message", .text), .optional("field", .text),
                    .optional("requestID", .text),
                ])),
        ]))
}
