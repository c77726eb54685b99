extension ParticipationError.Code {
    /// The id names nothing in this tenant (also returned for ids of another tenant, so that
    /// tenants cannot probe each other).
    public static let notFound = Self(rawValue: "not_found")
    /// A field is missing, malformed or out of range; ``ParticipationError/field`` names it.
    public static let invalidInput = Self(rawValue: "invalid_input")
    /// The object already exists (same id, or a uniqueness rule such as one ballot per person).
    public static let duplicate = Self(rawValue: "duplicate")
    /// The stored object changed since it was read (optimistic concurrency); read it again.
    public static let conflict = Self(rawValue: "conflict")
    /// The caller's role does not allow this action.
    public static let forbidden = Self(rawValue: "forbidden")
    /// The participant does not meet the process's eligibility rule for this action; the
    /// message names the rule that failed.
    public static let notEligible = Self(rawValue: "not_eligible")
    /// The action needs the tenant's current charter to be accepted first.
    public static let charterNotAccepted = Self(rawValue: "charter_not_accepted")
    /// The current phase of the process does not allow this action.
    public static let actionNotAllowedInPhase = Self(rawValue: "action_not_allowed_in_phase")
    /// The requested phase change breaks the phase state machine or an unmet precondition.
    public static let invalidTransition = Self(rawValue: "invalid_transition")
    /// The rules that shape a vote cannot change once the vote has opened.
    public static let rulesLocked = Self(rawValue: "rules_locked")
    /// A per-participant or per-object limit would be exceeded.
    public static let quotaExceeded = Self(rawValue: "quota_exceeded")
    /// A storage backend failed for a reason outside the domain (I/O, corruption).
    public static let storageFailure = Self(rawValue: "storage_failure")
}

extension ParticipationError {
    /// The error every storage read throws for a missing or foreign id.
    public static func notFound(_ kind: String, _ id: some CustomStringConvertible) -> ParticipationError {
        ParticipationError(.notFound, "no \(kind) with id '\(id)' in this tenant")
    }

    /// The error a write throws when its id is already taken.
    public static func duplicate(_ kind: String, _ id: some CustomStringConvertible) -> ParticipationError {
        ParticipationError(.duplicate, "a \(kind) with id '\(id)' already exists")
    }

    /// An invalid-input error naming its field.
    public static func invalid(_ field: String, _ message: String) -> ParticipationError {
        ParticipationError(.invalidInput, message, field: field)
    }
}

extension ParticipationError.Code {
    /// Results are not public before publication (the budget's ``ResultsVisibility``).
    public static let resultsNotPublic = Self(rawValue: "results_not_public")
}

extension ParticipationError.Code {
    /// The process is archived: readable, never changed again.
    public static let processArchived = Self(rawValue: "process_archived")
}
