#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A record of a state change made by staff: who, when, what, on which object, and why.
/// Storage writes the entry in the same transaction as the change it describes.
public struct AuditEntry: Hashable, Sendable, Codable, Identifiable {
    public let id: AuditEntryID
    public let tenantID: TenantID
    /// Who acted.
    public let actorID: ParticipantID
    public let at: Date
    /// What was done, as a stable dotted code ("phase.opened", "vote-rules.changed").
    public let action: String
    /// The object acted on, as "kind:id" ("process:p-1").
    public let subject: String
    /// The justification given, when one is required or was given.
    public let reason: String?
    /// Extra facts worth keeping (the phase id, the old and new value).
    public let details: [String: String]

    public init(
        id: AuditEntryID, tenantID: TenantID, actorID: ParticipantID, at: Date, action: String, subject: String,
        reason: String? = nil, details: [String: String] = [:]
    ) {
        self.id = id
        self.tenantID = tenantID
        self.actorID = actorID
        self.at = at
        self.action = action
        self.subject = subject
        self.reason = reason
        self.details = details
    }
}

/// An audit entry's id.
public typealias AuditEntryID = Identifier<AuditEntry>
