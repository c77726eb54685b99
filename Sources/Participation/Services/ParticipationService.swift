#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The library's front door: every operation a platform offers, with its rules applied,
/// on top of a ``ParticipationStorage``.
///
/// A service is a cheap value: build one per application with its storage, clock and id
/// source. Each operation checks its input and the caller's rights first, then makes one
/// storage call, so a refused operation changes nothing.
///
/// ```swift
/// let service = ParticipationService(storage: InMemoryStorage())
/// let tenant = try await service.createTenant(name: "Ville de Grenoble", kind: .commune)
/// ```
public struct ParticipationService: Sendable {
    public let storage: any ParticipationStorage
    public let clock: any WallClock
    public let ids: any IdentifierSource
    /// The key of the pseudonyms the public sees (see ``AuthorDisplay``).
    let pseudonymSecret: PseudonymSecret

    /// Creates a service. Inject a ``ManualClock`` and ``SequentialIdentifiers`` for
    /// deterministic tests and simulations. Pass the host's kept `pseudonymSecret` so that the
    /// pseudonyms the public sees stay the same across restarts and between servers; the
    /// default is random, for this instance only.
    public init(
        storage: any ParticipationStorage, clock: any WallClock = SystemClock(),
        ids: any IdentifierSource = RandomIdentifiers(), pseudonymSecret: PseudonymSecret = .random()
    ) {
        self.storage = storage
        self.clock = clock
        self.ids = ids
        self.pseudonymSecret = pseudonymSecret
    }

    /// The caller's participant record, if ``AccessPolicy`` allows `operation` to them.
    /// - Throws: `notFound` for an unknown caller; `participantBlocked`; `forbidden` naming the
    ///   roles required.
    @discardableResult
    public func authorize(_ caller: Caller, for operation: StaffOperation) async throws -> Participant {
        try await authorize(.staff(operation), by: caller, in: nil)
    }

    /// The caller's participant record, if ``AccessPolicy`` allows them `action` in `process`
    /// now: not blocked, the current phase allows it, they meet its eligibility rule, and they
    /// accepted the current charter when the process requires it.
    /// - Throws: `participantBlocked`, `processArchived`, `actionNotAllowedInPhase`,
    ///   `notEligible` (naming the rule), `charterNotAccepted`, or `notFound`.
    @discardableResult
    public func authorize(_ action: ParticipationAction, by caller: Caller, in process: ParticipatoryProcess)
        async throws -> Participant
    {
        try await authorize(.participate(action), by: caller, in: process)
    }

    /// The caller's participant record, if ``AccessPolicy`` allows `operation`: the one path
    /// every service operation's access check takes.
    /// - Throws: `notFound` for an unknown caller or a process of another tenant; the policy's refusal.
    @discardableResult
    public func authorize(_ operation: AccessOperation, by caller: Caller, in process: ParticipatoryProcess?)
        async throws -> Participant
    {
        let participant = try await storage.participant(caller.participantID, in: caller.tenantID)
        if let process, process.tenantID != caller.tenantID { throw ParticipationError.notFound("process", process.id) }
        var charter = CharterStanding.notRequired
        if case .participate = operation, let process, process.requiresCharter,
            let current = try await storage.currentCharter(in: caller.tenantID)
        {
            let accepted = try await storage.acceptedCharterVersion(of: participant.id, in: caller.tenantID)
            charter = Self.charterStanding(current: current, accepted: accepted)
        }
        let request = AccessRequest(
            participant: participant, block: try await storage.block(of: participant.id, in: caller.tenantID),
            process: process, charter: charter, now: clock.now())
        if let refusal = AccessPolicy.decide(operation, for: request).refusal { throw refusal }
        return participant
    }

    /// ``authorize(_:by:in:)`` for `action` on a context already read in one storage call
    /// (see ``ActionContextStorage``): the same ``AccessPolicy`` decision on the same facts.
    /// - Throws: as ``authorize(_:by:in:)``.
    func authorize(_ action: ParticipationAction, by caller: Caller, context: ActionContext) throws -> Participant {
        let process = context.process
        guard process.tenantID == caller.tenantID, context.participant.id == caller.participantID else {
            throw ParticipationError.notFound("process", process.id)
        }
        let charter =
            process.requiresCharter
            ? context.currentCharter.map { Self.charterStanding(current: $0, accepted: context.acceptedCharterVersion) }
                ?? .notRequired
            : .notRequired
        let request = AccessRequest(
            participant: context.participant, block: context.block, process: process, charter: charter, now: clock.now())
        if let refusal = AccessPolicy.decide(.participate(action), for: request).refusal { throw refusal }
        return context.participant
    }

    /// Where a participant stands with the tenant's current charter.
    static func charterStanding(current: Charter, accepted: Int?) -> CharterStanding {
        (accepted ?? 0) >= current.version ? .accepted : .notAccepted(current)
    }

    /// Checks with ``AccessPolicy`` that `participant` may do `action` in `process` when an agent
    /// acts for them (a paper ballot, a transcribed proposition): the phase, their eligibility and
    /// their block count; the charter does not (they sign the station's register instead).
    func authorize(_ action: ParticipationAction, onBehalfOf participant: Participant, in process: ParticipatoryProcess)
        async throws
    {
        let block = try await storage.block(of: participant.id, in: participant.tenantID)
        try authorize(action, onBehalfOf: ParticipantStanding(participant: participant, block: block), in: process)
    }

    /// ``authorize(_:onBehalfOf:in:)`` on a standing already read (a batch's voters, read in
    /// one storage call): the same ``AccessPolicy`` decision on the same facts.
    func authorize(_ action: ParticipationAction, onBehalfOf standing: ParticipantStanding, in process: ParticipatoryProcess)
        throws
    {
        let request = AccessRequest(participant: standing.participant, block: standing.block, process: process, now: clock.now())
        if let refusal = AccessPolicy.decide(.participate(action), for: request).refusal { throw refusal }
    }

    /// A new audit entry by `caller`, stamped now.
    func auditEntry(
        by caller: Caller, action: String, subject: String, reason: String? = nil, details: [String: String] = [:]
    ) -> AuditEntry {
        AuditEntry(
            id: AuditEntryID(rawValue: ids.next(prefix: "audit")), tenantID: caller.tenantID,
            actorID: caller.participantID, at: clock.now(), action: action, subject: subject, reason: reason,
            details: details)
    }
}
