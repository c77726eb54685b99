import Foundation
import Participation
import ParticipationStore
import Testing

/// The schema enforces the contract's invariants by itself: rows written behind the
/// store's back, skipping its checks, are still refused.
@Suite("SQLiteStore schema constraints")
struct SQLiteStoreSchemaTests {
    /// A populated store file, and a raw connection to it.
    private func withPopulatedFile(_ body: (SQLiteConnection) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            let store = try await SQLiteStore(path: path)
            try await StoreFixture.populate(store)
            _ = try await store.castBallot(StoreFixture.ballot("b1", voter: "alice"))
            try body(try SQLiteConnection.open(SQLiteConfiguration(path: path)))
        }
    }

    private let insertBallot = """
        INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
        VALUES (?, ?, ?, ?, ?, 'online', 0)
        """

    @Test func secondBallotOfAVoterIsRefusedWhateverTheScope() async throws {
        try await withPopulatedFile { db in
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: insertBallot, arguments: ["tenant-a", "b2", "bp-1", "alice", nil])
            }
            #expect(error?.extendedCode == .constraintUnique)
            // Another scope is no way to a second ballot: one per voter and process.
            let districtError = #expect(throws: SQLiteError.self) {
                try db.execute(sql: insertBallot, arguments: ["tenant-a", "b4", "bp-1", "alice", "north"])
            }
            #expect(districtError?.extendedCode == .constraintUnique)
        }
    }

    @Test func ballotIdOfAWithdrawnBallotCannotBeReused() async throws {
        try await withPopulatedFile { db in
            try db.execute(sql: "DELETE FROM ballot WHERE id = 'b1'")
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: insertBallot, arguments: ["tenant-a", "b1", "bp-1", "carol", nil])
            }
            #expect(error?.code == .constraint)
        }
    }

    /// A ballot replaced in place takes a new id: the old one stays taken, and the new one
    /// must never have been used.
    @Test func aBallotReplacedInPlaceCannotTakeAUsedId() async throws {
        try await withPopulatedFile { db in
            try db.execute(sql: "UPDATE ballot SET id = 'b2' WHERE id = 'b1'")
            try db.execute(sql: insertBallot, arguments: ["tenant-a", "b3", "bp-1", "carol", "north"])
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: "UPDATE ballot SET id = 'b1' WHERE id = 'b3'")
            }
            #expect(error?.extendedCode == .constraintPrimaryKey)
            try db.execute(sql: "DELETE FROM ballot WHERE id = 'b3'")
            let reused = #expect(throws: SQLiteError.self) {
                try db.execute(sql: insertBallot, arguments: ["tenant-a", "b1", "bp-1", "carol", nil])
            }
            #expect(reused?.extendedCode == .constraintPrimaryKey)
        }
    }

    @Test func ballotCannotReferenceAnotherTenantsVoterOrProcess() async throws {
        try await withPopulatedFile { db in
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: insertBallot, arguments: ["tenant-a", "b9", "bp-1", "bob", nil])
            }
            #expect(error?.extendedCode == .constraintForeignKey)
        }
    }

    @Test func charterVersionsMustFollowEachOther() async throws {
        try await withPopulatedFile { db in
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: "INSERT INTO charter (tenant_id, version, value) VALUES ('tenant-a', 2, '{}')")
            }
            #expect(error?.extendedCode == .constraintTrigger)
            try db.execute(sql: "INSERT INTO charter (tenant_id, version, value) VALUES ('tenant-a', 1, '{}')")
        }
    }

    @Test func channelDetailsMustMatchTheChannel() async throws {
        try await withPopulatedFile { db in
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: """
                    INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, cast_at)
                    VALUES ('tenant-a', 'b5', 'bp-1', 'carol', 'paper', 0)
                    """)
            }
            #expect(error?.extendedCode == .constraintCheck)
        }
    }

    @Test func oneIdentityKeyBindsOneParticipant() async throws {
        try await withPopulatedFile { db in
            try db.execute(sql: "INSERT INTO participant_identity VALUES ('tenant-a', 'census:1', 'alice')")
            let error = #expect(throws: SQLiteError.self) {
                try db.execute(sql: "INSERT INTO participant_identity VALUES ('tenant-a', 'census:1', 'carol')")
            }
            #expect(error?.extendedCode == .constraintPrimaryKey)
        }
    }
}
