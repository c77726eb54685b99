/// Checks a participant's identity and profile against a source the collectivité trusts:
/// a census file, an electoral roll, a document shown to an agent.
///
/// Contract: `verify` returns what the source knows, or throws
/// ``ParticipationError/Code/notEligible`` naming why the source does not confirm the
/// participant. It never changes stored state; the service records the result.
public protocol ParticipantVerifier: Sendable {
    /// Looks the participant up by `reference` (a census key or document number they gave).
    func verify(_ participant: Participant, reference: String) async throws -> VerifiedIdentity
}

/// What a verifier confirmed.
public struct VerifiedIdentity: Hashable, Sendable, Codable {
    /// The level reached.
    public var level: VerificationLevel
    /// The profile as the source knows it; it replaces the declared one.
    public var profile: Profile
    /// A key that is the same for the same real person whatever account they use; two accounts
    /// of one tenant can never hold the same key, which keeps one person to one ballot.
    public var identityKey: String
    /// How the check was made, for the audit log ("census", "agent").
    public var method: String

    public init(level: VerificationLevel, profile: Profile, identityKey: String, method: String) {
        self.level = level
        self.profile = profile
        self.identityKey = identityKey
        self.method = method
    }
}

/// A verifier backed by an in-memory census: reference → profile.
public struct CensusVerifier: ParticipantVerifier {
    private let entries: [String: Profile]

    /// Creates a verifier over census entries keyed by their reference.
    public init(entries: [String: Profile]) { self.entries = entries }

    public func verify(_ participant: Participant, reference: String) async throws -> VerifiedIdentity {
        guard let profile = entries[reference] else {
            throw ParticipationError(.notEligible, "reference '\(reference)' is not in the census", field: "reference")
        }
        return VerifiedIdentity(level: .verified, profile: profile, identityKey: "census:\(reference)", method: "census")
    }
}
