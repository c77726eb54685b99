import HTTPTypes
import Participation

/// Pabulib `.pb` files (pabulib.org's format): a scope exported to recount it elsewhere, and
/// an election imported into an empty budget.
enum PabulibRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/pabulib",
            summary: "One scope as a pabulib .pb file, to recount (once published, or staff)", tag: "results",
            access: .participant, query: [BudgetRoutes.scopeQuery], response: PabulibBody.schema,
            errors: ErrorStatuses.authenticatedRead + [.unprocessableContent]
        ) { request in
            let scope = try request.scope()
            let text = try await request.service.exportPabulib(of: try request.id("processID"), scope: scope, by: try request.caller())
            return .json(PabulibBody(scope: scope?.rawValue, pabulib: text))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/processes/{processID}/published-pabulib",
            summary: "One scope as a pabulib .pb file, for anyone once results are published: recounting it gives the result",
            tag: "results", access: .public, query: [BudgetRoutes.scopeQuery], response: PabulibBody.schema,
            errors: ErrorStatuses.read + [.forbidden, .unprocessableContent]
        ) { request in
            let scope = try request.scope()
            let text = try await request.service.exportPabulib(of: try request.id("processID"), scope: scope, in: try request.tenantID())
            return .json(PabulibBody(scope: scope?.rawValue, pabulib: text))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/pabulib",
            summary: "Import a .pb election into an empty budget before its vote: projects, voters, paper ballots (administrators; audited)",
            tag: "results", access: .participant, request: PabulibImportBody.schema, status: .created,
            response: PabulibImportSummaryBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PabulibImportBody.self)
            let summary = try await request.service.importPabulib(body.pabulib, into: try request.id("processID"), by: try request.caller())
            return .json(PabulibImportSummaryBody(summary), status: .created)
        },
    ]
}
