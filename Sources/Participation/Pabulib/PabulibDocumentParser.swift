/// The checks and the reading of a `.pb` document, written once for both ``PabulibParser``
/// outputs: what becomes of each VOTES row is the `Ballots` sink.
///
/// A VOTES row is read in place: the voter id and the vote list are byte ranges of the input,
/// project ids are matched by ``ProjectIdentifierIndex``, the listed indices and points go to
/// buffers reused from row to row, and the other cells are only turned into strings if the sink
/// asks for them.
struct PabulibDocumentParser<Ballots: PabulibBallotSink> {
    enum Section: Int { case none, meta, projects, votes }

    var reader: SemicolonSeparatedReader
    var cells: [SemicolonSeparatedReader.Cell] = []
    var ballots: Ballots

    var metadata: [MetadataEntry] = []
    var metadataKeys = Set<String>()
    var kind: BallotKind?
    var budget: Rational?
    var expectedVoterCount = 0

    var projects: [BudgetProject] = []
    var projectIndex = ProjectIdentifierIndex()
    var projectAttributeKeys: [String] = []
    var projectCostColumn = 0
    var projectAttributeColumns: [Int] = []

    var voterIDs: VoterIdentifierSet
    var voterAttributeKeys: [String] = []
    var voteColumn = -1
    var pointsColumn = -1
    var voterAttributeColumns: [Int] = []
    /// Whether VOTES rows may be tried by ``readPlainVote()`` first: for a sink that wants only
    /// the ballots, when the vote is the second column and there are no points to read.
    var fastVotes = false
    /// How many cells of a row are kept as ranges: all of them, but in VOTES only those up to
    /// the vote and points when the sink does not want the other columns.
    var keptCells = Int.max
    /// One row's listed projects (`listed[0 ..< listedCount]`) and points, reused.
    var listed: [Int32] = []
    var listedCount = 0
    var points: [Rational] = []

    init(bytes: UnsafeBufferPointer<UInt8>, ballots: Ballots) {
        reader = SemicolonSeparatedReader(bytes: bytes)
        voterIDs = VoterIdentifierSet(input: bytes, expectedCount: 0)
        self.ballots = ballots
        cells.reserveCapacity(16)
    }

    func failure(_ line: Int, _ message: String, field: String? = nil) -> ParticipationError {
        ParticipationError(.malformedPabulib, "Line \(line): \(message)", field: field)
    }

    /// What the first cell of a row says about the row.
    enum Lead { case blank, title(Section), word, other }

    func lead() -> Lead {
        let single = reader.rowCellCount == 1
        return reader.withContent(cells[0]) { first in
            if first.isEmpty { return single ? .blank : .other }
            // Titles and section names start with a letter; voter ids mostly do not.
            guard SemicolonSeparatedReader.isLetter(first[0]) else { return .other }
            if let title = Self.sectionTitle(first) { return .title(title) }
            return single && first.allSatisfy(SemicolonSeparatedReader.isLetter) ? .word : .other
        }
    }

