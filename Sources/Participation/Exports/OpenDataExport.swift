#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The open-data export of one process: tables with no personal data, as CSV files, one
/// JSON document, and a column dictionary. See `Docs/OPEN-DATA.md`.
public struct OpenDataExport: Hashable, Sendable, Encodable {
    /// The smallest group whose size an aggregate table shows; smaller cells are suppressed.
    public static let defaultMinimumGroupSize = 10

    public let tenantID: TenantID
    public let processID: ProcessID
    public let processTitle: String
    public let generatedAt: Date
    public let minimumGroupSize: Int
    /// The data tables, in a fixed order.
    public let tables: [OpenDataTable]

    public init(
        tenantID: TenantID, processID: ProcessID, processTitle: String, generatedAt: Date, minimumGroupSize: Int,
        tables: [OpenDataTable]
    ) {
        self.tenantID = tenantID
        self.processID = processID
        self.processTitle = processTitle
        self.generatedAt = generatedAt
        self.minimumGroupSize = minimumGroupSize
        self.tables = tables
    }

    /// The table named `name`, if the export has it.
    public func table(_ name: String) -> OpenDataTable? { tables.first { $0.name == name } }

    /// The column dictionary: one row per column of every table.
    public var columnDictionary: OpenDataTable {
        OpenDataTable(
            name: "columns", description: "What every column of every file means.",
            columns: [
                OpenDataColumn("file", "text", "The CSV file the column belongs to."),
                OpenDataColumn("column", "text", "The column's name, as in the file's header row."),
                OpenDataColumn("type", "text", "text, integer (money in euro cents), boolean, date (ISO 8601, UTC), id, pseudonym or list (values joined by |)."),
                OpenDataColumn("description", "text", "What the column holds."),
            ],
            rows: tables.flatMap { table in
                table.columns.map { [.text("\(table.name).csv"), .text($0.name), .text($0.type), .text($0.description)] }
            })
    }

    /// Every file of the export by name: one CSV per table (UTF-8 with a byte-order mark),
    /// `columns.csv`, and `open-data.json` (canonical JSON holding the same tables).
    public func files() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for table in tables + [columnDictionary] { files["\(table.name).csv"] = table.csv.utf8() }
        files["open-data.json"] = try CanonicalJSONEncoder().encode(self)
        return files
    }

    private enum CodingKeys: String, CodingKey {
        case tenantID, processID, processTitle, generatedAt, minimumGroupSize, tables, columns
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenantID, forKey: .tenantID)
        try container.encode(processID, forKey: .processID)
        try container.encode(processTitle, forKey: .processTitle)
        try container.encode(OpenDataValue.date(generatedAt), forKey: .generatedAt)
        try container.encode(minimumGroupSize, forKey: .minimumGroupSize)
        try container.encode(tables, forKey: .tables)
        try container.encode(columnDictionary, forKey: .columns)
    }
}
