/// Grenoble's compound adoption rule: a question is adopted with at least
/// ``minimumInFavour`` votes in favour AND more votes in favour than against.
public struct VotationRule: Hashable, Sendable, Codable {
    /// The minimum number of votes in favour (Grenoble: 20,000).
    public var minimumInFavour: Int

    public init(minimumInFavour: Int) { self.minimumInFavour = minimumInFavour }

    /// Whether `inFavour` votes for and `against` votes against adopt the question.
    public func isAdopted(for inFavour: Int, against: Int) -> Bool {
        inFavour >= minimumInFavour && inFavour > against
    }
}
