import HTTPTypes
import Participation

/// Tenant portability (`Docs/PORTABILITY.md`): the whole tenant as one canonical JSON
/// document, exported by its administrators and imported by the host into another store.
enum PortabilityRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/tenants/{tenantID}/archive",
            summary: "The whole tenant as one canonical JSON document, personal data included (administrators; audited)",
            tag: "portability", access: .participant, response: TenantArchiveSchema.schema,
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            .encodedJSON(try await request.service.exportTenant(by: try request.caller()))
        },
        Endpoint(
            .post, "/tenant-archives",
            summary: "Import a tenant archive into this store, which must not have the tenant yet: all or nothing (the host)",
            tag: "portability", access: .host, request: TenantArchiveSchema.schema, status: .created,
            response: TenantBody.schema, errors: [.badRequest, .unauthorized, .notFound, .conflict, .contentTooLarge, .unprocessableContent]
        ) { request in
            .json(TenantBody(try await request.service.importTenant(try await request.jsonBody())), status: .created)
        },
    ]
}
