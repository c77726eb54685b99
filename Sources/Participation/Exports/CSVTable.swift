/// A table written as CSV the way RFC 4180 describes and spreadsheets open cleanly: UTF-8,
/// a header row, CRLF line ends, and every field in double quotes with inner quotes doubled,
/// so commas, semicolons (the French Excel separator), quotes and line breaks inside fields
/// never split a cell.
public struct CSVTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]

    /// A table; every row should have as many fields as the header.
    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text.
    public var text: String {
        ([header] + rows).map { row in row.map(Self.quoted).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The CSV as UTF-8 bytes, preceded by the byte-order mark when `byteOrderMark` is true
    /// (it makes Excel read the file as UTF-8 rather than Windows-1252).
    public func utf8(byteOrderMark: Bool = true) -> [UInt8] {
        (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// `field` in double quotes, inner double quotes doubled.
    public static func quoted(_ field: String) -> String {
        var text = "\""
        for character in field {
            text.append(character)
            if character == "\"" { text.append("\"") }
        }
        return text + "\""
    }

    /// Parses CSV text written by ``text`` (quoted or bare fields, CRLF or LF) back into rows.
    /// Used by tests and by importers; refuses an unterminated quote.
    public static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let value = pending {
                pending = nil
                return value
            }
            return scalars.next()
        }
        while let scalar = next() {
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else {
                            inQuotes = false
                            pending = following
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        guard !inQuotes else { throw ParticipationError.invalid("csv", "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
