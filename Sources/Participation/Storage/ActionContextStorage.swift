/// What deciding a participant's action in a process needs, read together: the process, the
/// participant and their block, the tenant's current charter and the version the participant
/// accepted, the participant's counted ballot in the process, and the propositions the action
/// names (a ballot's choices).
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
    /// The participant's counted ballot in the process, if they voted: it fixes the scope they vote in.
    public let countedBallot: CountedBallotHeader?
    /// The propositions of the process among those asked for, whatever their status, ordered
    /// by id.
    public let propositions: [Proposition]

    public init(
        process: ParticipatoryProcess, participant: Participant, block: ParticipantBlock?, currentCharter: Charter?,
        acceptedCharterVersion: Int?, countedBallot: CountedBallotHeader? = nil, propositions: [Proposition]
    ) {
        self.process = process
        self.participant = participant
        self.block = block
        self.currentCharter = currentCharter
        self.acceptedCharterVersion = acceptedCharterVersion
        self.countedBallot = countedBallot
        self.propositions = propositions
    }
}

/// A participant with their block, if any: what an agent acting for them (a paper ballot keyed
/// in, a transcribed form) needs to know of them to apply ``AccessPolicy``.
public struct ParticipantStanding: Hashable, Sendable {
    public let participant: Participant
    /// The participant's block, if a moderator blocked them.
    public let block: ParticipantBlock?

    public init(participant: Participant, block: ParticipantBlock?) {
        self.participant = participant
        self.block = block
    }
}

/// Reads what deciding participants' actions needs in one go: one participant's
/// ``ActionContext``, or the standings of a batch of participants.
public protocol ActionContextStorage: Sendable {
    /// The context of `participant` acting in `process`, read as of one moment (a backend
    /// reads it in one transaction). Its `countedBallot` is the participant's ballot in the
    /// process, if any (as ``BallotStorage/ballot(of:process:in:)`` reads it). Its `propositions` are those of `propositions` that are
    /// propositions of `process`, whatever their status, ordered by id: an id that names
    /// none (unknown, another process's, another tenant's) is left out rather than an error,
    /// so that the service can say which choice is wrong; a repeated id is read once.
    ///
    /// Casting a ballot asks for its choices only, so that its cost does not grow with the
    /// number of projects on the ballot.
    ///
    /// A default implementation composes the single reads; backends override it to read in
    /// one round trip.
    /// - Throws: `notFound` (process, then participant).
    func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID, propositions: [PropositionID]
    ) async throws -> ActionContext

    /// The standing of each participant of `tenant` among `participants`, read as of one
    /// moment, keyed by id. An id that names no participant of the tenant (unknown, or
    /// another tenant's) is absent from the result rather than an error, so that a batch
    /// (a polling station's paper ballots) can refuse those entries one by one. Repeated ids
    /// are read once.
    ///
    /// A default implementation reads each participant and block separately; backends
    /// override it to read the batch in one transaction, which is what makes keying in
    /// large paper batches fast.
    func participantStandings(_ participants: [ParticipantID], in tenant: TenantID) async throws
        -> [ParticipantID: ParticipantStanding]
}

extension ParticipationStorage {
    /// The single reads, one after the other: the default of the requirement.
    public func actionContext(
        of participant: ParticipantID, in process: ProcessID, tenant: TenantID, propositions ids: [PropositionID]
    ) async throws -> ActionContext {
        let stored = try await self.process(process, in: tenant)
        let actor = try await self.participant(participant, in: tenant)
        var propositions: [Proposition] = []
        for id in Set(ids).sorted() {
            do {
                let proposition = try await self.proposition(id, in: tenant)
                if proposition.processID == process { propositions.append(proposition) }
            } catch let error as ParticipationError where error.code == .notFound {
                continue
            }
        }
        let counted = try await ballot(of: participant, process: process, in: tenant)
        return ActionContext(
            process: stored, participant: actor, block: try await block(of: participant, in: tenant),
            currentCharter: try await currentCharter(in: tenant),
            acceptedCharterVersion: try await acceptedCharterVersion(of: participant, in: tenant),
            countedBallot: counted.map { CountedBallotHeader(id: $0.id, channel: $0.channel, scope: $0.scope) },
            propositions: propositions)
    }
}

extension ParticipationStorage {
    /// One ``participant(_:in:)`` and one ``block(of:in:)`` per distinct id: the default of
    /// the requirement.
    public func participantStandings(_ participants: [ParticipantID], in tenant: TenantID) async throws
        -> [ParticipantID: ParticipantStanding]
    {
        var standings: [ParticipantID: ParticipantStanding] = [:]
        for id in participants where standings[id] == nil {
            do {
                let participant = try await self.participant(id, in: tenant)
                standings[id] = ParticipantStanding(participant: participant, block: try await block(of: id, in: tenant))
            } catch let error as ParticipationError where error.code == .notFound {
                continue
            }
        }
        return standings
    }
}

extension ParticipationStorage {
    /// The context read, then the ballot cast, as two steps: the default of the requirement.
    public func castBallot(
        of voter: ParticipantID, in process: ProcessID, tenant: TenantID, naming propositions: [PropositionID],
        decidedBy decide: @Sendable (ActionContext) throws -> Ballot
    ) async throws -> (ballot: Ballot, outcome: BallotCastOutcome) {
        let ballot = try decide(try await actionContext(of: voter, in: process, tenant: tenant, propositions: propositions))
        return (ballot, try await castBallot(ballot))
    }
}
