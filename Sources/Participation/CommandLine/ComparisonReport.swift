/// What `participation compare` prints: one line per rule with its selected projects, the share of
/// voters with at least one funded project, and the cost per vote, as an aligned table or as JSON.
public struct ComparisonReport: Sendable {
    /// The rows, in the order the rules were given.
    public let rows: [RuleComparison]

    /// Creates a report.
    public init(rows: [RuleComparison]) { self.rows = rows }

    /// An aligned table, one rule a line; the selected ids (sorted) end each line.
    public var text: String {
        let header = ["rule", "projects", "total cost", "voters served", "cost per vote", "selected"]
        var lines = [header]
        for row in rows {
            lines.append([
                row.rule.rawValue, String(row.outcome.selected.count), row.outcome.totalCost.decimalString,
                "\(Self.percent(row.shareOfVotersServed)) (\(row.votersServed) of \(row.voterCount))",
                row.costPerVote.map { Self.fixed($0, places: 2) } ?? "–", row.outcome.sortedSelected.joined(separator: ","),
            ])
        }
        let widths = (0..<header.count - 1).map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                guard column < widths.count else {
                    line += cell
                    continue
                }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                // Numbers right-aligned, names left-aligned.
                line += (column == 0 ? cell + padding : padding + cell) + "  "
            }
            return line
        }.joined(separator: "\n")
    }

    /// One JSON object: `{"voters": n, "rules": [{"rule", "selected", "total_cost", "voters_served",
    /// "share_served", "votes_for_selected", "cost_per_vote"}, …]}`; amounts are exact decimals when
    /// they have one, the share and the cost per vote are rounded to 6 decimals.
    public var json: String {
        let entries = rows.map { row in
            let selected = row.outcome.selected.map(TallyReport.quoted).joined(separator: ", ")
            return "{\"rule\": \(TallyReport.quoted(row.rule.rawValue)), \"selected\": [\(selected)], "
                + "\"total_cost\": \(row.outcome.totalCost.decimalString), \"voters_served\": \(row.votersServed), "
                + "\"share_served\": \(Self.fixed(row.shareOfVotersServed, places: 6)), "
                + "\"votes_for_selected\": \(row.votesForSelected), "
                + "\"cost_per_vote\": \(row.costPerVote.map { Self.fixed($0, places: 6) } ?? "null")}"
        }
        return "{\"voters\": \(rows.first?.voterCount ?? 0), \"rules\": [\(entries.joined(separator: ", "))]}"
    }

    /// `value` rounded half up to `places` decimals, from its exact value.
    static func fixed(_ value: Rational, places: Int) -> String {
        let scale = BigInt(10).power(places)
        let scaled = (value.numerator * scale * 2 + value.denominator).flooredDivision(by: value.denominator * 2)
        let digits = scaled.magnitude.description
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return (scaled.isNegative ? "-" : "") + padded[..<split] + (places > 0 ? "." + padded[split...] : "")
    }

    static func percent(_ share: Rational) -> String { fixed(share * 100, places: 1) + "%" }
}
