/// The voter's counted ballot in a process, as far as deciding a new one needs it.
public struct CountedBallotHeader: Hashable, Sendable {
    public let id: BallotID
    public let channel: VoteChannel
    public let scope: DistrictID?

    public init(id: BallotID, channel: VoteChannel, scope: DistrictID?) {
        self.id = id
        self.channel = channel
        self.scope = scope
    }
}

/// What storing a ballot does, given the voter's counted ballot in the same process: the one
/// rule of "one person, one ballot" that every backend applies inside its write.
///
/// - no ballot yet: the new one is stored (``insert``);
/// - an online ballot, and the new one is online too, in the same scope: it replaces the
///   earlier one (``replace(_:)``), so a voter may change their mind while the vote is open;
/// - anything else (another channel, or another scope: a voter's scope is fixed by their first
///   ballot, whatever their profile says later): refused, and kept as a conflict for staff
///   (``refuse(_:)``).
public enum BallotCastDecision: Hashable, Sendable {
    case insert
    /// Replace the counted ballot with this id.
    case replace(BallotID)
    /// Store nothing but this conflict.
    case refuse(BallotConflict)

    /// The decision for storing `ballot` when the voter's counted ballot in its process is `existing`.
    public static func deciding(_ ballot: Ballot, existing: CountedBallotHeader?) -> BallotCastDecision {
        guard let existing else { return .insert }
        if existing.channel.isRevisable, ballot.channel == existing.channel, ballot.scope == existing.scope {
            return .replace(existing.id)
        }
        return .refuse(
            BallotConflict(
                tenantID: ballot.tenantID, processID: ballot.processID, voterID: ballot.voterID, scope: ballot.scope,
                keptBallotID: existing.id, keptChannel: existing.channel, refusedBallotID: ballot.id,
                refusedChannel: ballot.channel, at: ballot.castAt))
    }
}
