import HTTPTypes
import Participation

/// An error as the API reports it: an HTTP status and the body
/// `{"error": {"code": "...", "message": "...", "field": "..."}}`.
///
/// Library errors keep their code, message and field (written for the caller), except a storage
/// failure, which becomes ``internalFailure``: its details are for the log. The server adds its
/// own codes only for what happens before the library is called (a body that is not JSON, a
/// missing token).
struct APIError: Error, Sendable, Equatable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    let field: String?

    init(_ status: HTTPResponse.Status, code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    /// The API form of a library error.
    init(_ error: ParticipationError) {
        guard error.code != .storageFailure else {
            self = .internalFailure
            return
        }
        self.init(Self.status(for: error.code), code: error.code.rawValue, error.message, field: error.field)
    }

    /// The HTTP status for a library error code: the one table that decides it.
    ///
    /// An unknown code (a capability added to the library before the server knows it) maps to
    /// 422: the request was understood and refused by a rule.
    static func status(for code: ParticipationError.Code) -> HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        // Results hidden until publication: the caller may not see them (yet).
        // A blocked participant may not act: forbidden, with the block's own code.
        case .forbidden, .resultsNotPublic, .participantBlocked: .forbidden
        // An archived process is readable but never changes: the request conflicts with its state.
        case .duplicate, .conflict, .invalidTransition, .rulesLocked, .processArchived: .conflict
        case .invalidInput, .notEligible, .charterNotAccepted, .actionNotAllowedInPhase, .quotaExceeded, .malformedPabulib:
            .unprocessableContent
        case .storageFailure: .internalServerError
        default: .unprocessableContent
        }
    }

    /// The request could not be read: not JSON, wrong types, unknown fields, bad parameters.
    static func malformed(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, code: "malformed_request", message, field: field)
    }

    /// No token, or one the server does not know.
    static let unauthenticated = APIError(
        .unauthorized, code: "unauthenticated", "send 'Authorization: Bearer <token>' with a valid token")

    /// The body is larger than the server accepts.
    static func tooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", "the request body exceeds \(limit) bytes")
    }

    /// No route has this path.
    static let noSuchRoute = APIError(.notFound, code: "not_found", "no such endpoint; see /openapi.json")

    /// The route exists but not with this method.
    static let methodNotAllowed = APIError(.methodNotAllowed, code: "method_not_allowed", "this endpoint does not accept that method")

    /// Something failed that is not the caller's fault; details go to the log, not the client.
    static let internalFailure = APIError(
        .internalServerError, code: "internal_error", "the server failed; quote the request id to its operators")
}
