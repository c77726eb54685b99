#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Erasure of participants' personal data.
public protocol PersonalDataStorage: Sendable {
    /// In one transaction, for each participant: replaces the participant with
    /// ``Participant/anonymised(at:)``, and deletes their identity bindings, charter
    /// acceptance, follows, notification preference and notifications. Their contributions
    /// and ballots stay, attributed to the anonymous account. The audit entry, if any, is
    /// written with the change. Already erased participants are anonymised again (no error).
    /// - Throws: `notFound` (a participant); `duplicate` (audit entry id).
    func eraseParticipants(_ participants: [ParticipantID], in tenant: TenantID, at date: Date, audit: AuditEntry?)
        async throws
}
