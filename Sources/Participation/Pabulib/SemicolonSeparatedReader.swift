/// Splits Pabulib text into rows of `;`-separated cells with standard CSV quoting (`"a;b"`,
/// `""` for a quote inside quotes), tracking the physical line each row starts on.
///
/// Cells are byte ranges into the input; nothing is copied or decoded until a caller asks. The
/// input is borrowed: a reader lives inside the `withUnsafeBufferPointer` call that lent it.
struct SemicolonSeparatedReader {
    struct Cell {
        var start: Int
        var end: Int
        /// Whether the cell began with a quote (its bytes then need unescaping).
        var quoted: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private var line = 1
    /// The number of cells of the row ``nextRow(into:keeping:)`` read last, kept or not.
    private(set) var rowCellCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark is not content.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The position of the first `\n`, `"` or `;` (the bytes that end a cell or change the
    /// quoting state) at or after `position`, or `count`. Eight bytes at a time: in a word, a
    /// byte equal to one of them becomes zero after an exclusive or, and the lowest zero byte of
    /// a word is found exactly by the borrow trick (higher ones may be false alarms, never read).
    @inline(__always)
    static func nextSpecial(_ base: UnsafePointer<UInt8>, from position: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = position
        while position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let newline = word ^ (ones &* 0x0A)
            let quote = word ^ (ones &* 0x22)
            let semicolon = word ^ (ones &* 0x3B)
            let zeros = ((newline &- ones) & ~newline) | ((quote &- ones) & ~quote) | ((semicolon &- ones) & ~semicolon)
            let found = zeros & highs
            if found != 0 { return position + found.trailingZeroBitCount / 8 }
            position += 8
        }
        while position < count {
            let byte = base[position]
            if byte == 0x0A || byte == 0x22 || byte == 0x3B { return position }
            position += 1
        }
        return count
    }

