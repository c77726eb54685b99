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

    /// Creates a service. Inject a ``ManualClock`` and ``SequentialIdentifiers`` for
    /// deterministic tests and simulations.
    public init(
        storage: any ParticipationStorage, clock: any WallClock = SystemClock(),
        ids: any IdentifierSource = RandomIdentifiers()
    ) {
        self.storage = storage
        self.clock = clock
        self.ids = ids
    }

    /// The caller's participant record, if `operation` is allowed to their roles.
    /// - Throws: `notFound` for an unknown caller; `forbidden` naming the roles required.
    @discardableResult
    public func authorize(_ caller: Caller, for operation: StaffOperation) async throws -> Participant {
        let participant = try await storage.participant(caller.participantID, in: caller.tenantID)
        guard operation.isAllowed(for: participant.roles) else {
            let roles = operation.allowedRoles.map(\.rawValue).sorted().joined(separator: " or ")
            throw ParticipationError(.forbidden, "\(operation.rawValue) requires the role \(roles)")
        }
        return participant
    }

    /// The caller's participant record, if they may do `action` in `process` now: the current
    /// phase allows it, they meet its eligibility rule, and they accepted the current charter
    /// when the process requires it.
    /// - Throws: `actionNotAllowedInPhase`, `notEligible` (naming the rule),
    ///   `charterNotAccepted`, or `notFound`.
    @discardableResult
    public func authorize(_ action: ParticipationAction, by caller: Caller, in process: ParticipatoryProcess)
        async throws -> Participant
    {
        let participant = try await storage.participant(caller.participantID, in: caller.tenantID)
        guard process.tenantID == caller.tenantID else { throw ParticipationError.notFound("process", process.id) }
        let charter = process.requiresCharter ? try await storage.currentCharter(in: caller.tenantID) : nil
        let accepted = charter == nil ? nil : try await storage.acceptedCharterVersion(of: participant.id, in: caller.tenantID)
        return try authorize(
            action, by: caller,
            context: ActionContext(
                process: process, participant: participant, currentCharter: charter, acceptedCharterVersion: accepted,
                propositions: []))
    }

    /// The rules of ``authorize(_:by:in:)`` applied to a context already read (see
    /// ``ActionContextStorage``): the one place they are written.
    func authorize(_ action: ParticipationAction, by caller: Caller, context: ActionContext) throws -> Participant {
        let process = context.process
        guard process.tenantID == caller.tenantID, context.participant.id == caller.participantID else {
            throw ParticipationError.notFound("process", process.id)
        }
        try process.requireAllowed(action)
        if let failure = process.rule(for: action).failure(for: context.participant, on: clock.now()) {
            throw failure.error
        }
        if process.requiresCharter, let charter = context.currentCharter {
            guard let accepted = context.acceptedCharterVersion, accepted >= charter.version else {
                throw ParticipationError(
                    .charterNotAccepted, "accept version \(charter.version) of '\(charter.title)' before you \(action.rawValue)")
            }
        }
        return context.participant
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
