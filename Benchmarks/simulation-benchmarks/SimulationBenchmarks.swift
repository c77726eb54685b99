import Foundation
import Participation
import ParticipationSimulation
import ParticipationStore

/// A city-wide participatory budget at scale, on the SQLite store on a file:
/// 1,000,000 voters in 20 districts casting 5 approvals each over 300 projects.
///
/// Steps, each timed: set up the budget through the service (300 projects transcribed and
/// reviewed), load the population, generate and ingest the ballots in batches through
/// `storage.castBallots`, read them back a page at a time, count them with the greedy rule
/// and the Method of Equal Shares (the library's counting engine). Prints the ingest
/// rate, the counting time and the peak memory (VmHWM).
///
/// Usage: `swift run -c release simulation-benchmarks [--voters N] [--projects N]
///   [--districts N] [--batch N] [--memory]` (`--memory` uses `InMemoryStorage`).
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
        print("store: \(options.inMemory ? "InMemoryStorage" : "SQLiteStore on a file (WAL, synchronous = NORMAL)"), \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let total = Stopwatch()
        var step = Stopwatch()
        let city = try await BenchmarkCity.build(on: storage, options: options)
        step.report("set-up (tenant, \(options.projects) projects transcribed and reviewed through the service)")
        let population = try await city.loadPopulation()
        step.report("population loaded (\(options.voters) participants)")
        let ingest = Stopwatch()
        let ingested = try await city.ingestBallots(for: population)
        let ingestSeconds = ingest.seconds
        print(String(format: "ballots ingested: %d in %.2f s = %.0f ballots/s (%d refused)", ingested.counted, ingestSeconds, Double(ingested.counted) / ingestSeconds, ingested.refused))

        step = Stopwatch()
        let profile = try await city.readProfile()
        step.report("ballots read back (\(profile.ballots) ballots, \(options.page > 0 ? "pages of \(options.page)" : "one page"))")
        for rule in ScenarioCountingRule.allCases {
            step = Stopwatch()
            let outcome = try await profile.count(rule)
            step.report("counted, \(rule.rawValue)")
            print("  \(rule.rawValue): \(outcome.selected.count) projects selected, \(outcome.cost / 100) € of \(city.envelope / 100) €")
        }
        print(String(format: "whole run: %.2f s", total.seconds))
        print("peak memory (VmHWM): \(PeakMemory.kilobytes().map { "\($0 / 1024) MiB" } ?? "unknown")")
    }
}
