#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a participant reports content.
public enum ReportReason: String, Hashable, Sendable, Codable, CaseIterable {
    case spam
    /// Incivility, aggressive tone.
    case incivility
    /// Personal data disclosed: a phone number, an address.
    case personalData
    case offTopic
    /// Anything else; the report's note says what.
    case other
}

/// A participant's report of one item: one per participant and item, ever.
public struct ContentReport: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let item: ModeratedItem
    public let reporterID: ParticipantID
    public let reason: ReportReason
    /// The reporter's words; required for ``ReportReason/other``.
    public let note: String?
    public let at: Date

    public init(
        tenantID: TenantID, item: ModeratedItem, reporterID: ParticipantID, reason: ReportReason, note: String? = nil,
        at: Date
    ) {
        self.tenantID = tenantID
        self.item = item
        self.reporterID = reporterID
        self.reason = reason
        self.note = note
        self.at = at
    }
}

/// What storage did with a report: the item's state after it, and whether this report hid it.
public struct ReportReceipt: Hashable, Sendable {
    public let state: ModerationState
    /// True for exactly the report that reached the threshold and hid a visible item.
    public let hidItem: Bool

    public init(state: ModerationState, hidItem: Bool) {
        self.state = state
        self.hidItem = hidItem
    }
}
