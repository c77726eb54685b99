/// Splits Pabulib text into rows of `;`-separated cells with standard CSV quoting (`"a;b"`,
/// `""` for a quote inside quotes), tracking the physical line each row starts on.
///
/// Cells are byte ranges into the input; nothing is copied or decoded until a caller asks.
struct SemicolonSeparatedReader {
    struct Cell {
        var start: Int
        var end: Int
        /// Whether the cell began with a quote (its bytes then need unescaping).
        var quoted: Bool
    }

    let bytes: [UInt8]
    private var position: Int
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is not content.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Reads the next row into `cells`; returns the line it started on, or `nil` at the end.
    mutating func nextRow(into cells: inout [Cell]) -> Int? {
        cells.removeAll(keepingCapacity: true)
        guard position < bytes.count else { return nil }
        let rowLine = line
        let count = bytes.count
        var cellStart = position
        var quoted = false
        var inQuotes = false
        if position < count && bytes[position] == UInt8(ascii: "\"") {
            quoted = true
            inQuotes = true
            position += 1
        }
        while position < count {
            let byte = bytes[position]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if position + 1 < count && bytes[position + 1] == UInt8(ascii: "\"") {
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
                cellStart = position
                quoted = position < count && bytes[position] == UInt8(ascii: "\"")
                if quoted {
                    inQuotes = true
                    position += 1
                }
                continue
            }
            if byte == UInt8(ascii: "\n") {
                var end = position
                if end > cellStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                cells.append(Cell(start: cellStart, end: end, quoted: quoted))
                position += 1
                line += 1
                return rowLine
            }
            position += 1
        }
        var end = count
        if end > cellStart && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        cells.append(Cell(start: cellStart, end: end, quoted: quoted))
        return rowLine
    }

    /// The cell's content with quotes removed and surrounding ASCII whitespace trimmed.
    func content(_ cell: Cell) -> ArraySlice<UInt8> {
        if !cell.quoted { return Self.trimmed(bytes[cell.start..<cell.end]) }
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

    func string(_ cell: Cell) -> String {
        String(decoding: content(cell), as: UTF8.self)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = slice.startIndex
        var end = slice.endIndex
        while start < end && isWhitespace(slice[start]) { start += 1 }
        while end > start && isWhitespace(slice[end - 1]) { end -= 1 }
        return slice[start..<end]
    }

    /// Whether the bytes spell `None` in any case: Pabulib's missing value.
    static func isNone(_ slice: ArraySlice<UInt8>) -> Bool {
        guard slice.count == 4 else { return false }
        var index = slice.startIndex
        for letter in "none".utf8 {
            guard slice[index] | 0x20 == letter else { return false }
            index += 1
        }
        return true
    }
}
