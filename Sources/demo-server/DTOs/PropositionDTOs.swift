import Foundation
import Participation

/// A proposition as the API shows it.
struct PropositionBody: Codable, Sendable {
    struct OriginBody: Codable, Sendable {
        let kind: String
        let source: OfflineSource?
        let agentID: String?
        let place: String?

        static let schema = Schema.named(
            "PropositionOrigin",
            .object([
                .required("kind", .string(allowed: ["online", "transcribed"])),
                .optional("source", .enumeration(OfflineSource.self)), .optional("agentID", .text), .optional("place", .text),
            ]))
    }

    let id: String
    let processID: String
    let authors: [String]
    let origin: OriginBody
    let title: String
    let body: String
    let estimatedCost: Int64?
    let districtID: String?
    let themes: [String]
    let location: LocationBody?
    let attachments: [String]
    let lifecycle: String
    let status: String
    let version: Int
    let createdAt: Date

    init(_ proposition: Proposition) {
        id = proposition.id.rawValue
        processID = proposition.processID.rawValue
        authors = proposition.authors.map(\.rawValue)
        switch proposition.origin {
        case .online: origin = OriginBody(kind: "online", source: nil, agentID: nil, place: nil)
        case .transcribed(let source, let agent, let place):
            origin = OriginBody(kind: "transcribed", source: source, agentID: agent.rawValue, place: place)
        }
        title = proposition.title
        body = proposition.body
        estimatedCost = proposition.estimatedCost
        districtID = proposition.districtID?.rawValue
        themes = proposition.themes.sorted()
        location = proposition.location.map { LocationBody(latitude: $0.latitude, longitude: $0.longitude) }
        attachments = proposition.attachments
        lifecycle = proposition.lifecycle.rawValue
        status = proposition.status.rawValue
        version = proposition.version
        createdAt = proposition.createdAt
    }

    static let schema = Schema.named(
        "Proposition",
        .object([
            .required("id", .text), .required("processID", .text), .required("authors", .array(.text)),
            .required("origin", OriginBody.schema), .required("title", .text), .required("body", .text),
            .optional("estimatedCost", .integer), .optional("districtID", .text), .required("themes", .array(.text)),
            .optional("location", LocationBody.schema), .required("attachments", .array(.text)),
            .required("lifecycle", .string(allowed: ["draft", "published", "withdrawn"])), .required("status", .text),
            .required("version", .integer), .required("createdAt", .dateTime),
        ]))
}

/// A proposition as the public sees it: redacted, its authors under the process's display
/// policy, without the agent who transcribed it.
struct PublicPropositionBody: Codable, Sendable {
    struct OriginBody: Codable, Sendable {
        let kind: String
        let source: OfflineSource?
        let place: String?

        static let schema = Schema.named(
            "PublicPropositionOrigin",
            .object([
                .required("kind", .string(allowed: ["online", "transcribed"])),
                .optional("source", .enumeration(OfflineSource.self)), .optional("place", .text),
            ]))
    }

    let id: String
    let processID: String
    let authors: [AuthorBody]
    let origin: OriginBody
    let title: String
    let body: String
    let estimatedCost: Int64?
    let districtID: String?
    let themes: [String]
    let location: LocationBody?
    let attachments: [String]
    let lifecycle: String
    let status: String
    let version: Int
    let createdAt: Date

    init(_ proposition: PublicProposition) {
        id = proposition.id.rawValue
        processID = proposition.processID.rawValue
        authors = proposition.authors.map(AuthorBody.init)
        switch proposition.origin {
        case .online: origin = OriginBody(kind: "online", source: nil, place: nil)
        case .transcribed(let source, let place): origin = OriginBody(kind: "transcribed", source: source, place: place)
        }
        title = proposition.title
        body = proposition.body
        estimatedCost = proposition.estimatedCost
        districtID = proposition.districtID?.rawValue
        themes = proposition.themes.sorted()
        location = proposition.location.map { LocationBody(latitude: $0.latitude, longitude: $0.longitude) }
        attachments = proposition.attachments
        lifecycle = proposition.lifecycle.rawValue
        status = proposition.status.rawValue
        version = proposition.version
        createdAt = proposition.createdAt
    }

