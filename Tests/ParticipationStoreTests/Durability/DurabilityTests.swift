import Foundation
import ParticipationStore
import Testing

/// Acknowledged means durable: a ballot whose write returned survives the process being
/// killed at any moment, whole, and the file stays a sound database.
@Suite("Durability across SIGKILL")
struct DurabilityTests {
    @Test(arguments: [1, 50, 500])
    func acknowledgedBallotsSurviveSIGKILLWhole(killAfter count: Int) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ballots.sqlite").path

            // Given a probe casting ballots, killed after `count` acknowledgements
            let acknowledged = try await DurabilityProbeRun.killAfter(acknowledgements: count, databasePath: path)

            // When the file is reopened
            let db = try SQLiteConnection.open(SQLiteConfiguration(path: path))

            // Then it is intact
            #expect(try db.fetchOne(sql: "PRAGMA integrity_check") { $0.string(at: 0) } == "ok")
            #expect(try db.fetchAll(sql: "PRAGMA foreign_key_check") { $0.string(at: 0) }.isEmpty)

            // and every acknowledged ballot is there with all its lines
            let lineCounts = try Dictionary(uniqueKeysWithValues: db.fetchAll(sql: """
                SELECT ballot.id, count(ballot_line.position)
                FROM ballot LEFT JOIN ballot_line ON ballot_line.ballot_id = ballot.id
                GROUP BY ballot.id
                """) { ($0.int64(at: 0), $0.int(at: 1)) })
            #expect(acknowledged == Array(1...Int64(count)))
            for id in acknowledged {
                #expect(lineCounts[id] == 5, "acknowledged ballot \(id)")
            }

            // and no ballot is partial: those cast after the last acknowledgement are
            // either whole or absent, and none is missing in between
            #expect(lineCounts.values.allSatisfy { $0 == 5 })
            #expect(lineCounts.keys.sorted() == Array(1...Int64(lineCounts.count)))
        }
    }
}
