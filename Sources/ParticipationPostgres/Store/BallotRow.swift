#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import PostgresNIO

/// How a ballot maps to its `ballot` row and `ballot_line` rows, as in the SQLite backend.
///
/// A ballot is stored relationally, not as JSON: it is the hot write path, counting
/// reads its lines, and the channel's details are columns that `CHECK` constraints keep
/// consistent with the channel.
struct BallotRow {
    /// The `ballot` columns every query selects, in the order ``init(_:)`` reads.
    static let columns = "sequence, id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at"

    let sequence: Int64
    let id: BallotID
    let voterID: ParticipantID
    let scope: DistrictID?
    let channel: VoteChannel
    let castAt: Date

    /// What deciding a new ballot of the voter needs of this one.
    var counted: CountedBallotHeader { CountedBallotHeader(id: id, channel: channel, scope: scope) }

    /// Reads the first ten columns, in ``columns`` order (a row may have more).
    init(_ row: PostgresRow) throws {
        var cells = row.makeIterator()
        func next<Value: PostgresDecodable>(_ type: Value.Type) throws -> Value {
            guard let cell = cells.next() else { throw ParticipationError.storageFailure(diagnostic: "a ballot row is missing columns") }
            return try cell.decode(type)
        }
        sequence = try next(Int64.self)
        id = BallotID(rawValue: try next(String.self))
        voterID = ParticipantID(rawValue: try next(String.self))
        scope = try next(String?.self).map(DistrictID.init(rawValue:))
        let name = try next(String.self)
        channel = try Self.channel(
            named: name, station: try next(String?.self), batch: try next(String?.self), agentID: try next(String?.self),
            kioskID: try next(String?.self))
        castAt = Date(storedSeconds: try next(Double.self))
    }

    /// The channel's detail columns, in `INSERT` order: station, batch, agent, kiosk.
    static func channelColumns(_ channel: VoteChannel) -> (station: String?, batch: String?, agent: String?, kiosk: String?) {
        switch channel {
        case .online: (nil, nil, nil, nil)
        case .paper(let station, let agentID, let batch): (station, batch, agentID.rawValue, nil)
        case .assisted(let agentID): (nil, nil, agentID.rawValue, nil)
        case .kiosk(let kioskID): (nil, nil, nil, kioskID)
        }
    }

    private static func channel(
        named name: String, station: String?, batch: String?, agentID: String?, kioskID: String?
    ) throws -> VoteChannel {
        switch (name, station, batch, agentID, kioskID) {
        case ("online", _, _, _, _):
            return .online
        case ("paper", let station?, let batch?, let agentID?, _):
            return .paper(station: station, agentID: ParticipantID(rawValue: agentID), batch: batch)
        case ("assisted", _, _, let agentID?, _):
            return .assisted(agentID: ParticipantID(rawValue: agentID))
        case ("kiosk", _, _, _, let kioskID?):
            return .kiosk(kioskID: kioskID)
        default:
            throw ParticipationError.storageFailure(diagnostic: "stored ballot has an unreadable channel '\(name)'")
        }
    }

    /// The domain ballot, given the process it belongs to and its lines.
    func ballot(tenant: TenantID, process: ProcessID, choices: [BallotChoice]) -> Ballot {
        Ballot(
            id: id, tenantID: tenant, processID: process, voterID: voterID, scope: scope, channel: channel,
            choices: choices, castAt: castAt)
    }
}
