import Participation

/// Command-line options of the benchmark.
struct BenchmarkOptions {
    var voters = 1_000_000
    var approvals = 5
    var projects = 300
    var districts = 20
    var batch = 5_000
    var inMemory = false
    var seed: UInt64 = 2026

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--memory" {
                inMemory = true
                continue
            }
            guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                throw ParticipationError.invalid(flag, "\(flag) needs a positive integer")
            }
            switch flag {
            case "--voters": voters = value
            case "--projects": projects = value
            case "--districts": districts = value
            case "--batch": batch = value
            case "--approvals": approvals = value
            case "--seed": seed = UInt64(value)
            default: throw ParticipationError.invalid(flag, "unknown option \(flag)")
            }
        }
    }
}
