import Foundation
import ParticipationStore
import Testing

/// Migrations that rebuild a table keep every row, and what the schema enforces.
@Suite("SQLiteStore migrations")
struct SQLiteStoreMigrationTests {
    /// A file at schema version 7, with ballots (one replaced in place) written by raw SQL.
    private func withBallotsAtVersion7(_ body: (SQLiteConnection) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let db = try SQLiteConnection.open(SQLiteConfiguration(path: directory.appendingPathComponent("old.sqlite").path))
            try SQLiteMigrator(migrations: Array(StoreSchema.migrator.migrations.prefix(7))).migrate(db)
            try db.executeScript("""
                INSERT INTO tenant (id, value) VALUES ('t', '{}');
                INSERT INTO participant (tenant_id, id, value) VALUES ('t', 'alice', '{}'), ('t', 'bob', '{}'), ('t', 'carol', '{}');
                INSERT INTO process (tenant_id, id, revision, value) VALUES ('t', 'bp', 0, '{}');
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
                    VALUES ('t', 'b1', 'bp', 'alice', NULL, 'online', 1.5);
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, cast_at)
                    VALUES ('t', 'b2', 'bp', 'bob', 'north', 'paper', 'Mairie', 'batch-1', 'alice', 2.5);
                INSERT INTO ballot_line VALUES (1, 0, 'p-1', 1), (1, 1, 'p-2', 1), (2, 0, 'p-3', 2);
                UPDATE ballot SET id = 'b3' WHERE id = 'b1';
                """)
            try body(db)
        }
    }

    private func rows(_ db: SQLiteConnection, _ sql: String) throws -> [[SQLiteValue]] {
        try db.fetchAll(sql: sql) { row in (0..<row.columnCount).map { row.value(at: $0) } }
    }

    @Test func version8KeepsEveryBallotLineAndIdAndStillEnforcesTheChannel() async throws {
        try await withBallotsAtVersion7 { db in
            let ballots = try rows(db, "SELECT * FROM ballot ORDER BY sequence")
            let lines = try rows(db, "SELECT * FROM ballot_line ORDER BY ballot_sequence, position")
            let ids = try rows(db, "SELECT * FROM ballot_id ORDER BY id")

            try StoreSchema.migrator.migrate(db)

            #expect(try SQLiteMigrator.appliedVersion(db) == StoreSchema.migrator.migrations.count)
            #expect(try rows(db, "SELECT * FROM ballot ORDER BY sequence") == ballots)
            #expect(try rows(db, "SELECT * FROM ballot_line ORDER BY ballot_sequence, position") == lines)
            #expect(try rows(db, "SELECT * FROM ballot_id ORDER BY id") == ids)
            #expect(ids.count == 3)  // b1, b2 and b3: the replaced id stays taken
            #expect(try db.fetchOne(sql: "PRAGMA foreign_key_check") { _ in true } == nil)

            // Both id triggers came back: neither an insert nor a replacement can take a used id.
            #expect(throws: SQLiteError.self) {
                try db.execute(sql: """
                    INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, cast_at) VALUES ('t', 'b1', 'bp', 'carol', 'online', 0)
                    """)
            }
            #expect(throws: SQLiteError.self) { try db.execute(sql: "UPDATE ballot SET id = 'b1' WHERE id = 'b3'") }
            // One ballot per voter, and the channel checks, still hold.
            #expect(throws: SQLiteError.self) {
                try db.execute(sql: """
                    INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, cast_at) VALUES ('t', 'b9', 'bp', 'alice', 'online', 0)
                    """)
            }
            let unknownChannel = #expect(throws: SQLiteError.self) {
                try db.execute(sql: """
                    INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, cast_at) VALUES ('t', 'b8', 'bp', 'carol', 'fax', 0)
                    """)
            }
            #expect(unknownChannel?.extendedCode == .constraintCheck)
            // Lines still go with their ballot.
            try db.execute(sql: "DELETE FROM ballot WHERE id = 'b2'")
            #expect(try rows(db, "SELECT * FROM ballot_line WHERE ballot_sequence = 2").isEmpty)
        }
    }

    /// The point of version 8: writing a ballot builds no ephemeral table for its channel check.
    @Test func writingABallotBuildsNoEphemeralTable() async throws {
        try await withBallotsAtVersion7 { db in
            try StoreSchema.migrator.migrate(db)
            let opcodes = try db.fetchAll(sql: """
                EXPLAIN INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, station, batch, agent_id, kiosk_id, cast_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: Array(repeating: .null, count: 11)) { $0.string(at: 1) }
            #expect(!opcodes.isEmpty)
            #expect(!opcodes.contains("OpenEphemeral"))
        }
    }

    /// Version 9: one ballot per voter and process. A database written before may hold a
    /// voter's ballots in two scopes; the later one is set aside with its lines, never lost.
    @Test func version9SetsAsideASecondScopesBallotAndKeepsOnePerVoter() async throws {
        try await withTemporaryDirectory { directory in
            let db = try SQLiteConnection.open(SQLiteConfiguration(path: directory.appendingPathComponent("old.sqlite").path))
            try SQLiteMigrator(migrations: Array(StoreSchema.migrator.migrations.prefix(8))).migrate(db)
            try db.executeScript("""
                INSERT INTO tenant (id, value) VALUES ('t', '{}');
                INSERT INTO participant (tenant_id, id, value) VALUES ('t', 'alice', '{}'), ('t', 'bob', '{}');
                INSERT INTO process (tenant_id, id, revision, value) VALUES ('t', 'bp', 0, '{}');
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
                    VALUES ('t', 'b1', 'bp', 'alice', 'north', 'online', 1.5);
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
                    VALUES ('t', 'b2', 'bp', 'bob', 'north', 'online', 2.5);
                INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
                    VALUES ('t', 'b3', 'bp', 'alice', 'south', 'online', 3.5);
                INSERT INTO ballot_line VALUES (1, 0, 'p-1', 1), (2, 0, 'p-2', 1), (3, 0, 'p-3', 1), (3, 1, 'p-4', 1);
                """)

            try StoreSchema.migrator.migrate(db)

            #expect(try rows(db, "SELECT id FROM ballot ORDER BY sequence") == [[.text("b1")], [.text("b2")]])
            #expect(try rows(db, "SELECT id, voter_id, scope_id FROM ballot_set_aside") == [[.text("b3"), .text("alice"), .text("south")]])
            #expect(
                try rows(db, "SELECT position, proposition_id FROM ballot_set_aside_line ORDER BY position")
                    == [[.integer(0), .text("p-3")], [.integer(1), .text("p-4")]])
            #expect(try rows(db, "SELECT * FROM ballot_line WHERE ballot_sequence = 3").isEmpty)
            // The set-aside id stays taken, and a voter has one ballot whatever the scope.
            #expect(try rows(db, "SELECT id FROM ballot_id WHERE id = 'b3'").count == 1)
            let second = #expect(throws: SQLiteError.self) {
                try db.execute(sql: """
                    INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
                    VALUES ('t', 'b9', 'bp', 'bob', 'south', 'online', 0)
                    """)
            }
            #expect(second?.extendedCode == .constraintUnique)
        }
    }
}
