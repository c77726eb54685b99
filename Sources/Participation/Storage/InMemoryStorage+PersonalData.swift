#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension InMemoryStorage {
    public func eraseParticipants(_ ids: [ParticipantID], in tenant: TenantID, at date: Date, audit entry: AuditEntry?)
        throws
    {
        let participants = try ids.map { try storedParticipant($0, tenant) }
        try checkAudit(entry)
        let erased = Set(ids)
        for participant in participants {
            participantsByKey[Scoped(tenant: tenant, id: participant.id)] = participant.anonymised(at: date)
            acceptances[Scoped(tenant: tenant, id: participant.id)] = nil
            frequencies[Scoped(tenant: tenant, id: participant.id)] = nil
        }
        identityKeys = identityKeys.filter { $0.key.tenant != tenant || !erased.contains($0.value) }
        followsByKey = followsByKey.filter { $0.key.tenant != tenant || !erased.contains($0.value.participantID) }
        let removed = outbox.filter { $0.tenantID == tenant && erased.contains($0.recipientID) }
        outbox.removeAll { $0.tenantID == tenant && erased.contains($0.recipientID) }
        outboxKeys.subtract(removed.map(\.idempotencyKey))
        write(entry)
    }
}
