/// The machine-readable result line of `participation tally --json`.
public struct TallyReport: Sendable {
    /// The outcome reported.
    public let outcome: CountingOutcome
    /// Milliseconds spent reading and parsing the file.
    public let loadMilliseconds: Double
    /// Milliseconds spent by the rule alone.
    public let countMilliseconds: Double

    /// Creates a report.
    public init(outcome: CountingOutcome, loadMilliseconds: Double, countMilliseconds: Double) {
        self.outcome = outcome
        self.loadMilliseconds = loadMilliseconds
        self.countMilliseconds = countMilliseconds
    }

    /// One JSON object on one line: `{"rule": …, "selected": […], "total_cost": N, "load_ms": X, "count_ms": Y}`.
    /// `total_cost` is a JSON number: an integer when the total is whole, else its exact decimal.
    public var json: String {
        let selected = outcome.selected.map(Self.quoted).joined(separator: ", ")
        return "{\"rule\": \(Self.quoted(outcome.rule.rawValue)), \"selected\": [\(selected)], "
            + "\"total_cost\": \(outcome.totalCost.decimalString), "
            + "\"load_ms\": \(Self.milliseconds(loadMilliseconds)), \"count_ms\": \(Self.milliseconds(countMilliseconds))}"
    }

    static func milliseconds(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000
        let fraction = String(thousandths % 1000)
        return "\(whole)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
