import Participation
import ParticipationStoreConformance
import Testing

@Test(arguments: StorageConformance.checks)
func inMemoryStorageConforms(_ check: StorageConformanceCheck) async throws {
    try await check.run(against: InMemoryStorage())
}