    static let schema = Schema.named(
        "PublicProposition",
        .object([
            .required("id", .text), .required("processID", .text), .required("authors", .array(AuthorBody.schema)),
            .required("origin", OriginBody.schema), .required("title", .text), .required("body", .text),
            .optional("estimatedCost", .integer), .optional("districtID", .text), .required("themes", .array(.text)),
            .optional("location", LocationBody.schema), .required("attachments", .array(.text)),
            .required("lifecycle", .string(allowed: ["published", "withdrawn"])), .required("status", .text),
            .required("version", .integer), .required("createdAt", .dateTime),
        ]))
}

/// A point on the map.
struct LocationBody: Codable, Sendable {
    let latitude: Double
    let longitude: Double

    static let schema = Schema.named(
        "Location", .object([.required("latitude", .number), .required("longitude", .number)]))
}

/// The text and details of a proposition: what drafting, editing and transcribing take.
struct PropositionDraftFields: Codable, Sendable {
    let title: String
    let body: String
    let estimatedCost: Int64?
    let districtID: String?
    let themes: [String]?
    let location: LocationBody?
    let attachments: [String]?

    static let properties: [Schema.Property] = [
        .required("title", .text), .required("body", .text), .optional("estimatedCost", .integer),
        .optional("districtID", .text), .optional("themes", .array(.text)), .optional("location", LocationBody.schema),
        .optional("attachments", .array(.text)),
    ]

    func draft() throws -> PropositionDraft {
        PropositionDraft(
            title: title, body: body, estimatedCost: estimatedCost,
            districtID: try districtID.map { try DistrictID.validated($0, field: "districtID") }, themes: Set(themes ?? []),
            location: try location.map { try GeoPoint(latitude: $0.latitude, longitude: $0.longitude) },
            attachments: attachments ?? [])
    }
}

/// `POST …/propositions`: a draft, with its authorship.
struct DraftPropositionBody: Codable, Sendable {
    let title: String
    let body: String
    let estimatedCost: Int64?
    let districtID: String?
    let themes: [String]?
    let location: LocationBody?
    let attachments: [String]?
    let coAuthors: [String]?
    let collectiveID: String?

    var fields: PropositionDraftFields {
        PropositionDraftFields(
            title: title, body: body, estimatedCost: estimatedCost, districtID: districtID, themes: themes, location: location,
            attachments: attachments)
    }

    static let schema = Schema.named("DraftProposition", .object(PropositionDraftFields.properties + AuthorshipFields.properties))
}

/// `PUT …/propositions/{id}`: the new text, and the note staff must give.
struct EditPropositionBody: Codable, Sendable {
    let title: String
    let body: String
    let estimatedCost: Int64?
    let districtID: String?
    let themes: [String]?
    let location: LocationBody?
    let attachments: [String]?
    let note: String?

    var fields: PropositionDraftFields {
        PropositionDraftFields(
            title: title, body: body, estimatedCost: estimatedCost, districtID: districtID, themes: themes, location: location,
            attachments: attachments)
    }

    static let schema = Schema.named("EditProposition", .object(PropositionDraftFields.properties + [.optional("note", .text)]))
}

/// `POST …/transcriptions`: a proposition collected offline, keyed in by an agent.
struct TranscribePropositionBody: Codable, Sendable {
    let title: String
    let body: String
    let estimatedCost: Int64?
    let districtID: String?
    let themes: [String]?
    let location: LocationBody?
    let attachments: [String]?
    let authors: [String]
    let source: OfflineSource
    let place: String?

    var fields: PropositionDraftFields {
        PropositionDraftFields(
            title: title, body: body, estimatedCost: estimatedCost, districtID: districtID, themes: themes, location: location,
            attachments: attachments)
    }

    static let schema = Schema.named(
        "TranscribeProposition",
        .object(
            PropositionDraftFields.properties + [
                .required("authors", .array(.text)), .required("source", .enumeration(OfflineSource.self)),
                .optional("place", .text),
            ]))
}

/// `POST …/review`: the reviewing body's decision.
struct ReviewPropositionBody: Codable, Sendable {
    let status: String
    let reason: String?
    let justification: String

    static let schema = Schema.named(
        "ReviewProposition",
        .object([.required("status", .text), .optional("reason", .text), .required("justification", .text)]))
}

/// `PUT …/estimated-cost`.
struct AdjustCostBody: Codable, Sendable {
    let estimatedCost: Int64
    let reason: String

    static let schema = Schema.named(
        "AdjustCost", .object([.required("estimatedCost", .integer), .required("reason", .text)]))
}

