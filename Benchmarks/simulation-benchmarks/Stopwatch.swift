import Foundation

/// Wall-clock timing of benchmark steps.
struct Stopwatch {
    private let start = ContinuousClock.now

    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Prints the time since the last report (or the start) and restarts.
    mutating func report(_ label: String) {
        print(String(format: "%@: %.3f s", label, seconds))
        self = Stopwatch()
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
