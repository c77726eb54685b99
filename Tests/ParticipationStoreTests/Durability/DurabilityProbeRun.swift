import Foundation

/// One run of the `durability-probe` executable, killed with SIGKILL part-way.
enum DurabilityProbeRun {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Launches the probe on `databasePath`, reads `count` acknowledged ballot ids from
    /// its stdout, then kills it with SIGKILL (no chance to flush, close or checkpoint).
    ///
    /// The process is driven from a dedicated thread: reading a pipe and waiting for a
    /// child block, and must not hold up Swift's cooperative pool.
    ///
    /// - Returns: The ids acknowledged before the kill, in order.
    static func killAfter(acknowledgements count: Int, databasePath: String) async throws -> [Int] {
        let probe = try productsDirectory().appendingPathComponent("durability-probe")
        guard FileManager.default.isExecutableFile(atPath: probe.path) else {
            throw Failure(description: "durability-probe is not built at \(probe.path)")
        }
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try run(probe: probe, databasePath: databasePath, killAfter: count)
                })
            }.start()
        }
    }

    private static func run(probe: URL, databasePath: String, killAfter count: Int) throws -> [Int] {
        let process = Process()
        process.executableURL = probe
        process.arguments = [databasePath]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()

        var acknowledged: [Int] = []
        var pending = Data()
        let reader = output.fileHandleForReading
        while acknowledged.count < count {
            let chunk = reader.availableData
            if chunk.isEmpty { break }  // The probe exited on its own.
            pending.append(chunk)
            while acknowledged.count < count, let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[pending.index(after: newline)...])
                guard let id = Int(line) else {
                    throw Failure(description: "unexpected probe output: \(line)")
                }
                acknowledged.append(id)
            }
        }

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        guard acknowledged.count == count else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "probe stopped after \(acknowledged.count) of \(count) ballots: \(message)")
        }
        guard process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL else {
            throw Failure(description: "probe was not killed by SIGKILL (status \(process.terminationStatus))")
        }
        return acknowledged
    }
}
