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
        headers[.authorization].flatMap(Self.bearerToken(in:))
    }

    /// The token of an `Authorization` value `Bearer <token>`: the scheme in any case, one
    /// space or more, a token that is not empty. Read as bytes (the scheme is ASCII), since
    /// it runs for every authenticated request.
    static func bearerToken(in authorization: String) -> String? {
        let bytes = authorization.utf8
        guard let space = bytes.firstIndex(of: UInt8(ascii: " ")),
            // `| 0x20` lowercases an ASCII letter and maps no other byte onto one.
            bytes[..<space].elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 })
        else { return nil }
        let token = bytes[space...].drop(while: { $0 == UInt8(ascii: " ") })
        return token.isEmpty ? nil : String(Substring(token))
    }
}
