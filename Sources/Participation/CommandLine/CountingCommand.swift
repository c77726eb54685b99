/// The arguments of the `participation` command-line tool, parsed.
///
/// Lives in the library so that argument handling is tested like everything else; the
/// executable only performs what this describes.
public enum CountingCommand: Sendable, Equatable {
    /// Where a greedy rule's minimum project score comes from.
    public enum Threshold: Sendable, Equatable {
        /// A value given on the command line.
        case value(Rational)
        /// META `min_project_score_threshold` of the file.
        case fromMetadata
    }

    /// `participation tally FILE.pb --rule RULE [--json] [--threshold N|meta] [--sequential]`.
    case tally(file: String, rule: CountingRule, json: Bool, threshold: Threshold?, sequential: Bool)
    /// `participation compare FILE.pb [--rules RULE,RULE,…] [--json] [--threshold N|meta]`: every
    /// rule given (by default every rule that counts the file's ballots), side by side.
    case compare(file: String, rules: [CountingRule]?, json: Bool, threshold: Threshold?)
    /// `participation check-corpus DIR [TABLE]`: the rows of `TABLE` (default
    /// `DIR/expected-outcomes.tsv`), files read from `DIR`.
    case checkCorpus(directory: String, table: String?)
    /// `participation help` (or no arguments).
    case help

    /// The usage text.
    public static let usage = """
        usage: participation tally FILE.pb --rule RULE [--json] [--threshold N|meta] [--sequential]
               participation compare FILE.pb [--rules RULE,RULE,...] [--json] [--threshold N|meta]
               participation check-corpus DIR [TABLE.tsv]
        rules: \(CountingRule.allCases.map(\.rawValue).joined(separator: ", "))
        """

    /// Parses the arguments that follow the program name.
    ///
    /// - Throws: ``ParticipationError`` with ``ParticipationError/Code/invalidArguments`` for a
    ///   missing or unexpected argument, or ``ParticipationError/Code/unknownCountingRule``.
    public static func parse(_ arguments: [String]) throws -> CountingCommand {
        guard let subcommand = arguments.first else { return .help }
        var rest = Array(arguments.dropFirst())
        switch subcommand {
        case "help", "--help", "-h":
            return .help
        case "check-corpus":
            guard rest.count == 1 || rest.count == 2 else { throw invalid("check-corpus takes a directory and, optionally, a table.") }
            return .checkCorpus(directory: rest[0], table: rest.count == 2 ? rest[1] : nil)
        case "compare":
            var file: String?
            var rules: [CountingRule]?
            var json = false
            var threshold: Threshold?
            while !rest.isEmpty {
                let argument = rest.removeFirst()
                switch argument {
                case "--json":
                    json = true
                case "--rules":
                    guard !rest.isEmpty else { throw invalid("--rules needs rule names, separated by commas.") }
                    rules = try rest.removeFirst().split(separator: ",").map { try CountingRule(named: String($0)) }
                case "--threshold":
                    threshold = try parseThreshold(&rest)
                default:
                    if argument.hasPrefix("--") { throw invalid("unknown option \(argument).") }
                    guard file == nil else { throw invalid("unexpected argument \(argument); compare takes one file.") }
                    file = argument
                }
            }
            guard let file else { throw invalid("compare needs a .pb file.") }
            return .compare(file: file, rules: rules, json: json, threshold: threshold)
        case "tally":
            var file: String?
            var rule: CountingRule?
            var json = false
            var sequential = false
            var threshold: Threshold?
            while !rest.isEmpty {
                let argument = rest.removeFirst()
                switch argument {
                case "--json":
                    json = true
                case "--sequential":
                    sequential = true
                case "--rule":
                    guard !rest.isEmpty else { throw invalid("--rule needs a rule name.") }
                    rule = try CountingRule(named: rest.removeFirst())
                case "--threshold":
                    threshold = try parseThreshold(&rest)
                default:
                    if argument.hasPrefix("--") { throw invalid("unknown option \(argument).") }
                    guard file == nil else { throw invalid("unexpected argument \(argument); tally takes one file.") }
                    file = argument
                }
            }
            guard let file else { throw invalid("tally needs a .pb file.") }
            guard let rule else { throw invalid("tally needs --rule RULE.") }
            return .tally(file: file, rule: rule, json: json, threshold: threshold, sequential: sequential)
        default:
            throw invalid("unknown command \(subcommand).")
        }
    }

    private static func parseThreshold(_ rest: inout [String]) throws -> Threshold {
        guard !rest.isEmpty else { throw invalid("--threshold needs a number or \"meta\".") }
        let value = rest.removeFirst()
        if value == "meta" { return .fromMetadata }
        guard let number = Rational(decimal: value) else {
            throw ParticipationError(.invalidThreshold, "--threshold \"\(value)\" is neither a number nor \"meta\".", field: "threshold")
        }
        return .value(number)
    }

    private static func invalid(_ message: String) -> ParticipationError {
        ParticipationError(.invalidArguments, message + "\n" + usage, field: "arguments")
    }
}

extension ParticipationError.Code {
    /// The command line is not understood (missing file, unknown option, …).
    public static let invalidArguments = Self(rawValue: "invalid_arguments")
}
