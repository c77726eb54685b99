import Foundation
import Participation

/// The text form of a ``ModeratedItem`` (its `description`): `proposition:<id>`,
/// `comment:<id>`, `petition:<id>` or `opinion:<propositionID>/<participantID>` (in place of
/// the participant, the opinion's public `id`).
enum ModeratedItemText {
    static func parse(_ text: String, field: String = "item") throws -> ModeratedItem {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw APIError.malformed("'\(text)' is not an item (proposition:<id>, comment:<id>, petition:<id>, opinion:<id>/<participant>)", field: field)
        }
        let ids = parts[1].split(separator: "/", maxSplits: 1).map(String.init)
        let id = try PropositionID.validated(ids[0], field: field).rawValue
        let owner = try ids.count == 2 ? ParticipantID.validated(ids[1], field: field).rawValue : ""
        guard parts[0] == "opinion" ? !owner.isEmpty : owner.isEmpty,
            let item = ModeratedItem(kind: parts[0], id: id, owner: owner)
        else {
            throw APIError.malformed("'\(parts[0])' is not a kind of item, or its id is incomplete", field: field)
        }
        return item
    }
}

/// An item's moderation state.
struct ModerationStateBody: Codable, Sendable {
    let item: String
    let processID: String
    let authors: [String]
    let visibility: ContentVisibility
    let openReports: Int
    let redactions: Int
    let lastAction: ModerationAction?
    let lastReason: String?
    let since: Date

    init(_ state: ModerationState) {
        item = state.item.description
        processID = state.processID.rawValue
        authors = state.authors.map(\.rawValue)
        visibility = state.visibility
        openReports = state.openReports
        redactions = state.redactions.count
        lastAction = state.lastDecision?.action
        lastReason = state.lastDecision?.reason
        since = state.since
    }

    static let schema = Schema.named(
        "ModerationState",
        .object([
            .required("item", .text), .required("processID", .text), .required("authors", .array(.text)),
            .required("visibility", .enumeration(ContentVisibility.self)), .required("openReports", .integer),
            .required("redactions", .integer), .optional("lastAction", .enumeration(ModerationAction.self)),
            .optional("lastReason", .text), .required("since", .dateTime),
        ]))
}

/// `POST /moderation/reports`.
struct ReportBody: Codable, Sendable {
    let item: String
    let reason: ReportReason
    let note: String?

    static let schema = Schema.named(
        "Report",
        .object([.required("item", .text), .required("reason", .enumeration(ReportReason.self)), .optional("note", .text)]))
}

/// What a reporter learns of their report.
struct ReportReceiptBody: Codable, Sendable {
    /// Whether this report reached the threshold that hides the item until a moderator decides.
    let hidItem: Bool

    static let schema = Schema.named("ReportReceipt", .object([.required("hidItem", .boolean)]))
}

/// The moderators' decisions the API takes.
enum ModerationDecisionName: String, Codable, Sendable, CaseIterable {
    case approve, hide, restore, dismissReports
}

/// `POST /moderation/decisions`.
struct DecisionBody: Codable, Sendable {
    let item: String
    let decision: ModerationDecisionName
    let reason: String

    static let schema = Schema.named(
        "ModerationDecision",
        .object([
            .required("item", .text), .required("decision", .enumeration(ModerationDecisionName.self)),
            .required("reason", .text),
        ]))
}

/// The moderation queue: items awaiting approval or with open reports.
struct ModerationQueueBody: Codable, Sendable {
    let pendingCount: Int
    let reportedCount: Int
    let items: [ModerationStateBody]

    init(_ queue: ModerationQueue) {
        pendingCount = queue.pendingCount
        reportedCount = queue.reportedCount
        items = queue.items.map(ModerationStateBody.init)
    }

    static let schema = Schema.named(
        "ModerationQueue",
        .object([
            .required("pendingCount", .integer), .required("reportedCount", .integer),
            .required("items", .array(ModerationStateBody.schema)),
        ]))
}

/// `POST …/participants/{id}/block`.
struct BlockBody: Codable, Sendable {
    let kind: ParticipantBlock.Kind
    let justification: String

    static let schema = Schema.named(
        "Block", .object([.required("kind", .enumeration(ParticipantBlock.Kind.self)), .required("justification", .text)]))
}

