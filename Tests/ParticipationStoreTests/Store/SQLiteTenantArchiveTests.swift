import Participation
import ParticipationStore
import ParticipationStoreConformance
import Testing

@Suite("SQLiteStore tenant archive")
struct SQLiteTenantArchiveTests {
    @Test func exportImportIntoAnotherSQLiteStoreAndExportAgainIsByteIdentical() async throws {
        let source = try await SQLiteStore(path: ":memory:")
        try await ArchiveFixture.populate(source)
        let exported = try CanonicalJSONEncoder().encode(try await source.tenantArchive(of: "tenant-a"))
        let target = try await SQLiteStore(path: ":memory:")
        try await target.importTenantArchive(try await source.tenantArchive(of: "tenant-a"))
        let again = try CanonicalJSONEncoder().encode(try await target.tenantArchive(of: "tenant-a"))
        #expect(again == exported)
        #expect(exported.count > 5_000)
    }
}