    mutating func parse() throws {
        var section = Section.none
        var expectHeader = false
        var seen: Set<Int> = []
        var lastLine = 0
        while true {
            if section == .votes && !expectHeader && fastVotes, let line = readPlainVote() {
                lastLine = line
                continue
            }
            guard let line = reader.nextRow(into: &cells, keeping: keptCells) else { break }
            lastLine = line
            switch lead() {
            case .blank:
                continue
            case .title(let title):
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
            case .word:
                throw failure(line, "unknown section \"\(reader.string(cells[0]))\" (expected META, PROJECTS or VOTES).")
            case .other:
                break
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
        guard budget != nil else { throw failure(1, "META has no budget.", field: "budget") }
        guard seen.contains(Section.projects.rawValue) else { throw failure(lastLine, "the PROJECTS section is missing.") }
        guard seen.contains(Section.votes.rawValue), kind != nil else { throw failure(lastLine, "the VOTES section is missing.") }
    }

    static func sectionTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> Section? {
        func spells(_ word: StaticString) -> Bool {
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            for index in 0..<bytes.count where bytes[index] | 0x20 != word.utf8Start[index] { return false }
            return true
        }
        guard bytes.count >= 4 && bytes.count <= 8 else { return nil }
        if spells("meta") { return .meta }
        if spells("projects") { return .projects }
        if spells("votes") { return .votes }
        return nil
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
            voterIDs = VoterIdentifierSet(input: reader.bytes, expectedCount: expectedVoterCount)
            if !Ballots.keepsVoterDetails { keptCells = max(voteColumn, pointsColumn) + 1 }
            fastVotes = !Ballots.keepsVoterDetails && voteColumn == 1 && !kind.hasPoints
            // A missing budget is reported once the document is read.
            ballots.begin(budget: budget ?? .zero, kind: kind, projects: projects, expectedCount: expectedVoterCount)
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
            if let expected = Int(value), expected > 0, expected < 50_000_000 { expectedVoterCount = expected }
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

    func optionalString(_ column: Int) -> String? { reader.optionalString(cells, column) }

    mutating func readProject(line: Int) throws {
        let columnCount = projectAttributeColumns.count + 2
        guard cells.count <= columnCount else {
            throw failure(line, "the project line has \(cells.count) cells for \(columnCount) header columns.")
        }
        let id = reader.string(cells[0])
        guard !id.isEmpty, !SemicolonSeparatedReader.isNone(id.utf8) else {
            throw failure(line, "the project has no project_id.", field: "project_id")
        }
        guard let costText = optionalString(projectCostColumn) else {
            throw failure(line, "project \(id) has no cost.", field: "cost")
        }
        guard let cost = Rational(decimal: costText), !cost.isNegative else {
            throw failure(line, "project \(id) has cost \"\(costText)\", not a non-negative number.", field: "cost")
        }
        let index = projects.count
        guard Array(id.utf8).withUnsafeBufferPointer({ projectIndex.insert($0, value: index) }) else {
            throw failure(line, "project id \(id) appears twice.", field: "project_id")
        }
        projects.append(BudgetProject(id: id, cost: cost, attributes: projectAttributeColumns.map(optionalString)))
    }

    // MARK: VOTES

    mutating func readVote(line: Int) throws {
        // The header was read, so `kind` is set.
        let kind = self.kind ?? .approval
        let columnCount = voterAttributeColumns.count + (pointsColumn >= 0 ? 3 : 2)
        guard reader.rowCellCount <= columnCount else {
            throw failure(line, "the vote line has \(reader.rowCellCount) cells for \(columnCount) header columns.")
        }
        // A local copy of the reader (no reference inside), so that reading the row never
        // overlaps the parser's own mutations.
        let reader = self.reader
        let voterCell = cells[0]
        try reader.withContent(voterCell) { voterID in
            guard !voterID.isEmpty else { throw failure(line, "the vote has no voter_id.", field: "voter_id") }
            guard voterIDs.insert(voterID) else {
                throw failure(line, "voter id \(String(decoding: voterID, as: UTF8.self)) appears twice.", field: "voter_id")
            }
        }
        listedCount = 0
        if !points.isEmpty { points.removeAll(keepingCapacity: true) }
        if voteColumn < cells.count {
            let voteCell = cells[voteColumn]
            try reader.withContent(voteCell) { vote in
                // An unquoted cell lies in the input, which may be read to its end.
                let readable = voteCell.quoted ? vote.count : reader.bytes.count - reader.trimmedRange(voteCell).lowerBound
                if !SemicolonSeparatedReader.isNone(vote) { try readVoteList(vote, readable: readable, line: line) }
            }
        }
        if kind.hasPoints {
            let written = pointsColumn < cells.count
                && reader.withContent(cells[pointsColumn]) { !$0.isEmpty && !SemicolonSeparatedReader.isNone($0) }
            if written {
                let pointsCell = cells[pointsColumn]
                try reader.withContent(pointsCell) { try readPoints($0, line: line) }
            } else {
                // pabutools reads a ballot without points as empty.
                listedCount = 0
            }
        }
        if Ballots.keepsVoterDetails {
            let voterID = reader.string(voterCell)
            let attributes = voterAttributeColumns.map { reader.optionalString(cells, $0) }
            ballots.add(voterID: voterID, listed: listed, count: listedCount, points: points, attributes: attributes)
        } else {
            ballots.add(voterID: "", listed: listed, count: listedCount, points: points, attributes: [])
        }
    }

    /// Reads the next VOTES row if it is plain — unquoted voter id and vote list, no whitespace
    /// to trim, project ids of at most 8 bytes all known, no more cells than the header, a voter
    /// id not seen before — and returns its line; otherwise leaves the reader where it was and
    /// returns `nil`, and the row is read by the general path, which takes every decision and
    /// words every error. What this accepts, the general path would read the same way.
    mutating func readPlainVote() -> Int? {
        let mark = reader.mark
        let input = reader.bytes
        guard let base = input.baseAddress, mark.position + 16 <= input.count else { return nil }
        let count = input.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word | lows) }
        @inline(__always) func blankBytes(_ word: UInt64) -> UInt64 {
            // Bytes below 0x21 (whitespace, control): their high bit is clear and stays clear
            // after adding 0x5F to the low seven bits; exact for every byte below 0x80.
            ~(((word & lows) &+ (ones &* 0x5F)) | word) & ~lows
        }
        // The voter id: up to the first `;`.
        let idStart = mark.position
        guard base[idStart] > 0x20, base[idStart] != UInt8(ascii: "\"") else { return nil }
        let idEnd = SemicolonSeparatedReader.nextSpecial(base, from: idStart, count: count)
        guard idEnd < count, base[idEnd] == UInt8(ascii: ";"), base[idEnd - 1] > 0x20 else { return nil }
        let id = UnsafeBufferPointer(start: base + idStart, count: idEnd - idStart)
        if Self.sectionTitle(id) != nil { return nil }
        // The vote list: pieces of at most 8 bytes, found and packed with one load each.
        if listed.count < 64 { listed = [Int32](repeating: 0, count: 64) }
        var position = idEnd + 1
        var cellCount = 2
        let found: Int? = listed.withUnsafeMutableBufferPointer { listed in
            var found = 0
            while true {
                guard position + 8 <= count, found < listed.count else { return nil }
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let ends = zeroBytes(word ^ (ones &* 0x2C)) | zeroBytes(word ^ (ones &* 0x3B))
                    | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x22))
                let length = ends.trailingZeroBitCount / 8
                guard length < 8, blankBytes(word).trailingZeroBitCount / 8 >= length else { return nil }
                let end = base[position + length]
                guard end != UInt8(ascii: "\"") else { return nil }
                if length > 0 {
                    let key = word & ((1 << UInt64(8 * length)) &- 1)
                    guard let project = projectIndex.index(packed: key, length: length) else { return nil }
                    listed[found] = Int32(truncatingIfNeeded: project)
                    found += 1
                }
                position += length + 1
                if end == UInt8(ascii: ",") { continue }
                if end == UInt8(ascii: ";") { cellCount += reader.finishRow(fromCellAt: position) } else { reader.finishRow(atNewlineBefore: position) }
                return found
            }
        }
        let columnCount = voterAttributeColumns.count + (pointsColumn >= 0 ? 3 : 2)
        guard let found, cellCount <= columnCount, voterIDs.insert(id) else {
            reader.rewind(to: mark)
            return nil
        }
        listedCount = found
        ballots.add(voterID: "", listed: listed, count: found, points: points, attributes: [])
        return mark.line
    }

    /// Splits a vote list on commas (pieces trimmed, empty ones ignored) into `listed`.
    ///
    /// `readable` bytes may be read from the list's start (the rest of the input: at least
    /// `vote.count`). A piece of at most 8 plain bytes is found and packed with one 8-byte load
    /// where that stays readable, else byte by byte, and looked up at once; a piece with
    /// whitespace or a longer one takes the general path.
    mutating func readVoteList(_ vote: UnsafeBufferPointer<UInt8>, readable: Int, line: Int) throws {
        let count = vote.count
        let capacity = count / 2 + 1
        if listed.count < capacity { listed = [Int32](repeating: 0, count: max(capacity, listed.count * 2)) }
        guard let base = vote.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var found = 0
        let unknown: UnsafeBufferPointer<UInt8>? = listed.withUnsafeMutableBufferPointer { listed in
            var position = 0
            while position <= count {
                let start = position
                var key: UInt64 = 0
                var length: Int
                var plain = true
                if position + 8 <= readable {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                    let commas = word ^ (ones &* 0x2C)
                    // The lowest flagged byte of each mask is exact (borrows only run upwards).
                    let comma = ((commas &- ones) & ~commas & highs).trailingZeroBitCount / 8
                    length = min(comma, count - position)
                    let blank = ((word &- ones &* 0x21) & ~word & highs).trailingZeroBitCount / 8
                    plain = blank >= length
                    if length < 8 {
                        key = word & ((1 << UInt64(8 * length)) &- 1)
                    } else if count - position == 8 || comma == 8 && position + 8 < count && base[position + 8] == UInt8(ascii: ",") {
                        key = word
                    } else {
                        while position + length < count && base[position + length] != UInt8(ascii: ",") { length += 1 }
                        plain = false
                    }
                } else {
                    while position < count {
                        let byte = base[position]
                        if byte == UInt8(ascii: ",") { break }
                        let offset = position - start
                        if offset < 8 { key |= UInt64(byte) << UInt64(8 * offset) }
                        // Whitespace and control bytes: the piece may need trimming.
                        if byte <= 0x20 { plain = false }
                        position += 1
                    }
                    length = position - start
                }
                position = start + length + 1
                var project: Int?
                if plain && length <= 8 {
                    if length == 0 { continue }
                    project = projectIndex.index(packed: key, length: length)
                } else {
                    let name = SemicolonSeparatedReader.trimmed(vote[start..<(start + length)])
                    if name.isEmpty { continue }
                    project = projectIndex.index(of: UnsafeBufferPointer(rebasing: name))
                }
                guard let project else {
                    return UnsafeBufferPointer(rebasing: SemicolonSeparatedReader.trimmed(vote[start..<(start + length)]))
                }
                listed[found] = Int32(truncatingIfNeeded: project)
                found += 1
            }
            return nil
        }
        listedCount = found
        if let unknown {
            let voterID = reader.string(cells[0])
            throw failure(line, "voter \(voterID) votes for unknown project \"\(String(decoding: unknown, as: UTF8.self))\".", field: "vote")
        }
    }

    /// Reads the points list into `points`; it must pair with `listed`.
    mutating func readPoints(_ text: UnsafeBufferPointer<UInt8>, line: Int) throws {
        var pieceStart = 0
        let count = text.count
        while pieceStart <= count {
            var pieceEnd = pieceStart
            while pieceEnd < count && text[pieceEnd] != UInt8(ascii: ",") { pieceEnd += 1 }
            let piece = SemicolonSeparatedReader.trimmed(text[pieceStart..<pieceEnd])
            pieceStart = pieceEnd + 1
            guard let value = Rational.parseDecimal(piece) else {
                let voterID = reader.string(cells[0])
                throw failure(line, "voter \(voterID) has points \"\(String(decoding: text, as: UTF8.self))\" that are not numbers.", field: "points")
            }
            points.append(value)
        }
        guard points.count == listedCount else {
            let voterID = reader.string(cells[0])
            throw failure(line, "voter \(voterID) gives \(points.count) points for \(listedCount) projects.", field: "points")
        }
    }
}
