import Foundation
import Participation

/// A tenant archive (`Docs/PORTABILITY.md`): the library's canonical JSON document, sent and
/// taken byte for byte. The server checks only that it is a JSON object; the library checks
/// its format and consistency on import.
enum TenantArchiveSchema {
    static let schema = Schema.named("TenantArchive", .map(.any))
}

/// Everything held about a participant, as the library writes it (canonical JSON; dates in
/// seconds since 2001-01-01, as in the tenant archive). Records keep the library's form.
enum PersonalDataSchema {
    static let schema = Schema.named(
        "PersonalData",
        .object([
            .required("participant", .map(.any)), .required("hasVerifiedIdentity", .boolean),
            .optional("charterAcceptance", .map(.any)), .required("notificationFrequency", .text),
            .required("follows", .array(.any)), .required("notifications", .array(.any)),
            .required("propositions", .array(.any)), .required("petitions", .array(.any)),
            .required("comments", .array(.any)), .required("commentVotes", .array(.any)),
            .required("supports", .array(.any)), .required("opinions", .array(.any)),
            .required("signatures", .array(.any)), .required("questionnaireResponses", .array(.any)),
            .required("ballots", .array(.any)), .required("votations", .array(.any)), .required("tags", .array(.any)),
        ]))
}

/// `POST /retention-runs`.
struct RetentionRequestBody: Codable, Sendable {
    /// The date the retention periods are checked against; absent means now.
    let now: Date?

    static let schema = Schema.named("RetentionRun", .object([.optional("now", .dateTime)]))
}

/// What a retention run anonymised, per tenant.
struct RetentionResultBody: Codable, Sendable {
    struct TenantAnonymised: Codable, Sendable {
        let tenantID: String
        let participants: [String]
    }

    let now: Date
    /// Tenants in id order; only those where someone was anonymised.
    let anonymised: [TenantAnonymised]

    init(now: Date, anonymised: [TenantID: [ParticipantID]]) {
        self.now = now
        self.anonymised = anonymised.keys.sorted().map {
            TenantAnonymised(tenantID: $0.rawValue, participants: (anonymised[$0] ?? []).map(\.rawValue))
        }
    }

    static let schema = Schema.named(
        "RetentionResult",
        .object([
            .required("now", .dateTime),
            .required(
                "anonymised", .array(.object([.required("tenantID", .text), .required("participants", .array(.text))]))),
        ]))
}
