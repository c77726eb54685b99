/// Stores votations and their ballots: one ballot per voter and votation.
public protocol VotationStorage: Sendable {
    /// Stores a new votation and appends `audit`.
    /// - Throws: `notFound` (tenant, process); `duplicate` (id).
    func insertVotation(_ votation: Votation, audit: AuditEntry) async throws

    /// The votation with this id.
    /// - Throws: `notFound`.
    func votation(_ id: VotationID, in tenant: TenantID) async throws -> Votation

    /// Stores the voter's ballot.
    /// - Throws: `notFound` (votation, voter); `duplicate` if the voter already voted (under
    ///   concurrency exactly one of N simultaneous ballots of a voter is stored).
    func castVotationBallot(_ ballot: VotationBallot) async throws

    /// The yes and no answers per question.
    /// - Throws: `notFound` (votation).
    func votationCounts(of votation: VotationID, in tenant: TenantID) async throws -> [VotationQuestionID: VotationCount]

    /// How many ballots were cast.
    /// - Throws: `notFound` (votation).
    func votationBallotCount(of votation: VotationID, in tenant: TenantID) async throws -> Int
}
