/// Stores supports, enforcing one per participant and proposition and the process's
/// support rules in the same transaction as the write.
public protocol SupportStorage: Sendable {
    /// Records `support` if, in one transaction, the participant has not supported the
    /// proposition yet and `rules` allow one more (``SupportRules/refusal(participantSupports:propositionSupports:)``
    /// with the current counts of the supporter in the process and of the proposition).
    ///
    /// Under concurrency the checks and the write are atomic: N simultaneous supports from one
    /// participant never leave more than the quota stored; simultaneous supports of one
    /// proposition never exceed its maximum.
    /// - Throws: `notFound` (tenant, process, proposition, or a proposition of another process;
    ///   supporter); `duplicate` if the participant already supports it; `quotaExceeded`
    ///   (field `quotaPerParticipant` or `maximumPerProposition`). A refused support changes nothing.
    func recordSupport(_ support: Support, rules: SupportRules) async throws -> SupportReceipt

    /// Removes the participant's support of the proposition and returns it.
    /// - Throws: `notFound` if there is none.
    func withdrawSupport(of supporter: ParticipantID, from proposition: PropositionID, in tenant: TenantID) async throws
        -> Support

    /// The process's supports, ordered by proposition then supporter.
    /// - Throws: `notFound` (process).
    func supports(in process: ProcessID, tenant: TenantID) async throws -> [Support]

    /// The participant's supports in the process, ordered by proposition.
    func supports(by supporter: ParticipantID, in process: ProcessID, tenant: TenantID) async throws -> [Support]
}
