import Participation
import Testing

/// One named requirement of the storage contract, runnable against any backend.
///
/// A backend's test target runs every check, each on a fresh, empty store:
///
/// ```swift
/// import ParticipationStoreConformance
/// import Testing
///
/// @Test(arguments: StorageConformance.checks)
/// func conformance(_ check: StorageConformanceCheck) async throws {
///     try await check.run(against: MyStore())
/// }
/// ```
/// A failing check reports through Swift Testing under the check's name.
public struct StorageConformanceCheck: Sendable, CustomTestStringConvertible {
    /// What the check asserts, e.g. "ballots: one per voter and process across channels".
    public let name: String
    let body: @Sendable (any ParticipationStorage) async throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (any ParticipationStorage) async throws -> Void) {
        self.name = name
        self.body = body
    }

    public var testDescription: String { name }

    /// Runs the check against `storage`, which must be empty.
    public func run(against storage: any ParticipationStorage) async throws {
        try await body(storage)
    }
}

/// The whole storage contract as a list of checks.
public enum StorageConformance {
    /// Every check, grouped by the protocol they exercise.
    public static var checks: [StorageConformanceCheck] {
        tenantChecks + participantChecks + charterChecks + processChecks + auditChecks + propositionChecks
            + ballotChecks + notificationChecks + concurrencyChecks + atomicityChecks + concurrentWriterChecks
            + supportChecks + petitionChecks + commentChecks + realisationChecks + moderationChecks + synthesisChecks
            + archiveChecks + personalDataChecks + actionContextChecks
    }
}
