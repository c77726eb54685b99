import Foundation
import HTTPTypes
import Participation

/// A participant's rights over their data (RGPD): access to everything held about them,
/// erasure, and the host's retention runs that anonymise data past its retention period.
enum PersonalDataRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .get, "/tenants/{tenantID}/participants/{participantID}/personal-data",
            summary: "Everything held about a participant, as the library's canonical JSON (oneself, or administrators on request; audited)",
            tag: "personal data", access: .participant, response: PersonalDataSchema.schema,
            errors: ErrorStatuses.authenticatedRead
        ) { request in
            let export = try await request.service.personalData(of: try request.id("participantID"), by: try request.caller())
            return .encodedJSON(try export.json())
        },
        Endpoint(
            .post, "/tenants/{tenantID}/participants/{participantID}/erasure",
            summary: "Erase a participant's personal data: the account becomes anonymous, contributions and ballots stay (oneself, or administrators on request; audited)",
            tag: "personal data", access: .participant, response: DoneBody.schema, errors: ErrorStatuses.authenticatedRead
        ) { request in
            let caller = try request.caller()
            let erased: ParticipantID = try request.id("participantID")
            try await request.service.eraseParticipant(erased, by: caller)
            // An erased account's credentials stop working.
            try request.dependencies.tokens.revokeTokens(of: [Caller(tenantID: caller.tenantID, participantID: erased)])
            return .json(DoneBody.ok)
        },
        Endpoint(
            .post, "/retention-runs",
            summary: "Anonymise, in every tenant, the participants whose data passed its retention period (the host, on a schedule)",
            tag: "personal data", access: .host, request: RetentionRequestBody.schema, response: RetentionResultBody.schema,
            errors: [.badRequest, .unauthorized, .contentTooLarge]
        ) { request in
            let body = try await request.body(RetentionRequestBody.self)
            let now = body.now ?? Date()
            let anonymised = try await request.service.applyRetention(now: now)
            try request.dependencies.tokens.revokeTokens(
                of: Set(anonymised.flatMap { tenant, ids in ids.map { Caller(tenantID: tenant, participantID: $0) } }))
            return .json(RetentionResultBody(now: now, anonymised: anonymised))
        },
    ]
}
