#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where one item stands with moderation: who may see it, its open reports, its redactions
/// and the latest decision. Items nobody reported or decided on have no stored state: they are
/// visible, or pending in a pre-moderated process (see ``PublicView``).
public struct ModerationState: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let item: ModeratedItem
    public let processID: ProcessID
    /// Who posted it: they hear of decisions, and a hard block of one of them hides it.
    public let authors: [ParticipantID]
    public var visibility: ContentVisibility
    /// Reports received since the last dismissal or decision that cleared them.
    public var openReports: Int
    /// Masked fragments; the stored item keeps the original text.
    public var redactions: [Redaction]
    public var lastDecision: ModerationDecision?
    /// When the item entered its current situation (posted, first open report): the queue
    /// serves the oldest first.
    public var since: Date
    /// Incremented by storage on every write; writers pass the revision they read (0 for an
    /// item with no stored state).
    public var revision: Int

    public init(
        tenantID: TenantID, item: ModeratedItem, processID: ProcessID, authors: [ParticipantID],
        visibility: ContentVisibility, openReports: Int = 0, redactions: [Redaction] = [],
        lastDecision: ModerationDecision? = nil, since: Date, revision: Int = 0
    ) {
        self.tenantID = tenantID
        self.item = item
        self.processID = processID
        self.authors = authors
        self.visibility = visibility
        self.openReports = openReports
        self.redactions = redactions
        self.lastDecision = lastDecision
        self.since = since
        self.revision = revision
    }

    /// Whether a moderator has something to do: approve a pending item, or judge open reports.
    public var needsModerator: Bool { visibility == .pending || openReports > 0 }

    /// The state after one more report at `date`: hidden when a visible item reaches
    /// `threshold` open reports. Storage applies this in the transaction that stores the report.
    public func addingReport(at date: Date, threshold: Int) -> (state: ModerationState, hidItem: Bool) {
        var next = self
        if next.openReports == 0 { next.since = date }
        next.openReports += 1
        guard visibility == .visible, next.openReports >= threshold else { return (next, false) }
        next.visibility = .hidden
        next.lastDecision = ModerationDecision(
            action: .autoHide, reason: "\(next.openReports) reports (threshold \(threshold))", by: nil, at: date)
        return (next, true)
    }
}
