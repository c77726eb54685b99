import HTTPTypes
import HummingbirdCore
import NIOCore
import Logging
import Hummingbird
import Participation

/// Turns every error into the API's JSON error body with its status: library errors through
/// ``APIError/status(for:)``, the server's own ``APIError``s as they are, Hummingbird's
/// (unknown route, oversized body) by their status, and anything else, storage failures
/// included, as a 500 that says nothing but the request's id: the details stay in the log.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, bodyLimit: bodyLimit)
            guard apiError.status == .internalServerError else {
                return try JSONCoding.response(ErrorBody(apiError), status: apiError.status)
            }
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            let requestID = context.logger[metadataKey: RequestLogMiddleware<Context>.requestIDKey].map { "\($0)" }
            return try JSONCoding.response(ErrorBody(apiError, requestID: requestID), status: apiError.status)
        }
    }

    static func apiError(for error: any Error, bodyLimit: Int) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as ParticipationError: return APIError(error)
        case is NIOTooManyBytesError: return .tooLarge(limit: bodyLimit)
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return .noSuchRoute
            case .methodNotAllowed: return .methodNotAllowed
            case .contentTooLarge: return .tooLarge(limit: bodyLimit)
            case let status where (400..<500).contains(status.code):
                return APIError(status, code: "malformed_request", status.reasonPhrase)
            default: return .internalFailure
            }
        default: return .internalFailure
        }
    }
}
