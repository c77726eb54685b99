/// Stores petitions, their signatures and their status history.
public protocol PetitionStorage: Sendable {
    /// Stores a new petition (its `revision` and `signatureCount` stored as 0) with its first
    /// status entry.
    /// - Throws: `notFound` (tenant, process); `duplicate` (id).
    func insertPetition(_ petition: Petition, status: PetitionStatusChange) async throws

    /// The petition with this id.
    /// - Throws: `notFound`.
    func petition(_ id: PetitionID, in tenant: TenantID) async throws -> Petition

    /// A process's petitions, ordered by id.
    /// - Throws: `notFound` (process).
    func petitions(of process: ProcessID, in tenant: TenantID) async throws -> [Petition]

    /// Records the signature and, in the same transaction, increments the petition's count and
    /// applies ``Petition/addingSignature(at:)`` (dated `signature.at`): the exactly
    /// threshold-th signature changes the status and appends that change to the history.
    ///
    /// Under concurrency, N simultaneous signatures crossing the threshold produce exactly one
    /// status change, and the count equals the number of stored signatures.
    /// - Throws: `notFound` (petition, signer); `duplicate` if the participant already signed;
    ///   `invalidTransition` if the petition no longer collects signatures
    ///   (``Petition/collectsSignatures``). A refused signature changes nothing.
    func recordSignature(_ signature: PetitionSignature) async throws -> SignatureReceipt

    /// Whether the participant signed the petition.
    /// - Throws: `notFound` (petition).
    func hasSigned(_ petition: PetitionID, signer: ParticipantID, in tenant: TenantID) async throws -> Bool

    /// Replaces the petition if its stored revision still equals `petition.revision` (the
    /// signature count is kept as stored), stores it with revision + 1, and appends `status`
    /// and `audit` in the same transaction. Returns the stored value.
    /// - Throws: `notFound`; `conflict` if the stored revision differs.
    func updatePetition(_ petition: Petition, status: PetitionStatusChange, audit: AuditEntry) async throws -> Petition

    /// The status history, oldest first.
    /// - Throws: `notFound`.
    func petitionStatusHistory(of petition: PetitionID, in tenant: TenantID) async throws -> [PetitionStatusChange]
}
