#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One step of a process (submission, review, vote…), with planned dates, the actions it
/// allows and the conditions that must hold before it opens.
public struct Phase: Hashable, Sendable, Codable, Identifiable {
    public let id: PhaseID
    public var name: String
    public var kind: PhaseKind
    /// Planned dates, shown to citizens; opening and closing are explicit acts.
    public var startsAt: Date?
    public var endsAt: Date?
    public var allowedActions: Set<ParticipationAction>
    /// What must hold before the phase opens.
    public var preconditions: Set<PhasePrecondition>
    public internal(set) var state: PhaseState
    public internal(set) var openedAt: Date?
    public internal(set) var closedAt: Date?

    public init(
        id: PhaseID, name: String, kind: PhaseKind, startsAt: Date? = nil, endsAt: Date? = nil,
        allowedActions: Set<ParticipationAction> = [], preconditions: Set<PhasePrecondition> = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.allowedActions = allowedActions
        self.preconditions = preconditions
        self.state = .upcoming
    }
}

/// A phase's id, unique within its process.
public typealias PhaseID = Identifier<Phase>

/// Where a phase stands.
public enum PhaseState: String, Hashable, Sendable, Codable {
    case upcoming, open, closed
}

/// What a phase is for. The standard kinds cover the survey's processes; a tenant may name
/// others.
public struct PhaseKind: RawRepresentable, Hashable, Sendable, Codable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let ruleSetting = PhaseKind(rawValue: "rule-setting")
    public static let submission = PhaseKind(rawValue: "submission")
    public static let review = PhaseKind(rawValue: "review")
    public static let coConstruction = PhaseKind(rawValue: "co-construction")
    public static let vote = PhaseKind(rawValue: "vote")
    public static let results = PhaseKind(rawValue: "results")
    public static let realisation = PhaseKind(rawValue: "realisation")
    public static let consultation = PhaseKind(rawValue: "consultation")
    public static let signature = PhaseKind(rawValue: "signature")
}

/// A condition checked when a phase opens.
public enum PhasePrecondition: String, Hashable, Sendable, Codable, CaseIterable {
    /// Every submitted proposition of the process has a review decision.
    case allPropositionsReviewed
    /// The process has vote rules.
    case voteRulesSet
}

/// Facts about a process that phase preconditions read; the service gathers them from storage.
public struct PhaseFacts: Hashable, Sendable {
    /// Submitted propositions that have no review decision yet.
    public var unreviewedPropositions: Int

    public init(unreviewedPropositions: Int = 0) { self.unreviewedPropositions = unreviewedPropositions }
}
