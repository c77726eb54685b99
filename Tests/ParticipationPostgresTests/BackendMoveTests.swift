import Participation
import ParticipationPostgres
import ParticipationStore
import ParticipationStoreConformance
import Testing

/// Moving a tenant from SQLite to PostgreSQL (what `Docs/SCALING.md` describes) and back
/// loses nothing: the archives of the three stores are the same bytes.
@Suite("Moving a tenant between SQLite and PostgreSQL", TestServer.isAvailable)
struct BackendMoveTests {
    @Test func sqliteToPostgresAndBackGivesTheSameArchiveBytes() async throws {
        let sqlite = try await SQLiteStore(path: ":memory:")
        try await ArchiveFixture.populate(sqlite)
        let exported = try CanonicalJSONEncoder().encode(try await sqlite.tenantArchive(of: "tenant-a"))
        try await TestServer.withFreshStore { postgres, _ in
            try await postgres.importTenantArchive(try await sqlite.tenantArchive(of: "tenant-a"))
            let fromPostgres = try CanonicalJSONEncoder().encode(try await postgres.tenantArchive(of: "tenant-a"))
            #expect(fromPostgres == exported)
            let back = try await SQLiteStore(path: ":memory:")
            try await back.importTenantArchive(try await postgres.tenantArchive(of: "tenant-a"))
            #expect(try CanonicalJSONEncoder().encode(try await back.tenantArchive(of: "tenant-a")) == exported)
        }
        #expect(exported.count > 5_000)
    }
}
