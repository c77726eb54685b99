import HTTPTypes
import HummingbirdCore
import Hummingbird
import Participation

/// Turns a request into the library's ``Caller``: the seam where a city plugs in its own
/// identity provider (an OpenID Connect access token checked against its IdP, a France
/// Connect session, a reverse proxy's signed header).
///
/// The server asks for a caller only on endpoints that need one; returning nil answers 401.
/// What the caller may then do is decided by the library, never by the authenticator.
protocol Authenticator: Sendable {
    /// The participant the request speaks for, or nil when it carries no valid credential.
    func caller(for request: Request) async throws -> Caller?
}

extension Request {
    /// The token of an `Authorization: Bearer <token>` header, if there is one.
    var bearerToken: String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingPrefix(while: { $0 == " " })
        return token.isEmpty ? nil : String(token)
    }
}
