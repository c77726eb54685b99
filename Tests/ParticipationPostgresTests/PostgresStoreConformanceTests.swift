import ParticipationPostgres
import ParticipationStoreConformance
import Testing

/// The whole storage contract, each check on a fresh, empty schema of the server
/// `PARTICIPATION_POSTGRES_URL` names.
@Suite("PostgresStore conformance", TestServer.isAvailable)
struct PostgresStoreConformanceTests {
    @Test(arguments: StorageConformance.checks)
    func conformance(_ check: StorageConformanceCheck) async throws {
        try await TestServer.withFreshStore { store, _ in
            try await check.run(against: store)
        }
    }
}
