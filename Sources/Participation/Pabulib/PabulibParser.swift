#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads Pabulib `.pb` files into a ``BudgetElection``.
///
/// Follows pabutools' `parse_pabulib`: UTF-8 with an optional byte order mark; `;`-separated
/// cells with CSV quoting; blank lines skipped; sections `META`, `PROJECTS`, `VOTES` (titles in
/// any case, in that order), each followed by its header line; cells trimmed; `None` (any case)
/// is a missing value; costs, the budget and points parsed exactly, a decimal comma tolerated;
/// vote lists split on `,` with empty pieces ignored.
///
/// It is stricter than pabutools where pabutools would crash or guess: anything malformed is
/// refused with ``ParticipationError/Code/malformedPabulib`` and a message naming the line.
public enum PabulibParser {
    /// Parses a `.pb` file.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``) for a
    ///   malformed file, or when the file cannot be read.
    public static func parse(contentsOf url: URL) throws -> BudgetElection {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ParticipationError(.malformedPabulib, "Cannot read \(url.path): \(error)", field: "file")
        }
        return try parse(bytes: [UInt8](data))
    }

    /// Parses Pabulib text.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``).
    public static func parse(_ text: String) throws -> BudgetElection {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses the UTF-8 bytes of a `.pb` file.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``).
    public static func parse(bytes: [UInt8]) throws -> BudgetElection {
        var parser = PabulibDocumentParser(bytes: bytes)
        return try parser.parse()
    }
}

private struct PabulibDocumentParser {
    enum Section: Int { case none, meta, projects, votes }

    var reader: SemicolonSeparatedReader
    var cells: [SemicolonSeparatedReader.Cell] = []

    var metadata: [MetadataEntry] = []
    var metadataKeys = Set<String>()
    var kind: BallotKind?
    var budget: Rational?

    var projects: [BudgetProject] = []
    var projectIndex = ByteStringIndex(expectedCount: 64)
    var projectAttributeKeys: [String] = []
    var projectCostColumn = 0
    var projectAttributeColumns: [Int] = []

    var ballots: [BudgetBallot] = []
    var voterIDs = ByteStringIndex(expectedCount: 1024)
    var voterAttributeKeys: [String] = []
    var voteColumn = -1
    var pointsColumn = -1
    var voterAttributeColumns: [Int] = []

    init(bytes: [UInt8]) {
        reader = SemicolonSeparatedReader(bytes: bytes)
    }

    func failure(_ line: Int, _ message: String, field: String? = nil) -> ParticipationError {
        ParticipationError(.malformedPabulib, "Line \(line): \(message)", field: field)
    }

