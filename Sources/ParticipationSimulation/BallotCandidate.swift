import Participation

/// A project as a simulated voter sees it on the ballot: its cost, where it is, and how
/// appealing it is.
public struct BallotCandidate: Hashable, Sendable, Codable {
    public let id: PropositionID
    /// Cost in cents.
    public let cost: Int64
    /// The district the project is located in, if any.
    public let districtID: DistrictID?
    /// How appealing the project is, 1...100: a stand-in for how well it was presented and
    /// publicised. Popularity-weighted voters follow it.
    public let appeal: Int

    public init(id: PropositionID, cost: Int64, districtID: DistrictID?, appeal: Int) {
        self.id = id
        self.cost = cost
        self.districtID = districtID
        self.appeal = max(1, min(100, appeal))
    }
}
