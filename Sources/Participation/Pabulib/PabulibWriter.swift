/// Writes a ``BudgetElection`` as Pabulib `.pb` text that ``PabulibParser`` reads back to an
/// equal election.
///
/// META lines are written as stored, except that `budget` and `vote_type` are rewritten when
/// they no longer agree with ``BudgetElection/budget`` and ``BudgetElection/kind``, and added
/// when missing; nothing else is invented, so import → export → import is the identity. Cells
/// are quoted only when they contain `;`, `"` or a line break.
public enum PabulibWriter {
    /// The file text.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/unrepresentableInPabulib``)
    ///   when a project id contains a comma (vote lists could not be read back), a number has no
    ///   finite decimal expansion, or an id is empty.
    public static func text(of election: BudgetElection) throws -> String {
        var output = "META\nkey;value\n"
        var written = Set<String>()
        for entry in election.metadata {
            var value = entry.value
            if entry.key == "budget" && Rational(decimal: value) != election.budget {
                value = try decimal(election.budget, field: "budget")
            }
            if entry.key == "vote_type" && BallotKind(rawValue: value.lowercased()) != election.kind {
                value = election.kind.rawValue
            }
            written.insert(entry.key)
            output += row([entry.key, value])
        }
        if !written.contains("budget") { output += row(["budget", try decimal(election.budget, field: "budget")]) }
        if !written.contains("vote_type") { output += row(["vote_type", election.kind.rawValue]) }

        output += "PROJECTS\n" + row(["project_id", "cost"] + election.projectAttributeKeys)
        for project in election.projects {
            guard !project.id.isEmpty, !project.id.contains(",") else {
                throw ParticipationError(
                    .unrepresentableInPabulib, "Project id \"\(project.id)\" is empty or contains a comma.", field: "project_id")
            }
            output += row([project.id, try decimal(project.cost, field: "cost")] + project.attributes.map { $0 ?? "None" })
        }

        let hasPoints = election.kind.hasPoints
        output += "VOTES\n" + row(["voter_id", "vote"] + (hasPoints ? ["points"] : []) + election.voterAttributeKeys)
        for ballot in election.ballots {
            guard !ballot.voterID.isEmpty else {
                throw ParticipationError(.unrepresentableInPabulib, "A ballot has an empty voter id.", field: "voter_id")
            }
            var cells = [ballot.voterID, ballot.projects.map { election.projects[$0].id }.joined(separator: ",")]
            if hasPoints { cells.append(try ballot.points.map { try decimal($0, field: "points") }.joined(separator: ",")) }
            cells += ballot.attributes.map { $0 ?? "None" }
            output += row(cells)
        }
        return output
    }

    private static func decimal(_ value: Rational, field: String) throws -> String {
        let text = value.decimalString
        guard !text.contains("/") else {
            throw ParticipationError(.unrepresentableInPabulib, "\(value) has no finite decimal expansion.", field: field)
        }
        return text
    }

    private static func row(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ";") + "\n"
    }

    private static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.contains { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
