import HTTPTypes
import Participation

/// The tenant's charter: published by administrators, accepted by participants.
enum CharterRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/charters", summary: "Publish the next charter version (administrators)",
            tag: "charters", access: .participant, request: PublishCharterBody.schema, status: .created,
            response: CharterBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PublishCharterBody.self)
            let charter = try await request.service.publishCharter(title: body.title, text: body.text, by: try request.caller())
            return .json(CharterBody(charter), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/charters/current", summary: "Read the current charter", tag: "charters",
            access: .public, response: CharterBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(CharterBody(try await request.service.currentCharter(in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/charters/current/acceptance", summary: "Accept the current charter",
            tag: "charters", access: .participant, status: .created, response: CharterAcceptanceBody.schema,
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            let acceptance = try await request.service.acceptCurrentCharter(by: try request.caller())
            return .json(CharterAcceptanceBody(acceptance), status: .created)
        },
    ]
}
