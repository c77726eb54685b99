import Participation

/// What the endpoints work with: the library's service and the demo's own pieces.
struct AppDependencies: Sendable {
    let service: ParticipationService
    /// Who the request speaks for.
    let authenticator: any Authenticator
    /// Where registration and administrators get new demo tokens.
    let tokens: TokenRegistry
    /// The source the verification endpoint checks participants against.
    let verifier: any ParticipantVerifier
    /// The platform host's token: creates tenants and their first administrator.
    let hostToken: String
    /// The largest request body accepted, in bytes.
    let bodyLimit: Int
}
