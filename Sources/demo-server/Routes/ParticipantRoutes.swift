import HTTPTypes
import Participation

/// Participants: registration, one's own record, staff accounts, roles, verification, tokens.
enum ParticipantRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/participants", summary: "Register as a citizen (returns a demo token)",
            tag: "participants", access: .public, request: RegisterParticipantBody.schema, status: .created,
            response: ParticipantWithTokenBody.schema,
            errors: [.badRequest, .notFound, .contentTooLarge, .unprocessableContent]
        ) { request in
            let body = try await request.body(RegisterParticipantBody.self)
            let participant = try await request.service.registerParticipant(
                in: try request.tenantID(), displayName: body.displayName, kind: try body.participantKind(),
                pseudonym: body.pseudonym, profile: try body.profile?.profile() ?? Profile(),
                consents: body.consents?.consents ?? Consents())
            return try .withToken(participant, request: request, status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/participants", summary: "List participants (staff who verify)",
            tag: "participants", access: .participant, query: .paging,
            response: Page<ParticipantBody>.schema(of: ParticipantBody.schema), errors: ErrorStatuses.authenticatedRead
        ) { request in
            let page = try request.page()
            // One more than asked tells whether a next page exists.
            let found = try await request.service.participants(
                after: try page.after.map { try ParticipantID.validated($0, field: "after") }, limit: page.limit + 1,
                by: try request.caller())
            let items = Array(found.prefix(page.limit))
            let next = found.count > page.limit ? items.last?.id.rawValue : nil
            return .json(Page(items: items.map(ParticipantBody.init), next: next))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/participants/{participantID}",
            summary: "Read a participant (oneself, or staff who verify)", tag: "participants", access: .participant,
            response: ParticipantBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            .json(ParticipantBody(try await request.service.participant(try request.id("participantID"), by: try request.caller())))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/me", summary: "Read one's own participant record", tag: "participants",
            access: .participant, response: ParticipantBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            let caller = try request.caller()
            return .json(ParticipantBody(try await request.service.participant(caller.participantID, by: caller)))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/me/profile", summary: "Replace one's own profile", tag: "participants",
            access: .participant, request: ProfileBody.schema, response: ParticipantBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ProfileBody.self)
            return .json(ParticipantBody(try await request.service.updateOwnProfile(try body.profile(), by: try request.caller())))
        },
        Endpoint(
            .put, "/tenants/{tenantID}/me/consents", summary: "Replace one's own consents", tag: "participants",
            access: .participant, request: ConsentsBody.schema, response: ParticipantBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ConsentsBody.self)
            return .json(ParticipantBody(try await request.service.updateOwnConsents(body.consents, by: try request.caller())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/staff", summary: "Create a staff account (administrators)", tag: "participants",
            access: .participant, request: RegisterStaffBody.schema, status: .created,
            response: ParticipantWithTokenBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(RegisterStaffBody.self)
            let staff = try await request.service.registerStaff(
                displayName: body.displayName, roles: Set(body.roles), by: try request.caller())
            return try .withToken(staff, request: request, status: .created)
        },
        Endpoint(
            .put, "/tenants/{tenantID}/participants/{participantID}/roles", summary: "Replace a participant's roles",
            tag: "participants", access: .participant, request: SetRolesBody.schema, response: ParticipantBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(SetRolesBody.self)
            let participant = try await request.service.setRoles(
                Set(body.roles), of: try request.id("participantID"), reason: body.reason, by: try request.caller())
            return .json(ParticipantBody(participant))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/participants/{participantID}/verification",
            summary: "Verify a participant against the census (staff who verify)", tag: "participants",
            access: .participant, request: VerifyParticipantBody.schema, response: ParticipantBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(VerifyParticipantBody.self)
            let participant = try await request.service.verifyParticipant(
                try request.id("participantID"), reference: body.reference, using: request.dependencies.verifier,
                by: try request.caller())
            return .json(ParticipantBody(participant))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/participants/{participantID}/tokens",
            summary: "Issue a demo token for a participant (administrators)", tag: "participants", access: .participant,
            status: .created, response: TokenBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            let caller = try request.caller()
            // The library checks who may hand out a credential and records it in the audit log.
            let participant = try await request.service.recordCredentialIssue(
                for: try request.id("participantID"), method: "demo bearer token", by: caller)
            let token = try request.dependencies.tokens.issue(
                for: Caller(tenantID: participant.tenantID, participantID: participant.id))
            return .json(TokenBody(token: token), status: .created)
        },
    ]
}