    /// Reads the next row: its first `keeping` cells into `cells`, the others only counted
    /// (``rowCellCount`` is the row's number of cells). Returns the line the row started on, or
    /// `nil` at the end.
    mutating func nextRow(into cells: inout [Cell], keeping: Int = .max) -> Int? {
        cells.removeAll(keepingCapacity: true)
        let count = bytes.count
        guard position < count, let base = bytes.baseAddress else { return nil }
        let rowLine = line
        var position = self.position
        defer { self.position = position }
        var cellStart = position
        var quoted = false
        var inQuotes = false
        if base[position] == UInt8(ascii: "\"") {
            quoted = true
            inQuotes = true
            position += 1
        }
        while true {
            position = Self.nextSpecial(base, from: position, count: count)
            guard position < count else { break }
            let byte = base[position]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < count && base[position + 1] == UInt8(ascii: "\"") {
                        position += 2
                        continue
                    }
                    inQuotes = false
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                }
                position += 1
                continue
            }
            if byte == UInt8(ascii: ";") {
                cells.append(Cell(start: cellStart, end: position, quoted: quoted))
                position += 1
                if cells.count == keeping {
                    rowCellCount = keeping + countCells(base, from: &position, count: count)
                    return rowLine
                }
                cellStart = position
                quoted = position < count && base[position] == UInt8(ascii: "\"")
                if quoted {
                    inQuotes = true
                    position += 1
                }
                continue
            }
            if byte == UInt8(ascii: "\n") {
                var end = position
                if end > cellStart && base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                cells.append(Cell(start: cellStart, end: end, quoted: quoted))
                position += 1
                line += 1
                rowCellCount = cells.count
                return rowLine
            }
            // A quote inside an unquoted cell is content.
            position += 1
        }
        var end = count
        if end > cellStart && base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        cells.append(Cell(start: cellStart, end: end, quoted: quoted))
        rowCellCount = cells.count
        return rowLine
    }

    /// Where the reader stands: the next row's first byte and line.
    var mark: (position: Int, line: Int) { (position, line) }

    /// Goes back to a mark, to read a row again.
    mutating func rewind(to mark: (position: Int, line: Int)) {
        position = mark.position
        line = mark.line
    }

    /// Finishes the current row from `start`, the first byte of one of its cells: returns how many
    /// cells remain, and moves past the row.
    mutating func finishRow(fromCellAt start: Int) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var position = start
        let cells = countCells(base, from: &position, count: bytes.count)
        self.position = position
        return cells
    }

    /// Finishes the current row whose newline is the byte before `next`.
    mutating func finishRow(atNewlineBefore next: Int) {
        position = next
        line += 1
    }

    /// The number of cells in the rest of a row, from a cell's start to the end of the row (read
    /// past it). Eight bytes at a time while no quote shows: the semicolons before the first
    /// newline are counted from an exact zero-byte mask; a quote hands over to the byte-by-byte
    /// rules of ``nextRow(into:keeping:)``.
    private mutating func countCells(_ base: UnsafePointer<UInt8>, from position: inout Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & lows) &+ lows) | word | lows) }
        var cellsFound = 1
        if position < count && base[position] != UInt8(ascii: "\"") {
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let stops = zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x22))
                let semicolons = zeroBytes(word ^ (ones &* 0x3B))
                if stops == 0 {
                    cellsFound += semicolons.nonzeroBitCount
                    position += 8
                    continue
                }
                let first = stops.trailingZeroBitCount
                cellsFound += (semicolons & ((1 << UInt64(first)) &- 1)).nonzeroBitCount
                position += first / 8
                if base[position] == UInt8(ascii: "\n") {
                    position += 1
                    line += 1
                    return cellsFound
                }
                break
            }
        }
        // Byte by byte: the rest of the row, or a quote, or the last few bytes of the input.
        var atCellStart = position < count && (base[position - 1] == UInt8(ascii: ";"))
        var inQuotes = false
        while position < count {
            let byte = base[position]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < count && base[position + 1] == UInt8(ascii: "\"") {
                        position += 2
                        continue
                    }
                    inQuotes = false
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                }
                position += 1
                continue
            }
            if atCellStart && byte == UInt8(ascii: "\"") {
                inQuotes = true
                atCellStart = false
                position += 1
                continue
            }
            atCellStart = false
            position += 1
            if byte == UInt8(ascii: ";") {
                cellsFound += 1
                atCellStart = true
            } else if byte == UInt8(ascii: "\n") {
                line += 1
                return cellsFound
            }
        }
        return cellsFound
    }

    /// The bytes of an unquoted cell with surrounding ASCII whitespace trimmed, in place.
    func trimmedRange(_ cell: Cell) -> Range<Int> {
        var start = cell.start
        var end = cell.end
        while start < end && Self.isWhitespace(bytes[start]) { start += 1 }
        while end > start && Self.isWhitespace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The cell's content with quotes removed and surrounding ASCII whitespace trimmed (a copy).
    func content(_ cell: Cell) -> ArraySlice<UInt8> {
        if !cell.quoted { return Array(bytes[trimmedRange(cell)])[...] }
        var output: [UInt8] = []
        var index = cell.start + 1
        var inQuotes = true
        while index < cell.end {
            let byte = bytes[index]
            if inQuotes && byte == UInt8(ascii: "\"") {
                if index + 1 < cell.end && bytes[index + 1] == UInt8(ascii: "\"") {
                    output.append(byte)
                    index += 2
                    continue
                }
                inQuotes = false
                index += 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return Self.trimmed(output[...])
    }

    /// Calls `body` with the cell's content (quotes removed, whitespace trimmed): the input's own
    /// bytes for an unquoted cell, a copy only for a quoted one.
    @inline(__always)
    func withContent<Result>(_ cell: Cell, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if !cell.quoted { return try body(UnsafeBufferPointer(rebasing: bytes[trimmedRange(cell)])) }
        return try Array(content(cell)).withUnsafeBufferPointer(body)
    }

    func string(_ cell: Cell) -> String {
        if !cell.quoted { return String(decoding: UnsafeBufferPointer(rebasing: bytes[trimmedRange(cell)]), as: UTF8.self) }
        return String(decoding: content(cell), as: UTF8.self)
    }

    /// The content of `cells[column]` as a string, or `nil` when the row has no such cell or it
    /// reads `None`.
    func optionalString(_ cells: [Cell], _ column: Int) -> String? {
        guard column < cells.count else { return nil }
        return withContent(cells[column]) { content in
            Self.isNone(content) ? nil : String(decoding: content, as: UTF8.self)
        }
    }

    /// Whether the cell is empty once trimmed.
    func isEmpty(_ cell: Cell) -> Bool {
        cell.quoted ? content(cell).isEmpty : trimmedRange(cell).isEmpty
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// An ASCII letter or `_`: a one-cell row made of these alone names a section.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func trimmed<Bytes: Collection>(_ slice: Bytes) -> Bytes.SubSequence where Bytes.Element == UInt8 {
        var start = slice.startIndex
        var end = slice.endIndex
        while start < end && isWhitespace(slice[start]) { start = slice.index(after: start) }
        while end > start {
            let before = slice.index(end, offsetBy: -1)
            guard isWhitespace(slice[before]) else { break }
            end = before
        }
        return slice[start..<end]
    }

    /// Whether the bytes spell `None` in any case: Pabulib's missing value.
    static func isNone<Bytes: Collection>(_ slice: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard slice.count == 4 else { return false }
        var index = slice.startIndex
        for letter in "none".utf8 {
            guard slice[index] | 0x20 == letter else { return false }
            index = slice.index(after: index)
        }
        return true
    }
}
