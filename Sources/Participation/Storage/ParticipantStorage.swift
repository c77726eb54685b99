/// Stores participants of a tenant.
public protocol ParticipantStorage: Sendable {
    /// Stores a new participant in `participant.tenantID`.
    /// - Throws: `notFound` if the tenant does not exist; `duplicate` if the id is taken.
    func insertParticipant(_ participant: Participant) async throws

    /// The participant with this id in this tenant.
    /// - Throws: `notFound`, also when the id belongs to another tenant.
    func participant(_ id: ParticipantID, in tenant: TenantID) async throws -> Participant

    /// Participants of the tenant ordered by id, at most `limit`, starting after `after`.
    func participants(in tenant: TenantID, after: ParticipantID?, limit: Int) async throws -> [Participant]

    /// Replaces a participant's stored value and appends `audit` if given.
    /// - Throws: `notFound`.
    func updateParticipant(_ participant: Participant, audit: AuditEntry?) async throws

    /// Records a verified identity on the participant: its level and profile replace the
    /// stored ones, and `identity.identityKey` is bound to the participant.
    /// - Throws: `notFound`; `duplicate` if another participant of the tenant already holds
    ///   the same identity key (one real person, one account).
    func recordVerification(
        _ identity: VerifiedIdentity, of participant: ParticipantID, in tenant: TenantID, audit: AuditEntry
    ) async throws
}
