/// Everything the library stores, as one protocol composed of one protocol per concept.
///
/// ## The contract every backend keeps
/// - **Tenant isolation.** Every read and write names a tenant. An id that exists in another
///   tenant behaves exactly like an id that does not exist: ``ParticipationError/Code/notFound``.
/// - **Errors.** Requirements throw ``ParticipationError`` with the codes their documentation
///   lists; a backend failure outside the domain (I/O, corruption) is
///   ``ParticipationError/Code/storageFailure``.
/// - **Atomicity.** Each requirement is one transaction: it happens whole or not at all. A
///   write that throws has changed nothing. Requirements that carry an ``AuditEntry`` write it in
///   the same transaction as the change.
/// - **Invariants under concurrency.** Uniqueness rules (one ballot per voter and process, one
///   support, opinion, signature or comment vote per participant, ids), quotas checked inside
///   the write, and optimistic revisions hold when many tasks call at once.
/// - **Values round-trip.** What a read returns equals what was written (with the stored
///   revision where the type has one).
///
/// `ParticipationStoreConformance` checks all of this against any backend.
public protocol ParticipationStorage:
    TenantStorage, ParticipantStorage, CharterStorage, ProcessStorage, AuditStorage, PropositionStorage, BallotStorage,
    ContributionRulesStorage, SupportStorage, OpinionStorage, CommentStorage, OfficialAnswerStorage, PetitionStorage,
    VotationStorage, QuestionnaireStorage,
    NotificationStorage, RealisationStorage, ModerationStorage, SynthesisStorage, TenantArchiveStorage, PersonalDataStorage,
    ActionContextStorage
{}
