#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// How a ballot maps to its `ballot` row and `ballot_line` rows.
///
/// A ballot is stored relationally, not as JSON: it is the hot write path, counting
/// reads its lines, and the channel's details are columns that `CHECK` constraints keep
/// consistent with the channel.
enum StoredBallot {
    /// The `ballot` columns every query selects, in the order ``header(_:at:)`` reads.
    static let headerColumns = "sequence, id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at"

    /// A stored ballot without its lines.
    struct Header {
        let sequence: Int64
        let id: BallotID
        let voterID: ParticipantID
        let scope: DistrictID?
        let channel: VoteChannel
        let castAt: Date

        /// What deciding a new ballot of the voter needs of this one.
        var counted: CountedBallotHeader { CountedBallotHeader(id: id, channel: channel, scope: scope) }
    }

    /// Reads the ``headerColumns`` starting at column `first`.
    static func header(_ row: SQLiteStatement, at first: Int32 = 0) throws -> Header {
        Header(
            sequence: row.int64(at: first),
            id: BallotID(rawValue: row.string(at: first + 1)),
            voterID: ParticipantID(rawValue: row.string(at: first + 2)),
            scope: row.optionalString(at: first + 3).map(DistrictID.init(rawValue:)),
            channel: try channel(
                named: row.string(at: first + 4),
                station: row.optionalString(at: first + 5),
                batch: row.optionalString(at: first + 6),
                agentID: row.optionalString(at: first + 7),
                kioskID: row.optionalString(at: first + 8)),
            castAt: Date(storedSeconds: row.double(at: first + 9) ?? 0))
    }

    /// The channel's detail columns, in `INSERT` order: station, batch, agent, kiosk.
    static func channelColumns(_ channel: VoteChannel) -> [SQLiteValue] {
        switch channel {
        case .online:
            [.null, .null, .null, .null]
        case .paper(let station, let agentID, let batch):
            [.text(station), .text(batch), agentID.argument, .null]
        case .assisted(let agentID):
            [.null, .null, agentID.argument, .null]
        case .kiosk(let kioskID):
            [.null, .null, .null, .text(kioskID)]
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
}

extension StoredBallot.Header {
    /// The domain ballot, given the process it belongs to and its lines.
    func ballot(tenant: TenantID, process: ProcessID, choices: [BallotChoice]) -> Ballot {
        Ballot(
            id: id, tenantID: tenant, processID: process, voterID: voterID, scope: scope, channel: channel,
            choices: choices, castAt: castAt)
    }
}
