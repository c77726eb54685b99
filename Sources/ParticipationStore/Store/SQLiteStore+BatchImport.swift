import Participation

// MARK: - Batch imports

extension SQLiteStore {
    /// Casts each ballot as ``castBallot(_:)`` would, in order, and returns one outcome per
    /// ballot, or the error that refused it, exactly as `BallotStorage`'s default does.
    ///
    /// Unlike the default, the whole batch is written in one transaction, each ballot in
    /// its own savepoint: a refused ballot leaves no trace and does not stop the others,
    /// and the batch costs one commit instead of one per ballot, which is what makes
    /// large paper imports fast. If the transaction itself fails (I/O, a lock held too
    /// long), nothing of the batch is stored and every ballot reports that failure.
    public func castBallots(_ ballots: [Ballot]) async -> [Result<BallotCastOutcome, ParticipationError>] {
        do {
            return try await write { db in
                ballots.map { ballot in
                    Result {
                        try db.withSavepoint { try db.cast(ballot) }
                    }
                    .mapError(StorageFailure.wrap)
                }
            }
        } catch {
            return ballots.map { _ in .failure(StorageFailure.wrap(error)) }
        }
    }

    /// Stores many new participants in one transaction: an import of a roll or a
    /// census. All or nothing.
    ///
    /// - Throws: What ``insertParticipant(_:)`` throws, for the first participant that fails.
    public func insertParticipants(_ participants: [Participant]) async throws {
        let values = try participants.map { ($0, try StoredValue.encode($0)) }
        try await write { db in
            for (participant, value) in values {
                try db.insertParticipant(participant, value: value)
            }
        }
    }
}
