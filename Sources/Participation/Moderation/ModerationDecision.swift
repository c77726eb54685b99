#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a moderator (or the report threshold, or a block) decided about an item.
public enum ModerationAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Pre-moderation: made public.
    case approve
    /// Taken down.
    case hide
    /// Made public again.
    case restore
    /// The open reports were judged unfounded; the item stays as it is.
    case dismissReports
    /// A fragment masked.
    case redact
    /// Hidden by reaching the report threshold (no moderator yet).
    case autoHide
}

/// A dated decision with its reason: the latest one is kept on the item's state, and every
/// moderator's decision is also in the audit log.
public struct ModerationDecision: Hashable, Sendable, Codable {
    public let action: ModerationAction
    public let reason: String
    /// The moderator; nil for the automatic hide at the report threshold.
    public let by: ParticipantID?
    public let at: Date

    public init(action: ModerationAction, reason: String, by: ParticipantID?, at: Date) {
        self.action = action
        self.reason = reason
        self.by = by
        self.at = at
    }
}
