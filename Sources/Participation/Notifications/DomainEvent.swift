#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Something that happened that participants may want to hear of: a phase opened, a
/// proposition's status changed, results were published…
///
/// An event reaches the followers of its ``targets`` and its ``directRecipients`` (the author
/// of a proposition, the owner of moderated content). A non-public event (about hidden
/// content) reaches its direct recipients only.
public struct DomainEvent: Hashable, Sendable, Codable, Identifiable {
    public let id: EventID
    public let tenantID: TenantID
    public let at: Date
    public let kind: EventKind
    /// One line a notification can show.
    public let summary: String
    /// Who follows any of these hears of the event.
    public let targets: [FollowTarget]
    /// Who hears of it whatever they follow.
    public let directRecipients: [ParticipantID]
    /// Whether followers may hear of it (false for hidden content).
    public let isPublic: Bool
    public let details: [String: String]

    public init(
        id: EventID, tenantID: TenantID, at: Date, kind: EventKind, summary: String, targets: [FollowTarget],
        directRecipients: [ParticipantID] = [], isPublic: Bool = true, details: [String: String] = [:]
    ) {
        self.id = id
        self.tenantID = tenantID
        self.at = at
        self.kind = kind
        self.summary = summary
        self.targets = targets
        self.directRecipients = directRecipients
        self.isPublic = isPublic
        self.details = details
    }
}

/// An event's id.
public typealias EventID = Identifier<DomainEvent>

/// The kinds of event. A host may define more.
public struct EventKind: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let phaseOpened = Self(rawValue: "phase.opened")
    public static let phaseClosed = Self(rawValue: "phase.closed")
    public static let propositionStatusChanged = Self(rawValue: "proposition.status-changed")
    public static let officialAnswerPosted = Self(rawValue: "official-answer.posted")
    public static let commentReplied = Self(rawValue: "comment.replied")
    public static let petitionThresholdReached = Self(rawValue: "petition.threshold-reached")
    public static let resultsPublished = Self(rawValue: "results.published")
    public static let realisationStepRecorded = Self(rawValue: "realisation.step-recorded")
    public static let contentHidden = Self(rawValue: "content.hidden")
    public static let contentRestored = Self(rawValue: "content.restored")
    public static let newsPublished = Self(rawValue: "news.published")
}
