import Foundation

/// Wall-clock and CPU timing of benchmark steps. The CPU time (user + system, all threads)
/// says what a step costs when other programs share the cores and the wall time does not.
struct Stopwatch {
    private let start = ContinuousClock.now
    private let startCPU = Self.processCPUSeconds()

    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// CPU seconds the process used since the start, on all its threads.
    var cpuSeconds: Double { Self.processCPUSeconds() - startCPU }

    /// "12.34 s wall, 10.20 s CPU".
    var description: String { String(format: "%.2f s wall, %.2f s CPU", seconds, cpuSeconds) }

    /// Prints the time since the last report (or the start) and restarts.
    mutating func report(_ label: String) {
        print("\(label): \(description)")
        self = Stopwatch()
    }

    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
        let watch = Stopwatch()
        let value = try body()
        print(String(format: "%@: %.3f s", label, watch.seconds))
        return value
    }
}

/// The process's peak resident set, from `/proc/self/status` (Linux).
enum PeakMemory {
    static func kilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    static var description: String { kilobytes().map { "\($0 / 1024) MiB" } ?? "unknown" }
}

/// The machine's load averages over 1, 5 and 15 minutes, from `/proc/loadavg` (Linux): how
/// busy the cores were with other work while the benchmark ran.
enum LoadAverage {
    static var description: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
