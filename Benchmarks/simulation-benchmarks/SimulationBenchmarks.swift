import Foundation
import Participation
import ParticipationSimulation
import ParticipationStore

/// A city-wide participatory budget at scale, on the SQLite store on a file:
/// 1,000,000 voters in 20 districts casting 5 approvals each over 300 projects.
///
/// Steps, each timed: set up the budget through the service (300 projects transcribed and
/// reviewed), load the population (`insertParticipants`, 10,000 per transaction), ingest the
/// ballots by polling-station batches through `recordPaperBatch` (one `castBallots`
/// transaction per batch), read the ballots' compact profiles (`storage.ballotProfiles`),
/// count with the greedy rule and the Method of Equal Shares (`countResults`, which reads
/// the profiles again and counts with the library's engine), and publish the result
/// (`publishResults`: count with the budget's rule, statuses of the 300 projects,
/// notifications). Prints the ingest rate, the counting times and the peak memory (VmHWM).
///
/// Usage: `swift run -c release simulation-benchmarks [--voters N] [--projects N]
///   [--districts N] [--batch N] [--approvals N] [--seed N] [--memory]` (`--memory` uses
///   `InMemoryStorage`).
@main
struct SimulationBenchmarks {
    static func main() async throws {
        let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("simulation-benchmarks-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let storage: any ParticipationStorage =
            options.inMemory ? InMemoryStorage() : try await SQLiteStore(path: directory.appendingPathComponent("budget.sqlite").path)
        print("simulation-benchmarks: \(options.voters) voters, \(options.approvals) approvals each, \(options.projects) projects, \(options.districts) districts")
        print("store: \(options.inMemory ? "InMemoryStorage" : "SQLiteStore on a file (WAL, synchronous = NORMAL)"), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(LoadAverage.description)")

        let total = Stopwatch()
        var step = Stopwatch()
        let city = try await BenchmarkCity.build(on: storage, options: options)
        step.report("set-up (tenant, \(options.projects) projects transcribed and reviewed through the service)")
        let population = try await city.loadPopulation()
        let loadSeconds = step.seconds
        print(String(format: "population loaded: %d participants in %@ = %.0f/s", population.people.count, step.description, Double(population.people.count) / loadSeconds))
        let ingest = Stopwatch()
        let ingested = try await city.ingestBallots(for: population)
        let ingestSeconds = ingest.seconds
        print(String(format: "ballots ingested: %d in %@ = %.0f ballots/s (%d refused)", ingested.counted, ingest.description, Double(ingested.counted) / ingestSeconds, ingested.refused))
        try await city.closeVote()
        print("peak memory after ingest (VmHWM): \(PeakMemory.description)")

        step = Stopwatch()
        // Read alone, to tell reading from counting in the times below; released before counting.
        let (ballots, choices) = try await storage.ballotProfiles(of: city.processID, in: city.tenant)
            .reduce((0, 0)) { ($0.0 + $1.count, $0.1 + $1.choices.count) }
        let readSeconds = step.seconds
        print(String(format: "ballot profiles read: %d ballots, %d choices in %@", ballots, choices, step.description))
        for rule in [CountingRule.greedyCost, .equalShares] {
            step = Stopwatch()
            let results = try await city.service.countResults(of: city.processID, with: rule, by: city.admin)
            let seconds = step.seconds
            let selected = results.map(\.selected.count).reduce(0, +)
            let cost = results.map(\.totalCost).reduce(0, +)
            print(String(format: "countResults %@: %.2f s (read %.2f s + count %.2f s); %d projects, %lld € of %lld €", rule.rawValue, seconds, readSeconds, max(0, seconds - readSeconds), selected, cost / 100, city.envelope / 100))
        }
        step = Stopwatch()
        let published = try await city.service.publishResults(of: city.processID, by: city.admin)
        step.report("publishResults (\(published.rule): count, result stored, \(options.projects) statuses, notifications)")
        print("whole run: \(total.description); load average \(LoadAverage.description)")
        print("peak memory (VmHWM): \(PeakMemory.description)")
    }
}
