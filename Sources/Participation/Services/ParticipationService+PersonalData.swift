#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// Everything held about a participant (see ``PersonalDataExport``): for the participant
    /// themself, or for an administrator acting on their request (audited).
    /// - Throws: `forbidden` (someone else's data without the right); `notFound`.
    public func personalData(of participantID: ParticipantID, by caller: Caller) async throws -> PersonalDataExport {
        try await authorizePersonalData(of: participantID, by: caller)
        if caller.participantID != participantID {
            try await storage.appendAudit(
                auditEntry(by: caller, action: "personal-data.exported", subject: "participant:\(participantID)"))
        }
        return try PersonalDataExport(of: participantID, in: try await storage.tenantArchive(of: caller.tenantID))
    }

    /// Erases a participant's personal data (right to erasure, RGPD art. 17), in one storage
    /// call: the account becomes anonymous (``Participant/anonymised(at:)``), its identity
    /// binding, charter acceptance, follows, preferences and notifications are deleted, and its
    /// contributions and ballots stay, shown as "anonymous" and still counted. For the
    /// participant themself or an administrator on their request; audited (without the name).
    /// - Throws: `forbidden`; `notFound`.
    public func eraseParticipant(_ participantID: ParticipantID, by caller: Caller) async throws {
        try await authorizePersonalData(of: participantID, by: caller)
        try await storage.eraseParticipants(
            [participantID], in: caller.tenantID, at: clock.now(),
            audit: auditEntry(by: caller, action: "participant.erased", subject: "participant:\(participantID)"))
    }

    /// Anonymises, in every tenant, the participants whose data passed the retention period of
    /// every process they took part in (see ``RetentionRule``). The host runs it on a schedule
    /// (daily is plenty); running it twice changes nothing more. Each tenant's anonymisation is
    /// one storage call, audited as "retention.applied" by the actor "system". Returns the
    /// participants anonymised, per tenant.
    @discardableResult
    public func applyRetention(now: Date) async throws -> [TenantID: [ParticipantID]] {
        var anonymised: [TenantID: [ParticipantID]] = [:]
        for tenant in try await storage.tenants() {
            let due = RetentionRule.participantsDue(in: try await storage.tenantArchive(of: tenant.id), now: now)
            guard !due.isEmpty else { continue }
            let entry = AuditEntry(
                id: AuditEntryID(rawValue: ids.next(prefix: "audit")), tenantID: tenant.id, actorID: Self.systemActor,
                at: now, action: "retention.applied", subject: "tenant:\(tenant.id)",
                details: ["participants": String(due.count)])
            try await storage.eraseParticipants(due, in: tenant.id, at: now, audit: entry)
            anonymised[tenant.id] = due
        }
        return anonymised
    }

    /// The actor of audit entries the platform writes on its own (retention).
    public static let systemActor: ParticipantID = "system"

    func authorizePersonalData(of participantID: ParticipantID, by caller: Caller) async throws {
        if caller.participantID == participantID {
            try await authorizeOwnRead(by: caller)
        } else {
            try await authorize(caller, for: .managePersonalData)
        }
    }
}
