/// A contribution a synthesis can cite or a tag can label: a proposition or a comment.
public enum ContributionReference: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    case proposition(PropositionID)
    case comment(CommentID)

    /// "proposition:id" or "comment:id": stable for storage keys, audit subjects and sorting.
    public var description: String {
        switch self {
        case .proposition(let id): "proposition:\(id)"
        case .comment(let id): "comment:\(id)"
        }
    }

    /// Parses ``description``; nil for any other text.
    public init?(_ text: String) {
        if text.hasPrefix("proposition:"), text.count > 12 {
            self = .proposition(PropositionID(rawValue: String(text.dropFirst(12))))
        } else if text.hasPrefix("comment:"), text.count > 8 {
            self = .comment(CommentID(rawValue: String(text.dropFirst(8))))
        } else {
            return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}
