/// One row of a reference table such as `expected-outcomes.tsv`
/// (`file rule selected total_cost reference_s source`, tab-separated, with a header line).
public struct ExpectedOutcome: Sendable, Hashable {
    /// The `.pb` file name.
    public let file: String
    /// The rule name as written (normally a ``CountingRule`` raw value).
    public let ruleName: String
    /// The selected project ids, sorted by Unicode scalars.
    public let selected: [String]
    /// The exact total cost.
    public let totalCost: Rational
    /// The reference implementation's time in seconds, when measured.
    public let referenceSeconds: Double?
    /// Where the row comes from (`pabutools`, `pabulib-checker`, `independent`).
    public let source: String

    /// Parses a whole table, skipping the header line and blank lines.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``) naming the
    ///   line of a row without six columns or with an unreadable total.
    public static func table(_ text: String) throws -> [ExpectedOutcome] {
        var rows: [ExpectedOutcome] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if offset == 0 || trimmed.isEmpty { continue }
            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 6, let total = Rational(decimal: columns[3]) else {
                throw ParticipationError(.malformedPabulib, "Line \(offset + 1): expected six tab-separated columns with a numeric total_cost.")
            }
            rows.append(ExpectedOutcome(
                file: columns[0], ruleName: columns[1],
                selected: columns[2].isEmpty ? [] : columns[2].split(separator: ",").map(String.init),
                totalCost: total, referenceSeconds: Double(columns[4]), source: columns[5]))
        }
        return rows
    }

    /// Whether `outcome` selects exactly these projects at exactly this total cost.
    public func matches(_ outcome: CountingOutcome) -> Bool {
        outcome.sortedSelected == selected.sorted(by: ProjectIdentifierOrder.precedes) && outcome.totalCost == totalCost
    }
}
