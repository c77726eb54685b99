import HTTPTypes
import HummingbirdCore
import NIOCore
import Logging
import Hummingbird
import Participation

/// Turns every error into the API's JSON error body with its status: library errors through
/// ``APIError/status(for:)``, the server's own ``APIError``s as they are, Hummingbird's
/// (unknown route, oversized body) by their status, and anything else as a 500 whose
/// details stay in the log.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error, bodyLimit: bodyLimit)
            if apiError.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            return try JSONCoding.response(ErrorBody(apiError), status: apiError.status)
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
