import HTTPTypes
import Participation

/// The audit log of staff acts.
enum AuditRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/tenants/{tenantID}/audit", summary: "Read the audit log (administrators, officials, moderators)",
            tag: "audit", access: .participant,
            query: [.init(name: "subject", description: "only entries about this subject, e.g. `process:p-1`", schema: .text)]
                + .paging,
            response: Page<AuditEntryBody>.schema(of: AuditEntryBody.schema), errors: ErrorStatuses.authenticatedRead
        ) { request in
            let entries = try await request.service.auditLog(subject: request.query("subject"), by: try request.caller())
            return .json(try request.page().page(of: entries) { $0.id.rawValue }.map(AuditEntryBody.init))
        }
    ]
}
