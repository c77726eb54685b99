import HTTPTypes
import HummingbirdCore
import Hummingbird
import Logging

/// Logs one line per request once it is answered: method, path, status and duration.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start, logger: context.logger)
            return response
        } catch {
            // Only errors the error middleware could not turn into a response reach here.
            log(request, status: 500, since: start, logger: context.logger)
            throw error
        }
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
