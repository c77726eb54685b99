import Foundation
import Participation

/// An audit entry as the API shows it.
struct AuditEntryBody: Codable, Sendable {
    let id: String
    let tenantID: String
    let actorID: String
    let at: Date
    let action: String
    let subject: String
    let reason: String?
    let details: [String: String]

    init(_ entry: AuditEntry) {
        id = entry.id.rawValue
        tenantID = entry.tenantID.rawValue
        actorID = entry.actorID.rawValue
        at = entry.at
        action = entry.action
        subject = entry.subject
        reason = entry.reason
        details = entry.details
    }

    static let schema = Schema.named(
        "AuditEntry",
        .object([
            .required("id", .text), .required("tenantID", .text), .required("actorID", .text), .required("at", .dateTime),
            .required("action", .text), .required("subject", .text), .optional("reason", .text),
            .required("details", .map(.text)),
        ]))
}
