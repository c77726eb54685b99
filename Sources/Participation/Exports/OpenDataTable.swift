/// A column of an open-data table, as the column dictionary describes it.
public struct OpenDataColumn: Hashable, Sendable, Codable {
    public let name: String
    /// `text`, `integer` (cents for money), `boolean`, `date` (ISO 8601 UTC), `id`,
    /// `pseudonym` or `list` (values joined by `|`).
    public let type: String
    public let description: String

    public init(_ name: String, _ type: String, _ description: String) {
        self.name = name
        self.type = type
        self.description = description
    }
}

/// One table of an open-data export: written as `<name>.csv` and as a member of the JSON file.
public struct OpenDataTable: Hashable, Sendable, Encodable {
    /// The file name without extension ("propositions").
    public let name: String
    public let description: String
    public let columns: [OpenDataColumn]
    /// The rows, each with one value per column.
    public let rows: [[OpenDataValue]]

    public init(name: String, description: String, columns: [OpenDataColumn], rows: [[OpenDataValue]]) {
        self.name = name
        self.description = description
        self.columns = columns
        self.rows = rows
    }

    /// The table as CSV.
    public var csv: CSVTable { CSVTable(header: columns.map(\.name), rows: rows.map { $0.map(\.csvField) }) }

    /// The values of column `name`, in row order (handy for checks).
    public func column(_ name: String) -> [OpenDataValue] {
        guard let index = columns.firstIndex(where: { $0.name == name }) else { return [] }
        return rows.map { $0[index] }
    }

    private enum CodingKeys: String, CodingKey { case name, description, columns, rows }

    /// JSON: the rows as objects keyed by column name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(columns, forKey: .columns)
        let objects = rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), row))
        }
        try container.encode(objects, forKey: .rows)
    }
}
