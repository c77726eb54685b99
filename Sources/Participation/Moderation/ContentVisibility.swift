/// Who may see a piece of content.
public enum ContentVisibility: String, Hashable, Sendable, Codable, CaseIterable {
    /// Public (possibly with redacted fragments).
    case visible
    /// Awaiting a moderator's approval (pre-moderation): its authors and staff only.
    case pending
    /// Taken down by a moderator or by reports: its authors and staff only.
    case hidden
}
