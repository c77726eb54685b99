import Participation
import PostgresNIO

// MARK: - Batch imports

extension PostgresStore {
    /// Casts each ballot as ``castBallot(_:)`` would, in order, and returns one outcome per
    /// ballot, or the error that refused it, exactly as `BallotStorage`'s default does.
    ///
    /// Unlike the default, the whole batch is written in one transaction, each ballot in
    /// its own savepoint: a refused ballot leaves no trace and does not stop the others,
    /// and the batch costs one commit instead of one per ballot. If the transaction itself
    /// fails (a lost connection, too many serialization failures), nothing of the batch is
    /// stored and every ballot reports that failure.
    public func castBallots(_ ballots: [Ballot]) async -> [Result<BallotCastOutcome, ParticipationError>] {
        do {
            return try await write { db in
                var outcomes: [Result<BallotCastOutcome, ParticipationError>] = []
                outcomes.reserveCapacity(ballots.count)
                for ballot in ballots {
                    try await db.execute("SAVEPOINT ballot")
                    do {
                        outcomes.append(.success(try await db.cast(ballot)))
                        try await db.execute("RELEASE SAVEPOINT ballot")
                    } catch let error as ParticipationError {
                        // A refusal the contract names: undo this ballot only.
                        try await db.execute("ROLLBACK TO SAVEPOINT ballot")
                        outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }
        } catch {
            return ballots.map { _ in .failure(PostgresFailure.wrap(error)) }
        }
    }

    /// Stores many new participants in one transaction: an import of a roll or a
    /// census. All or nothing.
    ///
    /// - Throws: What ``insertParticipant(_:)`` throws, for the first participant that fails.
    public func insertParticipants(_ participants: [Participant]) async throws {
        let values = try participants.map { ($0, try StoredDocument.encode($0)) }
        try await write { db in
            for (participant, value) in values {
                try await db.insertParticipant(participant, value: value)
            }
        }
    }
}
