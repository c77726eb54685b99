/// Command-line options of `store-benchmarks`.
struct BenchmarkOptions {
    /// Ballots cast one transaction each.
    var onlineBallots = 20_000
    /// Paper ballots imported in batches.
    var paperBallots = 100_000
    /// Paper ballots per transaction.
    var batchSize = 1_000
    /// Tasks casting at once in the concurrent shape (PostgreSQL run only).
    var concurrency = 16

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                throw UsageError(description: "\(flag) needs a positive integer")
            }
            switch flag {
            case "--online": onlineBallots = value
            case "--paper": paperBallots = value
            case "--batch": batchSize = value
            case "--concurrency": concurrency = value
            default: throw UsageError(description: "unknown option \(flag); use --online N, --paper N, --batch N, --concurrency N")
            }
        }
    }
}
