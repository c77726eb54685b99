/// What deciding a participant's action in a process needs, read together: the process, the
/// participant and their block, the tenant's current charter and the version the participant
/// accepted, and the process's propositions with some statuses.
///
/// The service applies the rules to it (``ParticipationService/authorize(_:by:in:)``, the
/// ballot list); storage only reads. Hot paths such as casting a ballot use it to make one
/// storage round trip instead of five.
public struct ActionContext: Hashable, Sendable {
    public let process: ParticipatoryProcess
    public let participant: Participant
    /// The participant's block, if a moderator blocked them.
    public let block: ParticipantBlock?
    public let currentCharter: Charter?
    /// The highest charter version the participant accepted, if any.
    public let acceptedCharterVersion: Int?
    /// The process's propositions whose status is among those asked for, ordered by id.
    public let propositions: [Proposition]

    public init(
        process: ParticipatoryProcess, participant: Participant, block: ParticipantBlock?, currentCharter: Charter?,
        acceptedCharterVersion: Int?, propositions: [Proposition]
    ) {
        self.process = process
        self.participant = participant
        self.block = block
        self.currentCharter = currentCharter
        self.acceptedCharterVersion = acceptedCharterVersion
        self.propositions = propositions
    }
}

/// Reads an ``ActionContext`` in one go.
public protocol ActionContextStorage: Sendable {
    /// The context of `participant` acting in `process`, read as of one moment (a backend
    /// reads it in one transaction). `propositions` holds the process's propositions whose
    /// status is in `propositionStatuses` (none for an empty set).
    ///
    /// A default implementation composes the single reads; backends override it to read in
    /// one round trip.
    /// - Throws: `notFound` (process, then participant).
    func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID,
        propositionStatuses: Set<PropositionStatus>
    ) async throws -> ActionContext
}

extension ParticipationStorage {
    /// The single reads, one after the other: the default of the requirement.
    public func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID,
        propositionStatuses: Set<PropositionStatus>
    ) async throws -> ActionContext {
        let stored = try await self.process(process, in: tenant)
        let actor = try await self.participant(participant, in: tenant)
        let propositions =
            propositionStatuses.isEmpty
            ? [] : try await self.propositions(of: process, in: tenant).filter { propositionStatuses.contains($0.status) }
        return ActionContext(
            process: stored, participant: actor, block: try await block(of: participant, in: tenant),
            currentCharter: try await currentCharter(in: tenant),
            acceptedCharterVersion: try await acceptedCharterVersion(of: participant, in: tenant), propositions: propositions)
    }
}
