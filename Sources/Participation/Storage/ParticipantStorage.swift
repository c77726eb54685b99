/// Stores participants of a tenant.
public protocol ParticipantStorage: Sendable {
    /// Stores a new participant in `participant.tenantID`.
    /// - Throws: `notFound` if the tenant does not exist; `duplicate` if the id is taken.
    func insertParticipant(_ participant: Participant) async throws

    /// Stores many new participants at once (a roll or a census imported), all or none.
    /// A default implementation checks the batch (ids free and not repeated) and then calls
    /// ``insertParticipant(_:)`` for each, which is all-or-none for a batch of one tenant
    /// unless another writer takes an id in between; backends override it to write the batch in one
    /// transaction, which is also what makes a large import fast.
    /// - Throws: `notFound` if a tenant does not exist; `duplicate` if an id is taken or
    ///   appears twice in the batch.
    func insertParticipants(_ participants: [Participant]) async throws

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

extension ParticipantStorage {
    /// Checks the whole batch, then one ``insertParticipant(_:)`` per participant: the default
    /// of the requirement.
    public func insertParticipants(_ participants: [Participant]) async throws {
        var seen: [TenantID: Set<ParticipantID>] = [:]
        for participant in participants {
            guard seen[participant.tenantID, default: []].insert(participant.id).inserted else { throw ParticipationError.duplicate("participant", participant.id) }
            do {
                _ = try await self.participant(participant.id, in: participant.tenantID)
                throw ParticipationError.duplicate("participant", participant.id)
            } catch let error as ParticipationError where error.code == .notFound {
                // Free, or the tenant is unknown: the insert below reports the latter.
            }
        }
        for participant in participants { try await insertParticipant(participant) }
    }
}
