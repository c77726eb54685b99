import Participation

extension Identifier {
    /// The id as a statement argument.
    var argument: SQLiteValue { .text(rawValue) }
}

extension Optional {
    /// The optional id as a statement argument, `NULL` for `nil`.
    func argument<Entity>() -> SQLiteValue where Wrapped == Identifier<Entity> {
        map(\.argument) ?? .null
    }
}

extension SQLiteConnection {
    /// Whether `sql` returns at least one row.
    func exists(sql: String, arguments: [SQLiteValue]) throws -> Bool {
        try fetchOne(sql: sql, arguments: arguments) { _ in true } ?? false
    }

    /// The JSON `value` column of the first row, decoded; `nil` when there is no row.
    func fetchValue<Value: Decodable>(_ type: Value.Type, sql: String, arguments: [SQLiteValue]) throws -> Value? {
        try fetchOne(sql: sql, arguments: arguments) { row in try storedValue(type, fromColumn: 0, of: row) }
    }

    /// The JSON `value` column of every row, decoded.
    func fetchValues<Value: Decodable>(_ type: Value.Type, sql: String, arguments: [SQLiteValue]) throws -> [Value] {
        try fetchAll(sql: sql, arguments: arguments) { row in try storedValue(type, fromColumn: 0, of: row) }
    }

    /// A value stored by ``StoredValue/encode(_:)``, decoded once per connection and text:
    /// processes, charters and propositions are read far more often than they change.
    func storedValue<Value: Decodable>(_ type: Value.Type, fromColumn index: Int32, of row: SQLiteStatement) throws -> Value {
        try decodedValue(type, fromColumn: index, of: row) { try StoredValue.decode(type, from: $0) }
    }

    func tenantExists(_ id: TenantID) throws -> Bool {
        try exists(sql: "SELECT 1 FROM tenant WHERE id = ?", arguments: [id.argument])
    }

    func participantExists(_ id: ParticipantID, in tenant: TenantID) throws -> Bool {
        try exists(sql: "SELECT 1 FROM participant WHERE tenant_id = ? AND id = ?", arguments: [tenant.argument, id.argument])
    }

    func processExists(_ id: ProcessID, in tenant: TenantID) throws -> Bool {
        try exists(sql: "SELECT 1 FROM process WHERE tenant_id = ? AND id = ?", arguments: [tenant.argument, id.argument])
    }

    func propositionExists(_ id: PropositionID, in tenant: TenantID) throws -> Bool {
        try exists(sql: "SELECT 1 FROM proposition WHERE tenant_id = ? AND id = ?", arguments: [tenant.argument, id.argument])
    }
}