/// A participant's block.
struct BlockStateBody: Codable, Sendable {
    let participantID: String
    let kind: ParticipantBlock.Kind
    let justification: String
    let by: String
    let at: Date

    init(_ block: ParticipantBlock) {
        participantID = block.participantID.rawValue
        kind = block.kind
        justification = block.justification
        by = block.by.rawValue
        at = block.at
    }

    static let schema = Schema.named(
        "ParticipantBlock",
        .object([
            .required("participantID", .text), .required("kind", .enumeration(ParticipantBlock.Kind.self)),
            .required("justification", .text), .required("by", .text), .required("at", .dateTime),
        ]))
}

/// How a process moderates, as the API shows and takes it.
struct ModerationSettingsBody: Codable, Sendable {
    let mode: ModerationSettings.Mode
    /// Open reports that hide an item until a moderator decides.
    let reportThreshold: Int

    init(_ settings: ModerationSettings) {
        mode = settings.mode
        reportThreshold = settings.reportThreshold
    }

    var settings: ModerationSettings { ModerationSettings(mode: mode, reportThreshold: reportThreshold) }

    static let schema = Schema.named(
        "ModerationSettings",
        .object([.required("mode", .enumeration(ModerationSettings.Mode.self)), .required("reportThreshold", .integer)]))
}

/// `POST /moderation/redactions`.
struct RedactionRequestBody: Codable, Sendable {
    let item: String
    /// The exact text to mask wherever it occurs in the item's text.
    let fragment: String
    let reason: String

    static let schema = Schema.named(
        "Redact", .object([.required("item", .text), .required("fragment", .text), .required("reason", .text)]))
}

/// A fragment masked in an item's public text.
struct RedactionBody: Codable, Sendable {
    let fragment: String
    let reason: String
    let by: String
    let at: Date

    init(_ redaction: Redaction) {
        fragment = redaction.fragment
        reason = redaction.reason
        by = redaction.by.rawValue
        at = redaction.at
    }

    static let schema = Schema.named(
        "Redaction",
        .object([.required("fragment", .text), .required("reason", .text), .required("by", .text), .required("at", .dateTime)]))
}

/// One participant's report of an item.
struct ContentReportBody: Codable, Sendable {
    let reporterID: String
    let reason: ReportReason
    let note: String?
    let at: Date

    init(_ report: ContentReport) {
        reporterID = report.reporterID.rawValue
        reason = report.reason
        note = report.note
        at = report.at
    }

    static let schema = Schema.named(
        "ContentReport",
        .object([
            .required("reporterID", .text), .required("reason", .enumeration(ReportReason.self)), .optional("note", .text),
            .required("at", .dateTime),
        ]))
}

/// Everything a moderator needs on one item: its original text (unredacted), its state with
/// the redactions, and its reports.
struct ModerationRecordBody: Codable, Sendable {
    let state: ModerationStateBody
    /// The item's text fields as stored, before redaction.
    let originalTexts: [String]
    let needsApproval: Bool
    let redactions: [RedactionBody]
    let reports: [ContentReportBody]

    init(_ record: ModerationRecord) {
        state = ModerationStateBody(record.state)
        originalTexts = record.content.texts
        needsApproval = record.content.needsApproval
        redactions = record.state.redactions.map(RedactionBody.init)
        reports = record.reports.map(ContentReportBody.init)
    }

    static let schema = Schema.named(
        "ModerationRecord",
        .object([
            .required("state", ModerationStateBody.schema), .required("originalTexts", .array(.text)),
            .required("needsApproval", .boolean), .required("redactions", .array(RedactionBody.schema)),
            .required("reports", .array(ContentReportBody.schema)),
        ]))
}

/// Where an item stands, as its author sees it.
struct ModerationStatusBody: Codable, Sendable {
    let visibility: ContentVisibility
    let lastAction: ModerationAction?
    let lastReason: String?
    let redactedFragments: Int

    init(_ status: ModerationStatus) {
        visibility = status.visibility
        lastAction = status.lastDecision?.action
        lastReason = status.lastDecision?.reason
        redactedFragments = status.redactedFragments
    }

    static let schema = Schema.named(
        "ModerationStatus",
        .object([
            .required("visibility", .enumeration(ContentVisibility.self)),
            .optional("lastAction", .enumeration(ModerationAction.self)), .optional("lastReason", .text),
            .required("redactedFragments", .integer),
        ]))
}
