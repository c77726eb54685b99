/// How a process moderates what participants post. Set by an administrator with
/// ``ParticipationService/setModerationSettings(_:of:by:)``.
public struct ModerationSettings: Hashable, Sendable, Codable {
    /// When content becomes public.
    public enum Mode: String, Hashable, Sendable, Codable, CaseIterable {
        /// Nothing a participant posts is public until a moderator approves it.
        case preModeration
        /// Public at once; a moderator may hide it later.
        case postModeration
    }

    /// The default number of reports that hides an item until a moderator decides.
    public static let defaultReportThreshold = 3

    public var mode: Mode
    /// Open reports that hide an item automatically, pending a moderator (at least 1).
    public var reportThreshold: Int

    public init(mode: Mode = .postModeration, reportThreshold: Int = Self.defaultReportThreshold) {
        self.mode = mode
        self.reportThreshold = reportThreshold
    }

    /// Whether new content starts pending.
    public var isPreModerated: Bool { mode == .preModeration }
}
