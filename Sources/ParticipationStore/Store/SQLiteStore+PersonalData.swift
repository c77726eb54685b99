#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

// MARK: - PersonalDataStorage

extension SQLiteStore {
    public func eraseParticipants(_ ids: [ParticipantID], in tenant: TenantID, at date: Date, audit: AuditEntry?) async throws {
        try await write { db in
            for id in ids {
                let erased = try db.storedParticipant(id, in: tenant).anonymised(at: date)
                try db.replaceParticipant(erased, value: StoredValue.encode(erased))
                let key: [SQLiteValue] = [tenant.argument, id.argument]
                for sql in [
                    "DELETE FROM participant_identity WHERE tenant_id = ? AND participant_id = ?",
                    "DELETE FROM charter_acceptance WHERE tenant_id = ? AND participant_id = ?",
                    "DELETE FROM follow WHERE tenant_id = ? AND participant_id = ?",
                    "DELETE FROM notification_preference WHERE tenant_id = ? AND participant_id = ?",
                    "DELETE FROM notification WHERE tenant_id = ? AND recipient_id = ?",
                ] {
                    try db.execute(sql: sql, arguments: key)
                }
            }
            try db.insertAudit(audit)
        }
    }
}