/// One version of a public proposition's text.
struct PropositionVersionBody: Codable, Sendable {
    let number: Int
    let title: String
    let body: String
    let estimatedCost: Int64?
    let editedBy: AuthorBody
    let at: Date
    let note: String?

    init(_ version: PublicPropositionVersion) {
        number = version.number
        title = version.title
        body = version.body
        estimatedCost = version.estimatedCost
        editedBy = AuthorBody(version.editedBy)
        at = version.at
        note = version.note
    }

    static let schema = Schema.named(
        "PropositionVersion",
        .object([
            .required("number", .integer), .required("title", .text), .required("body", .text),
            .optional("estimatedCost", .integer), .required("editedBy", AuthorBody.schema), .required("at", .dateTime),
            .optional("note", .text),
        ]))
}

/// One entry of a proposition's public status history.
struct StatusChangeBody: Codable, Sendable {
    let status: String
    let reason: String?
    let justification: String
    let by: AuthorBody
    let at: Date

    init(_ change: PublicStatusChange) {
        status = change.status.rawValue
        reason = change.reason?.rawValue
        justification = change.justification
        by = AuthorBody(change.by)
        at = change.at
    }

    static let schema = Schema.named(
        "StatusChange",
        .object([
            .required("status", .text), .optional("reason", .text), .required("justification", .text),
            .required("by", AuthorBody.schema),
            .required("at", .dateTime),
        ]))
}

/// A process's contribution rules, as shown and as set (the process comes from the path).
struct ContributionRulesBody: Codable, Sendable {
    struct ReviewingBodyBody: Codable, Sendable {
        let kind: ReviewingBody.Kind
        let name: String?
    }

    struct SupportRulesBody: Codable, Sendable {
        let quotaPerParticipant: Int?
        let minimumPerParticipant: Int?
        let maximumPerProposition: Int?
    }

    let reviewingBody: ReviewingBodyBody?
    let tenantReasons: [String]?
    let tenantStatuses: [String]?
    let supports: SupportRulesBody?
    let petitionThreshold: Int?
    let petitionThresholdStatus: String?

    init(_ rules: ContributionRules) {
        reviewingBody = ReviewingBodyBody(kind: rules.reviewingBody.kind, name: rules.reviewingBody.name)
        tenantReasons = rules.tenantReasons.map(\.rawValue)
        tenantStatuses = rules.tenantStatuses.map(\.rawValue)
        supports = SupportRulesBody(
            quotaPerParticipant: rules.supports.quotaPerParticipant, minimumPerParticipant: rules.supports.minimumPerParticipant,
            maximumPerProposition: rules.supports.maximumPerProposition)
        petitionThreshold = rules.petitionThreshold
        petitionThresholdStatus = rules.petitionThresholdStatus.rawValue
    }

    /// The rules of `processID`; what is absent takes the library's default.
    func rules(of processID: ProcessID, in tenant: TenantID) -> ContributionRules {
        let defaults = ContributionRules(processID: processID, tenantID: tenant)
        return ContributionRules(
            processID: processID, tenantID: tenant,
            reviewingBody: reviewingBody.map { ReviewingBody(kind: $0.kind, name: $0.name) } ?? defaults.reviewingBody,
            tenantReasons: (tenantReasons ?? []).map(ReviewReason.init(rawValue:)),
            tenantStatuses: (tenantStatuses ?? []).map(PropositionStatus.init(rawValue:)),
            supports: supports.map {
                SupportRules(
                    quotaPerParticipant: $0.quotaPerParticipant, minimumPerParticipant: $0.minimumPerParticipant,
                    maximumPerProposition: $0.maximumPerProposition)
            } ?? defaults.supports,
            petitionThreshold: petitionThreshold,
            petitionThresholdStatus: petitionThresholdStatus.map(PetitionStatus.init(rawValue:)) ?? defaults.petitionThresholdStatus)
    }

    static let schema = Schema.named(
        "ContributionRules",
        .object([
            .optional(
                "reviewingBody",
                .object([.required("kind", .enumeration(ReviewingBody.Kind.self)), .optional("name", .text)])),
            .optional("tenantReasons", .array(.text)), .optional("tenantStatuses", .array(.text)),
            .optional(
                "supports",
                .object([
                    .optional("quotaPerParticipant", .integer), .optional("minimumPerParticipant", .integer),
                    .optional("maximumPerProposition", .integer),
                ])),
            .optional("petitionThreshold", .integer), .optional("petitionThresholdStatus", .text),
        ]))
}
