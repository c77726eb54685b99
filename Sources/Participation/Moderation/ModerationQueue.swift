/// A tenant's moderation queue: the items that need a moderator, oldest first, with counts.
public struct ModerationQueue: Hashable, Sendable {
    /// Pending and reported items, the oldest first.
    public let items: [ModerationState]
    /// Items awaiting approval (pre-moderation).
    public let pendingCount: Int
    /// Items with open reports (hidden by the threshold or still visible).
    public let reportedCount: Int

    public init(items: [ModerationState], pendingCount: Int, reportedCount: Int) {
        self.items = items
        self.pendingCount = pendingCount
        self.reportedCount = reportedCount
    }
}

/// What a moderator sees of one item: the original content (unredacted), its state and its reports.
public struct ModerationRecord: Hashable, Sendable {
    public let content: ModeratedContent
    public let state: ModerationState
    public let reports: [ContentReport]

    public init(content: ModeratedContent, state: ModerationState, reports: [ContentReport]) {
        self.content = content
        self.state = state
        self.reports = reports
    }
}

/// A moderated item's stored content, original text included.
public enum ModeratedContent: Hashable, Sendable {
    case proposition(Proposition)
    case comment(ContributionComment)
    case petition(Petition)
    case opinion(Opinion)

    /// The item it is.
    public var item: ModeratedItem {
        switch self {
        case .proposition(let proposition): .proposition(proposition.id)
        case .comment(let comment): .comment(comment.id)
        case .petition(let petition): .petition(petition.id)
        case .opinion(let opinion): .opinion(opinion.propositionID, by: opinion.participantID)
        }
    }

    /// Who posted it.
    public var authors: [ParticipantID] {
        switch self {
        case .proposition(let proposition): proposition.authors
        case .comment(let comment): [comment.authorID]
        case .petition(let petition): petition.authors
        case .opinion(let opinion): [opinion.participantID]
        }
    }

    /// The process it belongs to.
    public var processID: ProcessID {
        switch self {
        case .proposition(let proposition): proposition.processID
        case .comment(let comment): comment.processID
        case .petition(let petition): petition.processID
        case .opinion(let opinion): opinion.processID
        }
    }

    /// Every text field, original.
    public var texts: [String] {
        switch self {
        case .proposition(let proposition): [proposition.title, proposition.body]
        case .comment(let comment): [comment.body]
        case .petition(let petition): [petition.title, petition.body]
        case .opinion(let opinion): opinion.argument.map { [$0] } ?? []
        }
    }

    /// Whether it waits for approval under pre-moderation: content an agent transcribed, a
    /// draft, or an opinion without argument posts nothing to approve.
    public var needsApproval: Bool {
        switch self {
        case .proposition(let proposition):
            if case .transcribed = proposition.origin { return false }
            return proposition.lifecycle != .draft
        case .comment, .petition: return true
        case .opinion(let opinion): return opinion.argument != nil
        }
    }
}

/// What an author (or a moderator) sees of the moderation of their item.
public struct ModerationStatus: Hashable, Sendable {
    /// Public visibility: hidden also while an author's hard block hides it.
    public let visibility: ContentVisibility
    /// The latest decision and its reason, if any.
    public let lastDecision: ModerationDecision?
    /// How many fragments are masked in the public text.
    public let redactedFragments: Int

    public init(visibility: ContentVisibility, lastDecision: ModerationDecision?, redactedFragments: Int) {
        self.visibility = visibility
        self.lastDecision = lastDecision
        self.redactedFragments = redactedFragments
    }
}
