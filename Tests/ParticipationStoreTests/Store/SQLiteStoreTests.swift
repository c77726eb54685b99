import Foundation
import Participation
import ParticipationStore
import Testing

@Suite("SQLiteStore opening, batches and failures")
struct SQLiteStoreTests {
    @Test func reopeningAFileKeepsEverythingAndDoesNotMigrateAgain() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            let migrations = "SELECT version, applied_at FROM schema_migration ORDER BY version"
            let applied: [String]
            do {
                let store = try await SQLiteStore(path: path)
                try await StoreFixture.populate(store)
                _ = try await store.castBallot(StoreFixture.ballot("b1", voter: "alice"))
                let db = try SQLiteConnection.open(SQLiteConfiguration(path: path))
                applied = try db.fetchAll(sql: migrations) { "\($0.int(at: 0)) \($0.string(at: 1))" }
            }
            let reopened = try await SQLiteStore(path: path)
            let ballot = try await reopened.ballot(of: "alice", process: "bp-1", in: StoreFixture.tenantA.id)
            #expect(ballot == StoreFixture.ballot("b1", voter: "alice"))

            // Every migration is recorded once, and reopening applied none again.
            let db = try SQLiteConnection.open(SQLiteConfiguration(path: path))
            let versions = try db.fetchAll(sql: "SELECT version FROM schema_migration ORDER BY version") { $0.int(at: 0) }
            #expect(versions == Array(1...versions.count))
            #expect(try db.fetchAll(sql: migrations) { "\($0.int(at: 0)) \($0.string(at: 1))" } == applied)
        }
    }

    @Test func fileFromANewerVersionIsRefusedUntouched() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            do {
                let store = try await SQLiteStore(path: path)
                try await StoreFixture.populate(store)
            }
            let db = try SQLiteConnection.open(SQLiteConfiguration(path: path))
            try db.execute(sql: "INSERT INTO schema_migration (version, name) VALUES (99, 'from the future')")

            await #expect(throws: SchemaTooNewError.self) { _ = try await SQLiteStore(path: path) }
            #expect(try db.fetchOne(sql: "SELECT count(*) FROM tenant") { $0.int(at: 0) } == 2)
        }
    }

    @Test func fileThatIsNotADatabaseIsAStorageFailure() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("notes.txt")
            try Data(String(repeating: "meeting notes\n", count: 300).utf8).write(to: url)
            await #expect(throws: ParticipationError.self) { _ = try await SQLiteStore(path: url.path) }
            do {
                _ = try await SQLiteStore(path: url.path)
            } catch let error as ParticipationError {
                #expect(error.code == .storageFailure)
                #expect(error.diagnostic?.contains("not an SQLite database") == true, "the log learns why")
                #expect(!error.message.contains("SQLite") && !error.description.contains("SQLite"), "a caller learns nothing of the engine")
            }
        }
    }

    @Test func lockHeldTooLongBySomeoneElseIsAStorageFailureAndChangesNothing() async throws {
        try await withTemporaryDirectory { directory in
            // Given a store with a short busy timeout, and another connection holding the write lock
            let path = directory.appendingPathComponent("store.sqlite").path
            let store = try await SQLiteStore(configuration: SQLiteConfiguration(path: path, busyTimeout: .milliseconds(100)))
            try await StoreFixture.populate(store)
            let holder = try SQLiteConnection.open(SQLiteConfiguration(path: path))
            try holder.execute(sql: "BEGIN IMMEDIATE")

            // When a ballot is cast, then it fails as a storage failure
            do {
                _ = try await store.castBallot(StoreFixture.ballot("b1", voter: "alice"))
                Issue.record("cast succeeded while another connection held the write lock")
            } catch let error as ParticipationError {
                #expect(error.code == .storageFailure)
            }

            // and once the lock is released, the ballot can be cast: nothing was left behind
            try holder.execute(sql: "ROLLBACK")
            let outcome = try await store.castBallot(StoreFixture.ballot("b1", voter: "alice"))
            #expect(outcome == .cast)
        }
    }

    @Test func twoStoresOnOneFileKeepOneBallotPerVoter() async throws {
        try await withTemporaryDirectory { directory in
            // Given two stores (two connections) on one file, as two processes would have
            let path = directory.appendingPathComponent("store.sqlite").path
            let first = try await SQLiteStore(path: path)
            try await StoreFixture.populate(first)
            let second = try await SQLiteStore(path: path)

            // When both cast non-revisable ballots for the same voter at once
            let outcomes = try await withThrowingTaskGroup(of: BallotCastOutcome.self) { group in
                for index in 0..<20 {
                    let store = index % 2 == 0 ? first : second
                    let ballot = StoreFixture.ballot(BallotID(rawValue: "b\(index)"), voter: "alice", channel: .kiosk(kioskID: "k\(index)"))
                    group.addTask { try await store.castBallot(ballot) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // Then exactly one is cast, the others recorded as conflicts
            #expect(outcomes.filter { $0 == .cast }.count == 1)
            let counts = try await second.ballotCounts(of: "bp-1", in: StoreFixture.tenantA.id)
            #expect(counts == ["kiosk": 1])
            let conflicts = try await first.ballotConflicts(of: "bp-1", in: StoreFixture.tenantA.id)
            #expect(conflicts.count == 19)
        }
    }

    @Test func batchOfBallotsGivesTheOutcomesOfOneByOneCasting() async throws {
        // Given the same vote in the SQLite store and in the reference in-memory storage
        let store = try await SQLiteStore(path: ":memory:")
        let reference = InMemoryStorage()
        try await StoreFixture.populate(store)
        try await StoreFixture.populate(reference)
        let paper = VoteChannel.paper(station: "Mairie", agentID: "admin", batch: "batch-7")
        let batch = [
            StoreFixture.ballot("b1", voter: "alice", channel: paper),
            StoreFixture.ballot("b2", voter: "nobody", channel: paper),
            StoreFixture.ballot("b3", voter: "carol", channel: paper),
            StoreFixture.ballot("b4", voter: "alice", channel: paper),
            StoreFixture.ballot("b1", voter: "carol", channel: paper),
        ]

        // When the batch is cast in one transaction
        let outcomes = await store.castBallots(batch)

        // Then each ballot has the outcome one-by-one casting gives: cast, unknown voter,
        // cast, refused second ballot, duplicate id
        #expect(outcomes == (await reference.castBallots(batch)))
        #expect((try? outcomes[0].get()) == .cast)
        #expect(outcomes[1].failureCode == .notFound)
        #expect(outcomes[4].failureCode == .duplicate)

        // and the refused ballots left nothing: two ballots count, one conflict recorded
        let counts = try await store.ballotCounts(of: "bp-1", in: StoreFixture.tenantA.id)
        #expect(counts == ["paper": 2])
        let conflicts = try await store.ballotConflicts(of: "bp-1", in: StoreFixture.tenantA.id)
        #expect(conflicts.map(\.refusedBallotID) == ["b4"])
    }

    @Test func textThatLooksLikeSQLIsStoredAsText() async throws {
        let store = try await SQLiteStore(path: ":memory:")
        let tenant = Tenant(id: "t'; DROP TABLE tenant; --", name: "Robert'); DROP TABLE participant;--", kind: .commune)
        try await store.insertTenant(tenant)
        let read = try await store.tenant(tenant.id)
        #expect(read == tenant)
        #expect(try await store.tenants().count == 1)
    }
}

extension Result where Failure == ParticipationError {
    /// The error's code, `nil` for a success.
    fileprivate var failureCode: ParticipationError.Code? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}
