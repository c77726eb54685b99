/// Stores opinions: one per participant and proposition.
public protocol OpinionStorage: Sendable {
    /// Stores `opinion` as the participant's opinion of the proposition, replacing any earlier
    /// one in the same transaction, and returns the replaced opinion.
    /// - Throws: `notFound` (proposition, or one of another process; participant).
    func recordOpinion(_ opinion: Opinion) async throws -> Opinion?

    /// The proposition's opinions, ordered by participant.
    /// - Throws: `notFound` (proposition).
    func opinions(on proposition: PropositionID, in tenant: TenantID) async throws -> [Opinion]
}
