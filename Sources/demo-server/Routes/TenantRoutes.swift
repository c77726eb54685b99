import HTTPTypes
import Participation

/// Tenants (collectivités): created by the platform host with their first administrator.
enum TenantRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/tenants", summary: "List tenants", tag: "tenants", access: .public, query: .paging,
            response: Page<TenantBody>.schema(of: TenantBody.schema), errors: [.badRequest]
        ) { request in
            let page = try request.page().page(of: try await request.service.tenants()) { $0.id.rawValue }
            return .json(page.map(TenantBody.init))
        },
        Endpoint(
            .post, "/tenants", summary: "Create a tenant (host token)", tag: "tenants", access: .host,
            request: CreateTenantBody.schema, status: .created, response: TenantBody.schema,
            errors: [.badRequest, .unauthorized, .notFound, .conflict, .contentTooLarge, .unprocessableContent]
        ) { request in
            let body = try await request.body(CreateTenantBody.self)
            let tenant = try await request.service.createTenant(
                id: try body.id.map { try TenantID.validated($0, field: "id") }, name: body.name, kind: body.kind,
                parentID: try body.parentID.map { try TenantID.validated($0, field: "parentID") },
                districts: try (body.districts ?? []).map { try $0.district() })
            return .json(TenantBody(tenant), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}", summary: "Read a tenant", tag: "tenants", access: .public,
            response: TenantBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(TenantBody(try await request.service.tenant(try request.tenantID())))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/districts", summary: "Replace the tenant's districts", tag: "tenants",
            access: .participant, request: SetDistrictsBody.schema, response: TenantBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(SetDistrictsBody.self)
            let tenant = try await request.service.setDistricts(try body.districts.map { try $0.district() }, by: try request.caller())
            return .json(TenantBody(tenant))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/administrator", summary: "Create the tenant's first administrator (host token)",
            tag: "tenants", access: .host, request: BootstrapAdministratorBody.schema, status: .created,
            response: ParticipantWithTokenBody.schema,
            errors: [.badRequest, .unauthorized, .notFound, .conflict, .contentTooLarge, .unprocessableContent]
        ) { request in
            let body = try await request.body(BootstrapAdministratorBody.self)
            let administrator = try await request.service.bootstrapAdministrator(
                in: try request.tenantID(), displayName: body.displayName)
            return try .withToken(administrator, request: request, status: .created)
        },
    ]
}

extension APIResponse {
    /// A participant with a new demo token for them.
    static func withToken(_ participant: Participant, request: APIRequest, status: HTTPResponse.Status) throws -> APIResponse {
        let token = try request.dependencies.tokens.issue(
            for: Caller(tenantID: participant.tenantID, participantID: participant.id))
        return .json(ParticipantWithTokenBody(participant: ParticipantBody(participant), token: token), status: status)
    }
}
