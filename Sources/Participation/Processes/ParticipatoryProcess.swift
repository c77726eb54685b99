#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A participation process: a consultation, a participatory budget, a petition, a votation,
/// a questionnaire or an idea box, run by one tenant through an ordered list of phases.
///
/// Its rules are data: what each phase allows, who is eligible for each action, how authors are
/// displayed, whether the charter is required, and (for processes that vote) the vote rules,
/// which lock as soon as a voting phase has opened.
public struct ParticipatoryProcess: Hashable, Sendable, Codable, Identifiable {
    public let id: ProcessID
    public let tenantID: TenantID
    public var kind: ProcessKind
    public var title: String
    public var summary: String
    /// The phases, in the order they run.
    public var phases: [Phase]
    /// Who may do what; an action with no entry is open to every registered participant.
    public var eligibility: [ParticipationAction: EligibilityRule]
    /// How authors are shown to the public.
    public var displayPolicy: DisplayPolicy
    /// Whether citizens' actions require the tenant's current charter to be accepted.
    public var requiresCharter: Bool
    /// The rules of the vote, for processes that vote; locked once a voting phase opened.
    public var voteRules: VoteRules?
    /// The envelope and its split, for participatory budgets; locked with the vote rules.
    public var budget: BudgetSettings?
    /// The ballot as it stood when the vote first opened; set by the service then, never after.
    public var frozenBallot: FrozenBallot?
    /// The published outcome of the vote, once published: the latest version.
    public var publishedResult: BudgetResult?
    /// Earlier versions of the published result, oldest first, each replaced by a correction.
    public var resultHistory: [BudgetResult]
    /// When the process was archived: from then on it is read-only (every write refuses with
    /// ``ParticipationError/Code/processArchived``) but stays readable, never deleted by default.
    public var archivedAt: Date?
    /// How many days after archiving participant data is anonymised by
    /// ``ParticipationService/applyRetention(now:)``; nil keeps it until erased on request.
    public var retentionDays: Int?
    /// Whether citizens may tag contributions with themes (staff always may).
    public var allowsCitizenTagging: Bool
    /// Pre- or post-moderation and the report threshold; the mode locks once a phase opened.
    public var moderation: ModerationSettings
    /// Incremented by storage on every update; writers pass the revision they read.
    public var revision: Int
    public let createdAt: Date

    public init(
        id: ProcessID, tenantID: TenantID, kind: ProcessKind, title: String, summary: String = "",
        phases: [Phase], eligibility: [ParticipationAction: EligibilityRule] = [:],
        displayPolicy: DisplayPolicy = .realName, requiresCharter: Bool = true, voteRules: VoteRules? = nil,
        budget: BudgetSettings? = nil, frozenBallot: FrozenBallot? = nil, publishedResult: BudgetResult? = nil,
        resultHistory: [BudgetResult] = [], archivedAt: Date? = nil,
        retentionDays: Int? = nil, allowsCitizenTagging: Bool = false, moderation: ModerationSettings = ModerationSettings(),
        revision: Int = 0, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.kind = kind
        self.title = title
        self.summary = summary
        self.phases = phases
        self.eligibility = eligibility
        self.displayPolicy = displayPolicy
        self.requiresCharter = requiresCharter
        self.voteRules = voteRules
        self.budget = budget
        self.frozenBallot = frozenBallot
        self.publishedResult = publishedResult
        self.resultHistory = resultHistory
        self.archivedAt = archivedAt
        self.retentionDays = retentionDays
        self.allowsCitizenTagging = allowsCitizenTagging
        self.moderation = moderation
        self.revision = revision
        self.createdAt = createdAt
    }

    /// The phase open now, if any (at most one phase is open at a time).
    public var currentPhase: Phase? { phases.first { $0.state == .open } }

    /// The eligibility rule for `action` (``EligibilityRule/anyone`` when none is set).
    public func rule(for action: ParticipationAction) -> EligibilityRule { eligibility[action] ?? .anyone }

    /// Whether the rules that shape the vote are frozen: a phase allowing votes has opened once.
    public var isVoteLocked: Bool {
        phases.contains { $0.allowedActions.contains(.vote) && $0.openedAt != nil }
    }

    /// The phase with this id, or a not-found error.
    public func phase(_ id: PhaseID) throws -> Phase {
        guard let phase = phases.first(where: { $0.id == id }) else { throw ParticipationError.notFound("phase", id) }
        return phase
    }

    /// Whether the process is archived (read-only).
    public var isArchived: Bool { archivedAt != nil }

    /// Throws ``ParticipationError/Code/processArchived`` when the process is archived: every
    /// write to it (phases, rules, contributions, ballots, syntheses, tags) calls this first.
    public func requireWritable() throws {
        guard !isArchived else {
            throw ParticipationError(
                .processArchived, "process '\(title)' is archived: it stays readable but can no longer change")
        }
    }

    /// Whether `action` may be done now; throws naming the phase otherwise (or that the
    /// process is archived).
    public func requireAllowed(_ action: ParticipationAction) throws {
        try requireWritable()
        guard let phase = currentPhase else {
            throw ParticipationError(.actionNotAllowedInPhase, "process '\(id)' has no open phase; \(action.rawValue) is not possible")
        }
        guard phase.allowedActions.contains(action) else {
            throw ParticipationError(
                .actionNotAllowedInPhase, "phase '\(phase.name)' does not allow \(action.rawValue)")
        }
    }
}

/// A process's id.
public typealias ProcessID = Identifier<ParticipatoryProcess>

/// The kinds of process the survey's collectivités run.
public enum ProcessKind: String, Hashable, Sendable, Codable, CaseIterable {
    case consultation, participatoryBudget, petition, votation, questionnaire, ideaBox
}

/// How contributions show their author to the public (``AuthorDisplay`` applies it on every
/// public read). The identity stays known internally whatever the policy.
public enum DisplayPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    /// The display name, and the participant id as handle.
    case realName
    /// A pseudonym of this process: another in every process, so none can be linked.
    case pseudonym
    /// "Anonymous", and nothing that links two contributions of one person.
    case anonymous
}
