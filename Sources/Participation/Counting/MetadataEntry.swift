/// One `key;value` line of a Pabulib META section, kept in file order.
public struct MetadataEntry: Sendable, Hashable {
    /// The key, such as `budget`, `vote_type` or `min_project_score_threshold`.
    public var key: String
    /// The value as written.
    public var value: String

    /// Creates an entry.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

extension [MetadataEntry] {
    /// The value of the first entry with this key, if any.
    func value(for key: String) -> String? {
        first { $0.key == key }?.value
    }

    /// META `min_project_score_threshold`, parsed exactly, if present.
    var minimumProjectScoreThreshold: Rational? {
        value(for: "min_project_score_threshold").flatMap { Rational(decimal: $0) }
    }
}
