/// The operations reserved to staff. ``AccessPolicy`` decides which roles may perform each;
/// citizens' actions are governed there by phases and eligibility instead.
public enum StaffOperation: String, Hashable, Sendable, CaseIterable {
    /// Change the tenant's districts and settings.
    case manageTenant
    /// Grant or remove roles.
    case manageRoles
    /// Publish a new charter version.
    case publishCharter
    /// Create processes, change their rules, open and close phases.
    case manageProcess
    /// Record a participant's verification (census look-up, document seen).
    case verifyParticipants
    /// Register a participant on someone's behalf, or transcribe a paper contribution or ballot.
    case actForOthers
    /// Judge admissibility, adjust costs, set statuses.
    case reviewPropositions
    /// Read the audit log.
    case readAuditLog
    /// Record the realisation of retained projects (studies, works, spending).
    case followRealisation
    /// Draft and edit syntheses, tag contributions.
    case writeSynthesis
    /// Validate a synthesis before publication: an élu's act.
    case validateSynthesis
    /// Publish a validated synthesis.
    case publishSynthesis
    /// Produce open-data exports and the full tenant export; import a tenant.
    case exportData
    /// Read participation statistics and representativeness.
    case readStatistics
    /// Export or erase another participant's personal data (on their request).
    case managePersonalData
    /// Post an official answer on the collectivité's behalf (élus and agents).
    case postOfficialAnswers
    /// Record the authority's decision on a petition (adopt, reject, send to votation).
    case decidePetitions
    /// Publish news on a process.
    case publishNews

    /// Hide, restore, approve and redact content, dismiss reports, read the moderation queue
    /// and the unredacted originals.
    case moderateContent
    /// Block and unblock participants.
    case blockParticipants

    /// The roles allowed to perform the operation (the table lives in ``AccessPolicy``).
    public var allowedRoles: Set<Role> { AccessPolicy.roles(allowedFor: self) }

    /// Whether a participant holding `roles` may perform the operation.
    public func isAllowed(for roles: Set<Role>) -> Bool { !roles.isDisjoint(with: allowedRoles) }
}
