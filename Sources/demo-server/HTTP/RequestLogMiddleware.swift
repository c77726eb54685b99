import HTTPTypes
import HummingbirdCore
import Hummingbird
import Logging

/// Gives each request an id (in the `X-Request-ID` response header, in every log line of the
/// request, and in the body of a server failure, so that a client's report leads to the log),
/// and logs one line per request once it is answered: method, path, status and duration.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The logger metadata key, and the response header, that carry the request's id.
    static var requestIDKey: String { "request.id" }
    static var requestIDHeader: HTTPField.Name { HTTPField.Name("X-Request-ID")! }  // a valid field name

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let id = Self.newRequestID()
        var context = context
        context.logger[metadataKey: Self.requestIDKey] = .string(id)
        do {
            var response = try await next(request, context)
            response.headers[Self.requestIDHeader] = id
            log(request, status: response.status.code, since: start, logger: context.logger)
            return response
        } catch {
            // Only errors the error middleware could not turn into a response reach here.
            log(request, status: 500, since: start, logger: context.logger)
            throw error
        }
    }

    /// 16 random hexadecimal digits.
    static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = String(generator.next() as UInt64, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, logger: Logger) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        let duration = (milliseconds * 1_000).rounded() / 1_000
        logger.info(
            "\(request.method) \(request.uri.path) \(status) \(duration)ms",
            metadata: [
                "http.method": "\(request.method)", "http.path": "\(request.uri.path)", "http.status": "\(status)",
                "duration_ms": "\(duration)",
            ])
    }
}
