import Foundation
import Participation
@testable import ParticipationPostgres
import PostgresNIO
import Testing

/// What the conformance suite cannot check: migrations, several stores on one schema, the
/// schema's own constraints against writes behind the store's back, and shutdown.
@Suite("PostgresStore", TestServer.isAvailable)
struct PostgresStoreTests {
    static let tenant = Tenant(id: "t", name: "Ville", kind: .commune)
    static let date = Date(timeIntervalSinceReferenceDate: 700_000_000.25)

    @Test func reopeningAppliesNoMigrationTwice() async throws {
        try await TestServer.withSchema { schema in
            let first = try await TestServer.store(schema: schema)
            try await first.insertTenant(Self.tenant)
            await first.shutdown()
            let second = try await TestServer.store(schema: schema)
            #expect(try await second.tenant("t") == Self.tenant)
            await second.shutdown()
            let versions = try await TestServer.withClient(schema: schema) { client in
                try await client.query("SELECT version FROM schema_migration ORDER BY version").collect().map { try $0.decode(Int.self) }
            }
            #expect(versions == PostgresSchema.migrations.map(\.version))
        }
    }

    @Test func aSchemaFromANewerVersionIsRefusedAndLeftAlone() async throws {
        try await TestServer.withSchema { schema in
            let store = try await TestServer.store(schema: schema)
            await store.shutdown()
            try await TestServer.withClient(schema: schema) { client in
                _ = try await client.query("INSERT INTO schema_migration (version, name) VALUES (99, 'from the future')")
            }
            await #expect {
                _ = try await TestServer.store(schema: schema)
            } throws: { error in
                (error as? PostgresSchemaTooNewError).map { ($0.found, $0.newestKnown) } ?? (0, 0)
                    == (99, PostgresSchema.migrations.count)
            }
            let newest = try await TestServer.withClient(schema: schema) { client in
                try await client.query("SELECT max(version) FROM schema_migration").collect().first?.decode(Int.self)
            }
            #expect(newest == 99)
        }
    }

    @Test func storesOpeningOneSchemaAtOnceMigrateItOnce() async throws {
        try await TestServer.withSchema { schema in
            let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
                for _ in 0..<4 { group.addTask { try await TestServer.store(schema: schema) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for store in stores { await store.shutdown() }
            let versions = try await TestServer.withClient(schema: schema) { client in
                try await client.query("SELECT count(*) FROM schema_migration").collect().first?.decode(Int.self)
            }
            #expect(versions == PostgresSchema.migrations.count)
        }
    }

    /// Two stores (two pools, as two server processes would have) race one voter's first
    /// ballot on different channels: one is cast, the others are recorded conflicts.
    @Test func twoStoresOnOneSchemaKeepOneBallotPerVoter() async throws {
        try await TestServer.withFreshStore { first, schema in
            let second = try await TestServer.store(schema: schema)
            try await Self.populate(first)
            let outcomes = try await withThrowingTaskGroup(of: BallotCastOutcome.self) { group in
                for index in 0..<20 {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await store.castBallot(Self.ballot(BallotID(rawValue: "b\(index)"), channel: .kiosk(kioskID: "k\(index)")))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .cast }.count == 1)
            #expect(try await second.ballotCounts(of: "bp", in: "t").values.reduce(0, +) == 1)
            #expect(try await first.ballotConflicts(of: "bp", in: "t").count == 19)
            await second.shutdown()
        }
    }

    @Test func theSchemaRefusesASecondBallotWrittenBehindTheStoresBack() async throws {
        try await TestServer.withFreshStore { store, schema in
            try await Self.populate(store)
            _ = try await store.castBallot(Self.ballot("b1"))
            // Whatever the scope: a district is no way to a second ballot.
            for scope in ["NULL", "'north'"] {
                let refused = try await TestServer.withClient(schema: schema) { client in
                    do {
                        _ = try await client.query(PostgresQuery(unsafeSQL: """
                            INSERT INTO ballot (tenant_id, id, process_id, voter_id, scope_id, channel, cast_at)
                            VALUES ('t', 'b2', 'bp', 'alice', \(scope), 'online', 0)
                            """))
                        return "inserted"
                    } catch let error as PSQLError {
                        return error.serverInfo?[.constraintName] ?? "?"
                    }
                }
                #expect(refused == "ballot_one_per_voter_in_process", "scope \(scope)")
            }
        }
    }

    @Test func theSchemaRefusesAReusedBallotIDAndACharterVersionGap() async throws {
        try await TestServer.withFreshStore { store, schema in
            try await Self.populate(store)
            _ = try await store.castBallot(Self.ballot("b1"))
            _ = try await store.withdrawBallot(of: "alice", process: "bp", in: "t")
            let states = try await TestServer.withClient(schema: schema) { client in
                var states: [String] = []
                for statement: PostgresQuery in [
                    "INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, cast_at) VALUES ('t', 'b1', 'bp', 'alice', 'online', 0)",
                    "INSERT INTO charter (tenant_id, version, value) VALUES ('t', 2, '{}')",
                    "INSERT INTO ballot (tenant_id, id, process_id, voter_id, channel, kiosk_id, cast_at) VALUES ('t', 'b3', 'bp', 'alice', 'online', 'k', 0)",
                ] {
                    do {
                        _ = try await client.query(statement)
                        states.append("inserted")
                    } catch let error as PSQLError {
                        states.append(error.serverInfo?[.sqlState] ?? "?")
                    }
                }
                return states
            }
            // ballot_id's primary key (unique violation), the charter trigger (raise
            // exception), the channel CHECK.
            #expect(states == ["23505", "P0001", "23514"])
        }
    }

    @Test func afterShutdownRequirementsFailAsStorageFailures() async throws {
        try await TestServer.withSchema { schema in
            let store = try await TestServer.store(schema: schema)
            await store.shutdown()
            await store.shutdown()
            await #expect {
                try await store.insertTenant(Self.tenant)
            } throws: { error in
                (error as? ParticipationError)?.code == .storageFailure
            }
        }
    }

    // MARK: - Fixture

    static func populate(_ store: PostgresStore) async throws {
        try await store.insertTenant(tenant)
        try await store.insertParticipant(Participant(id: "alice", tenantID: "t", displayName: "Alice", registeredAt: date))
        let process = ParticipatoryProcess(
            id: "bp", tenantID: "t", kind: .participatoryBudget, title: "Budget",
            phases: [Phase(id: "vote", name: "Vote", kind: .vote, allowedActions: [.vote])], createdAt: date)
        try await store.insertProcess(
            process,
            audit: AuditEntry(id: "a1", tenantID: "t", actorID: "alice", at: date, action: "process.created", subject: "process:bp"))
    }

    static func ballot(_ id: BallotID, channel: VoteChannel = .online) -> Ballot {
        Ballot(id: id, tenantID: "t", processID: "bp", voterID: "alice", channel: channel, choices: [BallotChoice("p1")], castAt: date)
    }
}
