import Foundation
import ParticipationStore
import ParticipationStoreConformance
import Testing

/// The whole storage contract, run against the SQLite store twice: in memory, and on a
/// file (WAL mode, where durability and locking are real).
@Suite("SQLiteStore conformance")
struct SQLiteStoreConformanceTests {
    @Test(arguments: StorageConformance.checks)
    func inMemory(_ check: StorageConformanceCheck) async throws {
        try await check.run(against: SQLiteStore(path: ":memory:"))
    }

    @Test(arguments: StorageConformance.checks)
    func onFile(_ check: StorageConformanceCheck) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await SQLiteStore(path: directory.appendingPathComponent("store.sqlite").path)
            try await check.run(against: store)
        }
    }
}