    mutating func parse() throws -> BudgetElection {
        var section = Section.none
        var expectHeader = false
        var seen: Set<Int> = []
        var lastLine = 0
        while let line = reader.nextRow(into: &cells) {
            lastLine = line
            if cells.count == 1 && reader.content(cells[0]).isEmpty { continue }
            let first = reader.content(cells[0])
            if let title = Self.sectionTitle(first) {
                guard title.rawValue > section.rawValue, !seen.contains(title.rawValue) else {
                    throw failure(line, "section \(reader.string(cells[0])) is repeated or out of order (expected META, PROJECTS, VOTES).")
                }
                if title == .votes && section != .projects {
                    throw failure(line, "VOTES comes before any PROJECTS section.")
                }
                seen.insert(title.rawValue)
                section = title
                expectHeader = true
                continue
            }
            if cells.count == 1 && first.allSatisfy({ Self.isLetter($0) }) {
                throw failure(line, "unknown section \"\(reader.string(cells[0]))\" (expected META, PROJECTS or VOTES).")
            }
            if expectHeader {
                try readHeader(section, line: line)
                expectHeader = false
                continue
            }
            switch section {
            case .none:
                throw failure(line, "content before the META section.")
            case .meta:
                try readMetadata(line: line)
            case .projects:
                try readProject(line: line)
            case .votes:
                try readVote(line: line)
            }
        }
        if expectHeader { throw failure(lastLine, "section has no header line.") }
        guard seen.contains(Section.meta.rawValue) else { throw failure(1, "the META section is missing.") }
        guard let budget else { throw failure(1, "META has no budget.", field: "budget") }
        guard seen.contains(Section.projects.rawValue) else { throw failure(lastLine, "the PROJECTS section is missing.") }
        guard seen.contains(Section.votes.rawValue), let kind else { throw failure(lastLine, "the VOTES section is missing.") }
        return BudgetElection(
            uncheckedBudget: budget, kind: kind, projects: projects, ballots: ballots, metadata: metadata,
            projectAttributeKeys: projectAttributeKeys, voterAttributeKeys: voterAttributeKeys)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func sectionTitle(_ bytes: ArraySlice<UInt8>) -> Section? {
        guard bytes.count >= 4 && bytes.count <= 8 else { return nil }
        let lowered = String(decoding: bytes.map { $0 | 0x20 }, as: UTF8.self)
        switch lowered {
        case "meta": return .meta
        case "projects": return .projects
        case "votes": return .votes
        default: return nil
        }
    }

    // MARK: Headers

    mutating func readHeader(_ section: Section, line: Int) throws {
        let names = cells.map { reader.string($0) }
        switch section {
        case .none:
            throw failure(line, "content before the META section.")
        case .meta:
            guard names.count >= 2 else { throw failure(line, "the META header needs two columns, key;value.") }
        case .projects:
            guard names.first == "project_id" else {
                throw failure(line, "the PROJECTS header must start with project_id.", field: "project_id")
            }
            guard let cost = names.firstIndex(of: "cost") else {
                throw failure(line, "the PROJECTS header has no cost column.", field: "cost")
            }
            try checkUnique(names, line: line)
            projectCostColumn = cost
            projectAttributeColumns = names.indices.filter { $0 != 0 && $0 != cost }
            projectAttributeKeys = projectAttributeColumns.map { names[$0] }
        case .votes:
            guard let kind else { throw failure(line, "META has no vote_type.", field: "vote_type") }
            guard names.first == "voter_id" else {
                throw failure(line, "the VOTES header must start with voter_id.", field: "voter_id")
            }
            guard let vote = names.firstIndex(of: "vote") else {
                throw failure(line, "the VOTES header has no vote column.", field: "vote")
            }
            try checkUnique(names, line: line)
            voteColumn = vote
            pointsColumn = names.firstIndex(of: "points") ?? -1
            if kind.hasPoints && pointsColumn < 0 {
                throw failure(line, "the VOTES header has no points column, required for \(kind.rawValue) ballots.", field: "points")
            }
            voterAttributeColumns = names.indices.filter { $0 != 0 && $0 != vote && $0 != pointsColumn }
            voterAttributeKeys = voterAttributeColumns.map { names[$0] }
        }
    }

    func checkUnique(_ names: [String], line: Int) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw failure(line, "column \(name) appears twice in the header.", field: name)
        }
    }

    // MARK: META

    mutating func readMetadata(line: Int) throws {
        guard cells.count >= 2 else { throw failure(line, "a META line needs a key and a value.") }
        let key = reader.string(cells[0])
        let value = reader.string(cells[1])
        guard metadataKeys.insert(key).inserted else { throw failure(line, "META key \(key) appears twice.", field: key) }
        metadata.append(MetadataEntry(key: key, value: value))
        switch key {
        case "budget":
            guard let parsed = Rational(decimal: value), !parsed.isNegative else {
                throw failure(line, "the budget \"\(value)\" is not a non-negative number.", field: "budget")
            }
            budget = parsed
        case "num_votes":
            if let expected = Int(value), expected > 0, expected < 50_000_000 {
                voterIDs = ByteStringIndex(expectedCount: expected)
                ballots.reserveCapacity(expected)
            }
        case "vote_type":
            guard let parsed = BallotKind(rawValue: value.lowercased()) else {
                throw failure(line, "unknown vote_type \"\(value)\" (expected approval, choose-1, cumulative, scoring or ordinal).", field: "vote_type")
            }
            kind = parsed
        default:
            break
        }
    }

    // MARK: PROJECTS

    func optionalString(_ column: Int) -> String? {
        guard column < cells.count else { return nil }
        let content = reader.content(cells[column])
        if SemicolonSeparatedReader.isNone(content) { return nil }
        return String(decoding: content, as: UTF8.self)
    }

    mutating func readProject(line: Int) throws {
        let columnCount = projectAttributeColumns.count + 2
        guard cells.count <= columnCount else {
            throw failure(line, "the project line has \(cells.count) cells for \(columnCount) header columns.")
        }
        let idBytes = reader.content(cells[0])
        guard !idBytes.isEmpty, !SemicolonSeparatedReader.isNone(idBytes) else {
            throw failure(line, "the project has no project_id.", field: "project_id")
        }
        let id = String(decoding: idBytes, as: UTF8.self)
        guard let costText = optionalString(projectCostColumn) else {
            throw failure(line, "project \(id) has no cost.", field: "cost")
        }
        guard let cost = Rational(decimal: costText), !cost.isNegative else {
            throw failure(line, "project \(id) has cost \"\(costText)\", not a non-negative number.", field: "cost")
        }
        guard projectIndex.insert(idBytes, value: projects.count) else {
            throw failure(line, "project id \(id) appears twice.", field: "project_id")
        }
        projects.append(BudgetProject(id: id, cost: cost, attributes: projectAttributeColumns.map(optionalString)))
    }

    // MARK: VOTES

    mutating func readVote(line: Int) throws {
        // The header was read, so `kind` is set.
        let kind = self.kind ?? .approval
        let columnCount = voterAttributeColumns.count + (pointsColumn >= 0 ? 3 : 2)
        guard cells.count <= columnCount else {
            throw failure(line, "the vote line has \(cells.count) cells for \(columnCount) header columns.")
        }
        let voterBytes = reader.content(cells[0])
        let voterID = String(decoding: voterBytes, as: UTF8.self)
        guard !voterID.isEmpty else { throw failure(line, "the vote has no voter_id.", field: "voter_id") }
        guard voterIDs.insert(voterBytes, value: ballots.count) else {
            throw failure(line, "voter id \(voterID) appears twice.", field: "voter_id")
        }
        var chosen: [Int] = []
        if voteColumn < cells.count {
            let vote = reader.content(cells[voteColumn])
            if !SemicolonSeparatedReader.isNone(vote) {
                var pieceStart = vote.startIndex
                while pieceStart <= vote.endIndex {
                    var pieceEnd = pieceStart
                    while pieceEnd < vote.endIndex && vote[pieceEnd] != UInt8(ascii: ",") { pieceEnd += 1 }
                    let name = SemicolonSeparatedReader.trimmed(vote[pieceStart..<pieceEnd])
                    pieceStart = pieceEnd + 1
                    if name.isEmpty { continue }
                    guard let project = projectIndex.value(for: name) else {
                        throw failure(line, "voter \(voterID) votes for unknown project \"\(String(decoding: name, as: UTF8.self))\".", field: "vote")
                    }
                    chosen.append(project)
                }
            }
        }
        var points: [Rational] = []
        if kind.hasPoints {
            let text = pointsColumn < cells.count ? reader.content(cells[pointsColumn]) : []
            if text.isEmpty || SemicolonSeparatedReader.isNone(text) {
                // pabutools reads a ballot without points as empty.
                chosen = []
            } else {
                for piece in text.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    guard let value = Rational.parseDecimal(SemicolonSeparatedReader.trimmed(piece)) else {
                        throw failure(line, "voter \(voterID) has points \"\(String(decoding: text, as: UTF8.self))\" that are not numbers.", field: "points")
                    }
                    points.append(value)
                }
                guard points.count == chosen.count else {
                    throw failure(line, "voter \(voterID) gives \(points.count) points for \(chosen.count) projects.", field: "points")
                }
            }
        }
        ballots.append(BudgetBallot(voterID: voterID, projects: chosen, points: points, attributes: voterAttributeColumns.map(optionalString)))
    }
}
