import Participation
import PostgresNIO

/// Turns whatever a store operation threw into the error the storage contract allows.
enum PostgresFailure {
    /// A ``ParticipationError`` passes through; anything else (a lost connection, a
    /// refused login, a statement the server rejected) becomes `storageFailure` whose message
    /// names nothing of PostgreSQL; its diagnostic, for the host's log, names the SQLSTATE and
    /// the server's message, never the statement's arguments (they are votes and names).
    static func wrap(_ error: any Error) -> ParticipationError {
        switch error {
        case let error as ParticipationError:
            return error
        case let error as PSQLError:
            guard let info = error.serverInfo else {
                // No answer from the server: the connection is gone, trying again may reach one.
                return ParticipationError.storageFailure(.transient, diagnostic: "PostgreSQL: \(error.code)")
            }
            let state = info[.sqlState] ?? "?"
            let message = info[.message] ?? ""
            return ParticipationError.storageFailure(
                isTransient(error) ? .transient : .permanent, engineCode: state,
                diagnostic: "PostgreSQL: SQLSTATE \(state): \(message)")
        default:
            return ParticipationError.storageFailure(diagnostic: "PostgreSQL: \(error)")
        }
    }

    /// Whether running the whole transaction again may succeed: a serialization failure
    /// (`40001`, what `SERIALIZABLE` raises instead of letting an anomaly through) or a
    /// deadlock (`40P01`).
    static func isTransient(_ error: PSQLError) -> Bool {
        ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// Waits a random time that grows with the attempt (up to 64 ms), so that transactions
    /// that collided do not collide again in lockstep.
    static func backOff(attempt: Int) async throws {
        let ceiling = 1 << min(attempt, 6)
        try await Task.sleep(for: .microseconds(Int.random(in: 100...(ceiling * 1_000))))
    }
}
