#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One voter's ballot in a process (a participatory budget: city-wide, or one district of it).
///
/// One ballot per person per process, whatever the channel and the scope: storage refuses a
/// second one and records the attempt as a ``BallotConflict`` (see ``BallotCastDecision``).
/// An online ballot may be replaced, in the same scope, or withdrawn while the vote is open;
/// the latest counts.
public struct Ballot: Hashable, Sendable, Codable, Identifiable {
    public let id: BallotID
    public let tenantID: TenantID
    public let processID: ProcessID
    public let voterID: ParticipantID
    /// The district the ballot is for, or nil for a budget-wide ballot.
    public let scope: DistrictID?
    public let channel: VoteChannel
    /// The chosen projects, in the ballot's order (ranked ballots: best first).
    public let choices: [BallotChoice]
    public let castAt: Date

    public init(
        id: BallotID, tenantID: TenantID, processID: ProcessID, voterID: ParticipantID, scope: DistrictID? = nil,
        channel: VoteChannel, choices: [BallotChoice], castAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.voterID = voterID
        self.scope = scope
        self.channel = channel
        self.choices = choices
        self.castAt = castAt
    }
}

/// A ballot's id.
public typealias BallotID = Identifier<Ballot>

/// One line of a ballot: a project and, for cumulative ballots, its points.
public struct BallotChoice: Hashable, Sendable, Codable {
    public let propositionID: PropositionID
    /// Points given (cumulative ballots); 1 otherwise.
    public let points: Int

    public init(_ propositionID: PropositionID, points: Int = 1) {
        self.propositionID = propositionID
        self.points = points
    }
}

/// How a ballot reached the count.
public enum VoteChannel: Hashable, Sendable, Codable {
    /// Cast by the voter online.
    case online
    /// A paper ballot keyed in by an agent, in a batch from a polling station.
    case paper(station: String, agentID: ParticipantID, batch: String)
    /// Cast with an agent's help on the agent's tablet.
    case assisted(agentID: ParticipantID)
    /// Cast on a kiosk (borne interactive).
    case kiosk(kioskID: String)

    /// The channel's name, for statistics ("online", "paper", "assisted", "kiosk").
    public var name: String {
        switch self {
        case .online: "online"
        case .paper: "paper"
        case .assisted: "assisted"
        case .kiosk: "kiosk"
        }
    }

    /// Whether the voter may later replace or withdraw the ballot (online ballots only).
    public var isRevisable: Bool { self == .online }
}

/// A second ballot from the same person, refused and kept for staff to review.
public struct BallotConflict: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let processID: ProcessID
    public let voterID: ParticipantID
    /// The scope of the refused attempt.
    public let scope: DistrictID?
    /// The ballot that counts.
    public let keptBallotID: BallotID
    public let keptChannel: VoteChannel
    /// The refused attempt.
    public let refusedBallotID: BallotID
    public let refusedChannel: VoteChannel
    public let at: Date

    public init(
        tenantID: TenantID, processID: ProcessID, voterID: ParticipantID, scope: DistrictID?, keptBallotID: BallotID,
        keptChannel: VoteChannel, refusedBallotID: BallotID, refusedChannel: VoteChannel, at: Date
    ) {
        self.tenantID = tenantID
        self.processID = processID
        self.voterID = voterID
        self.scope = scope
        self.keptBallotID = keptBallotID
        self.keptChannel = keptChannel
        self.refusedBallotID = refusedBallotID
        self.refusedChannel = refusedChannel
        self.at = at
    }
}

/// What storage did with a ballot.
public enum BallotCastOutcome: Hashable, Sendable {
    /// Stored; it is the voter's first ballot in this scope.
    case cast
    /// Stored in place of the voter's earlier online ballot, whose id is given.
    case replaced(BallotID)
    /// Refused: the voter already has a ballot that cannot be replaced; the conflict was recorded.
    case refusedDuplicate(BallotConflict)
}
