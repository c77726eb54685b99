import Participation

// MARK: - Batch imports

extension SQLiteStore {
    /// Casts many ballots in one transaction: a polling station's batch of paper ballots,
    /// keyed in and submitted together.
    ///
    /// Each ballot is treated exactly as ``castBallot(_:)`` treats it, in order, so a
    /// later ballot of the same voter in the batch meets the earlier one. The batch is
    /// all or nothing: if any ballot throws, none of the batch is stored. One commit for
    /// the batch instead of one per ballot is what makes large imports fast.
    ///
    /// - Returns: The outcome of each ballot, in order.
    /// - Throws: What ``castBallot(_:)`` throws, for the first ballot that fails.
    public func castBallots(_ ballots: [Ballot]) async throws -> [BallotCastOutcome] {
        try await write { db in try ballots.map { try db.cast($0) } }
    }

    /// Stores many new participants in one transaction: an import of a roll or a census.
    /// All or nothing, like ``castBallots(_:)``.
    ///
    /// - Throws: What ``insertParticipant(_:)`` throws, for the first participant that fails.
    package func insertParticipants(_ participants: [Participant]) async throws {
        let values = try participants.map { ($0, try StoredValue.encode($0)) }
        try await write { db in
            for (participant, value) in values {
                try db.insertParticipant(participant, value: value)
            }
        }
    }
}
