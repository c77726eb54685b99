import Participation
import PostgresNIO

/// One connection inside one open transaction: what the store's requirements run their
/// statements on. Every value is bound as a parameter (`PostgresQuery` interpolation binds
/// by default; only SQL text the store writes itself goes in `unescaped:`).
struct PostgresTransaction {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement and discards its rows.
    func execute(_ query: PostgresQuery) async throws {
        try await connection.query(query, logger: logger)
    }

    /// Runs a statement, turning the constraint violations `constraintError` knows into
    /// domain errors (`nil` lets the database error through, as `storageFailure`).
    ///
    /// The failed statement aborts the transaction, which then rolls back when the error
    /// leaves it: after a constraint error the requirement can run no other statement.
    func execute(_ query: PostgresQuery, constraintError: (ConstraintViolation) -> ParticipationError?) async throws {
        do {
            try await execute(query)
        } catch let error as PSQLError {
            guard let violation = ConstraintViolation(error), let mapped = constraintError(violation) else { throw error }
            throw mapped
        }
    }

    /// How many rows a statement returned (`UPDATE … RETURNING 1` counts changed rows).
    func rowCount(_ query: PostgresQuery) async throws -> Int {
        var count = 0
        for try await _ in try await connection.query(query, logger: logger) { count += 1 }
        return count
    }

    /// The first row, decoded by `decode`; `nil` when there is none.
    func fetchOne<Value>(_ query: PostgresQuery, _ decode: (PostgresRow) throws -> Value) async throws -> Value? {
        for try await row in try await connection.query(query, logger: logger) {
            return try decode(row)
        }
        return nil
    }

    /// Every row, decoded by `decode`.
    func fetchAll<Value>(_ query: PostgresQuery, _ decode: (PostgresRow) throws -> Value) async throws -> [Value] {
        var values: [Value] = []
        for try await row in try await connection.query(query, logger: logger) {
            values.append(try decode(row))
        }
        return values
    }

    /// Whether `query` returns at least one row.
    func exists(_ query: PostgresQuery) async throws -> Bool {
        try await fetchOne(query) { _ in true } ?? false
    }

    /// The first column of the first row as an integer (a `count(*)`).
    func count(_ query: PostgresQuery) async throws -> Int {
        try await fetchOne(query) { try $0.decode(Int.self) } ?? 0
    }

    /// The JSON document in the first column of the first row, decoded; `nil` when there
    /// is no row. Queries select `value::text`.
    func fetchValue<Value: Decodable>(_ type: Value.Type, _ query: PostgresQuery) async throws -> Value? {
        try await fetchOne(query) { try StoredDocument.decode(type, from: $0.decode(String.self)) }
    }

    /// The JSON document of every row, decoded.
    func fetchValues<Value: Decodable>(_ type: Value.Type, _ query: PostgresQuery) async throws -> [Value] {
        try await fetchAll(query) { try StoredDocument.decode(type, from: $0.decode(String.self)) }
    }
}

/// A constraint the database refused a statement for.
struct ConstraintViolation {
    enum Kind {
        /// SQLSTATE 23505: a primary key or unique constraint or index.
        case unique
        /// SQLSTATE 23503.
        case foreignKey
        /// SQLSTATE 23514, or an exception raised by one of the schema's triggers (P0001).
        case check
    }

    let kind: Kind
    /// The constraint's name (`participant_pkey`, `ballot_tenant_id_id_key`, …); empty
    /// for trigger exceptions.
    let constraint: String

    /// Whether the violated constraint is a table's primary key (PostgreSQL names it `<table>_pkey`).
    var isPrimaryKey: Bool { kind == .unique && constraint.hasSuffix("_pkey") }

    init?(_ error: PSQLError) {
        switch error.serverInfo?[.sqlState] {
        case "23505": kind = .unique
        case "23503": kind = .foreignKey
        case "23514", "P0001": kind = .check
        default: return nil
        }
        constraint = error.serverInfo?[.constraintName] ?? ""
    }
}
