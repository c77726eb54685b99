#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import PostgresNIO

// MARK: - PersonalDataStorage

extension PostgresStore {
    public func eraseParticipants(_ ids: [ParticipantID], in tenant: TenantID, at date: Date, audit: AuditEntry?) async throws {
        try await write { db in
            for id in ids {
                let erased = try await db.storedParticipant(id, in: tenant).anonymised(at: date)
                try await db.replaceParticipant(erased, value: StoredDocument.encode(erased))
                let (t, p) = (tenant.rawValue, id.rawValue)
                try await db.execute("DELETE FROM participant_identity WHERE tenant_id = \(t) AND participant_id = \(p)")
                try await db.execute("DELETE FROM charter_acceptance WHERE tenant_id = \(t) AND participant_id = \(p)")
                try await db.execute("DELETE FROM follow WHERE tenant_id = \(t) AND participant_id = \(p)")
                try await db.execute("DELETE FROM notification_preference WHERE tenant_id = \(t) AND participant_id = \(p)")
                try await db.execute("DELETE FROM notification WHERE tenant_id = \(t) AND recipient_id = \(p)")
            }
            try await db.insertAudit(audit)
        }
    }
}
