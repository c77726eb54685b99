#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// Drives a ``BudgetScenario`` through the real library, phase by phase, with a
/// ``ManualClock`` and ``SequentialIdentifiers``: rule setting, idea submission (individual,
/// collective, transcribed paper forms), review with reasons and cost corrections,
/// co-construction, the vote on every channel (with second attempts that must be refused),
/// counting, publication and the winners' realisation.
///
/// The same scenario (and so the same seed) gives the same ``ScenarioReport`` on every
/// machine.
///
/// ```swift
/// let scenario = try BudgetScenario.hybridMunicipal(seed: 42, people: 1_000)
/// let run = try await BudgetScenarioRunner(scenario).run()
/// #expect(run.report.votes.duplicatesCaught == run.report.votes.duplicateAttempts)
/// ```
public struct BudgetScenarioRunner: Sendable {
    public let scenario: BudgetScenario

    public init(_ scenario: BudgetScenario) { self.scenario = scenario }

    /// Runs the scenario on a fresh ``InMemoryStorage``.
    public func run() async throws -> SimulationRun { try await run(on: InMemoryStorage()) }

    /// Runs the scenario on `storage`, which must be empty of the tenant "ville".
    public func run(on storage: any ParticipationStorage) async throws -> SimulationRun {
        let clock = ManualClock(scenario.start)
        let service = ParticipationService(storage: storage, clock: clock, ids: SequentialIdentifiers())
        var run = try await ScenarioRun.setUp(scenario, service: service, clock: clock)
        try await run.setRules()
        try await run.collectIdeas()
        try await run.reviewIdeas()
        try await run.coConstruct()
        try await run.vote()
        try await run.countAndPublish()
        try await run.followRealisation()
        return SimulationRun(
            report: try await run.report(), service: service, clock: clock, tenantID: run.tenant,
            processID: run.processID, administrator: run.admin, population: run.population)
    }
}

/// A finished run: its report, and the service it ran on for further checks.
public struct SimulationRun: Sendable {
    public let report: ScenarioReport
    /// The service the scenario drove, with everything it stored.
    public let service: ParticipationService
    public let clock: ManualClock
    public let tenantID: TenantID
    public let processID: ProcessID
    /// The tenant's administrator, for staff-only reads (conflicts, audit log, staff tally).
    public let administrator: Caller
    public let population: SimulatedPopulation
}
