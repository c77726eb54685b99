import Participation

/// Turns whatever a store operation threw into the error the storage contract allows.
enum StorageFailure {
    /// A ``ParticipationError`` passes through; anything else (I/O, corruption, a full
    /// disk, a busy timeout) becomes ``ParticipationError/storageFailure(diagnostic:)``, whose
    /// message names nothing of SQLite; the SQLite error and statement (never the statement's
    /// arguments) go to its diagnostic, for the host's log.
    static func wrap(_ error: any Error) -> ParticipationError {
        switch error {
        case let error as ParticipationError:
            error
        case let error as SQLiteError:
            ParticipationError.storageFailure(
                error.code == .busy || error.code == .locked ? .transient : .permanent,
                engineCode: String(error.extendedCode.rawValue), diagnostic: "SQLite: \(error)")
        default:
            ParticipationError.storageFailure(diagnostic: "SQLite: \(error)")
        }
    }
}

extension SQLiteConnection {
    /// Runs one statement, turning the constraint violations `constraintError` knows into
    /// domain errors (`nil` lets the SQLite error through).
    ///
    /// The failed statement is undone by SQLite; the enclosing transaction rolls back when
    /// the error leaves it.
    func execute(
        sql: String,
        arguments: [SQLiteValue],
        constraintError: (SQLiteResultCode) -> ParticipationError?
    ) throws {
        do {
            try execute(sql: sql, arguments: arguments)
        } catch let error as SQLiteError where error.code == .constraint {
            throw constraintError(error.extendedCode) ?? error
        }
    }
}
