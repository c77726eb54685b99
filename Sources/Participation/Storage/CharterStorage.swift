/// Stores a tenant's charter versions and participants' acceptances.
public protocol CharterStorage: Sendable {
    /// Publishes a new charter version; it must be the current version + 1 (1 for the first).
    /// - Throws: `notFound` (tenant); `conflict` if the version is not the next one.
    func insertCharter(_ charter: Charter, audit: AuditEntry) async throws

    /// The highest version, or nil when the tenant has no charter.
    func currentCharter(in tenant: TenantID) async throws -> Charter?

    /// Records an acceptance. Accepting a version already accepted changes nothing.
    /// - Throws: `notFound` if the participant or the charter version does not exist.
    func recordAcceptance(_ acceptance: CharterAcceptance) async throws

    /// The highest version the participant accepted, or nil.
    /// - Throws: `notFound` for an unknown participant.
    func acceptedCharterVersion(of participant: ParticipantID, in tenant: TenantID) async throws -> Int?
}
