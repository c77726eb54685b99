import Foundation
import Participation

/// A published budget result: the counting rule and, per scope, the projects selected.
struct BudgetResultBody: Codable, Sendable {
    struct ScopeBody: Codable, Sendable {
        struct Supporters: Codable, Sendable {
            let propositionID: String
            let supporters: Int
        }

        let scope: String?
        let envelope: Int64
        let selected: [String]
        let totalCost: Int64
        let ballots: Int
        let supporters: [Supporters]

        init(_ scope: ScopeResult) {
            self.scope = scope.scope?.rawValue
            envelope = scope.envelope
            selected = scope.selected.map(\.rawValue)
            totalCost = scope.totalCost
            ballots = scope.ballots
            supporters = scope.supporters.keys.sorted().map {
                Supporters(propositionID: $0.rawValue, supporters: scope.supporters[$0] ?? 0)
            }
        }

        static let schema = Schema.named(
            "ScopeResult",
            .object([
                .optional("scope", .text), .required("envelope", .integer), .required("selected", .array(.text)),
                .required("totalCost", .integer), .required("ballots", .integer),
                .required(
                    "supporters",
                    .array(.object([.required("propositionID", .text), .required("supporters", .integer)]))),
            ]))
    }

    /// Why this version replaced the previous one.
    struct CorrectionBody: Codable, Sendable {
        let replacedVersion: Int
        let reason: String

        static let schema = Schema.named(
            "ResultCorrection", .object([.required("replacedVersion", .integer), .required("reason", .text)]))
    }

    let rule: String
    let scopes: [ScopeBody]
    let binding: Bool
    let publishedAt: Date
    let publishedBy: String
    let version: Int
    let correction: CorrectionBody?

    init(_ result: BudgetResult) {
        rule = result.rule
        scopes = result.scopes.map(ScopeBody.init)
        binding = result.binding
        publishedAt = result.publishedAt
        publishedBy = result.publishedBy.rawValue
        version = result.version
        correction = result.correction.map { CorrectionBody(replacedVersion: $0.replacedVersion, reason: $0.reason) }
    }

    static let schema = Schema.named(
        "BudgetResult",
        .object([
            .required("rule", .text),
            .required("scopes", .array(ScopeBody.schema)),
            .required("binding", .boolean), .required("publishedAt", .dateTime), .required("publishedBy", .text),
            .required("version", .integer), .optional("correction", CorrectionBody.schema),
        ]))
}

/// `POST …/results/corrections`: the reason, and the rule to count with (the published one when absent).
struct CorrectResultsBody: Codable, Sendable {
    let reason: String
    let rule: CountingRule?

    static let schema = Schema.named(
        "CorrectResults", .object([.required("reason", .text), .optional("rule", .enumeration(CountingRule.self))]))
}

/// A count that publishes nothing: the rule asked for (absent: the budget's own) and, per
/// scope, the projects it selects.
struct CountBody: Codable, Sendable {
    let rule: String?
    let scopes: [BudgetResultBody.ScopeBody]

    init(rule: CountingRule?, scopes: [ScopeResult]) {
        self.rule = rule?.rawValue
        self.scopes = scopes.map(BudgetResultBody.ScopeBody.init)
    }

    static let schema = Schema.named(
        "Count",
        .object([
            .optional("rule", .enumeration(CountingRule.self)), .required("scopes", .array(BudgetResultBody.ScopeBody.schema)),
        ]))
}

/// `POST /public-draw`: a seeded draw anyone can recompute.
struct PublicDrawBody: Codable, Sendable {
    let seed: String
    let list: [String]
    let count: Int

    static let schema = Schema.named(
        "PublicDraw", .object([.required("seed", .text), .required("list", .array(.text)), .required("count", .integer)]))
}

/// The winners of a public draw, in draw order.
struct PublicDrawResultBody: Codable, Sendable {
    let seed: String
    let winners: [String]

    static let schema = Schema.named(
        "PublicDrawResult", .object([.required("seed", .text), .required("winners", .array(.text))]))
}

/// A retained project's realisation timeline.
struct RealisationTimelineBody: Codable, Sendable {
    struct EventBody: Codable, Sendable {
        let id: String
        let kind: RealisationEventKind
        let on: Date
        let note: String
        let progressPercent: Int?
        let spentToDate: Int64?
        let recordedBy: String
        let recordedAt: Date
    }

    let propositionID: String
    let estimatedCost: Int64?
    let state: RealisationState
    let progressPercent: Int
    let spent: Int64
    let differenceFromEstimate: Int64?
    let events: [EventBody]

    init(_ timeline: RealisationTimeline) {
        propositionID = timeline.propositionID.rawValue
        estimatedCost = timeline.estimatedCost
        state = timeline.state
        progressPercent = timeline.progressPercent
        spent = timeline.spent
        differenceFromEstimate = timeline.differenceFromEstimate
        events = timeline.events.map {
            EventBody(
                id: $0.id.rawValue, kind: $0.kind, on: $0.on, note: $0.note, progressPercent: $0.progressPercent,
                spentToDate: $0.spentToDate, recordedBy: $0.recordedBy.rawValue, recordedAt: $0.recordedAt)
        }
    }

    static let schema = Schema.named(
        "RealisationTimeline",
        .object([
            .required("propositionID", .text), .optional("estimatedCost", .integer),
            .required("state", .string(allowed: ["notStarted", "underway", "delivered", "abandoned"])),
            .required("progressPercent", .integer), .required("spent", .integer),
            .optional("differenceFromEstimate", .integer),
            .required(
                "events",
                .array(
                    .object([
                        .required("id", .text), .required("kind", .enumeration(RealisationEventKind.self)),
                        .required("on", .dateTime), .required("note", .text), .optional("progressPercent", .integer),
                        .optional("spentToDate", .integer), .required("recordedBy", .text), .required("recordedAt", .dateTime),
                    ]))),
        ]))
}

/// `POST …/realisation-events`.
struct RealisationEventRequestBody: Codable, Sendable {
    let kind: RealisationEventKind
    let on: Date
    let note: String?
    let progressPercent: Int?
    let spentToDate: Int64?

    static let schema = Schema.named(
        "RecordRealisationEvent",
        .object([
            .required("kind", .enumeration(RealisationEventKind.self)), .required("on", .dateTime), .optional("note", .text),
            .optional("progressPercent", .integer), .optional("spentToDate", .integer),
        ]))
}
