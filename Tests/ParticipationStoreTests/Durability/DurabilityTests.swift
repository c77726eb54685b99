import Foundation
import Participation
import ParticipationStore
import Testing

/// Acknowledged means durable: a ballot whose `castBallot` returned survives the process
/// being killed at any moment, whole, and the file stays a sound database.
@Suite("Durability across SIGKILL")
struct DurabilityTests {
    // As the probe writes them (see `ProbeVote` in Tests/Support/durability-probe).
    static let tenant: TenantID = "probe-tenant"
    static let process: ProcessID = "probe-bp"
    static let linesPerBallot = 5

    @Test(arguments: [1, 50, 500])
    func acknowledgedBallotsSurviveSIGKILLWhole(killAfter count: Int) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ballots.sqlite").path

            // Given a probe casting ballots, killed after `count` acknowledgements
            let acknowledged = try await DurabilityProbeRun.killAfter(acknowledgements: count, databasePath: path)
            #expect(acknowledged == Array(1...count))

            // When the file is reopened, then it is intact
            try expectSoundDatabase(at: path)

            // and every acknowledged ballot is there with all its lines
            let store = try await SQLiteStore(path: path)
            for number in acknowledged {
                let ballot = try await store.ballot(
                    of: ParticipantID(rawValue: "voter-\(number)"), process: Self.process, in: Self.tenant)
                #expect(ballot?.id.rawValue == "ballot-\(number)")
                #expect(ballot?.choices.count == Self.linesPerBallot, "ballot \(number)")
            }

            // and those cast after the last acknowledgement are whole or absent, with no
            // gap before them
            let stored = try await store.ballots(of: Self.process, in: Self.tenant, after: nil, limit: 100_000)
            #expect(stored.allSatisfy { $0.choices.count == Self.linesPerBallot })
            let numbers = stored.compactMap { Int($0.id.rawValue.dropFirst("ballot-".count)) }.sorted()
            #expect(numbers == Array(1...numbers.count))
        }
    }

    @Test func killedTwiceThenResumedKeepsEveryAcknowledgedBallot() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("ballots.sqlite").path

            // Given a probe killed, restarted on the same file (recovering its WAL), and killed again
            let first = try await DurabilityProbeRun.killAfter(acknowledgements: 30, databasePath: path)
            let second = try await DurabilityProbeRun.killAfter(acknowledgements: 30, databasePath: path)

            // Then the second run continued after whatever the first committed, and all
            // acknowledged ballots of both runs are there
            #expect(second.first.map { $0 > first.last ?? 0 } == true)
            try expectSoundDatabase(at: path)
            let store = try await SQLiteStore(path: path)
            for number in first + second {
                let ballot = try await store.ballot(
                    of: ParticipantID(rawValue: "voter-\(number)"), process: Self.process, in: Self.tenant)
                #expect(ballot?.choices.count == Self.linesPerBallot, "ballot \(number)")
            }
        }
    }

    /// `PRAGMA integrity_check` and `foreign_key_check` pass, and no ballot row lacks lines.
    private func expectSoundDatabase(at path: String) throws {
        let db = try SQLiteConnection.open(SQLiteConfiguration(path: path))
        #expect(try db.fetchOne(sql: "PRAGMA integrity_check") { $0.string(at: 0) } == "ok")
        #expect(try db.fetchAll(sql: "PRAGMA foreign_key_check") { $0.string(at: 0) }.isEmpty)
        let partial = try db.fetchOne(sql: """
            SELECT count(*) FROM ballot
            WHERE (SELECT count(*) FROM ballot_line WHERE ballot_sequence = ballot.sequence) <> ?
            """, arguments: [.integer(Int64(Self.linesPerBallot))]) { $0.int(at: 0) }
        #expect(partial == 0)
    }
}
