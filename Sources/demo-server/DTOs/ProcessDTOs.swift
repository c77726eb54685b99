import Foundation
import Participation

/// An eligibility rule as the API shows and takes it.
struct EligibilityRuleBody: Codable, Sendable {
    let minimumAge: Int?
    let districts: [String]?
    let acceptedStatuses: [TerritorialStatus]?
    let requiredVerification: VerificationName?

    init(_ rule: EligibilityRule) {
        minimumAge = rule.minimumAge
        districts = rule.districts.map(\.rawValue).sorted()
        acceptedStatuses = rule.acceptedStatuses.sorted { $0.rawValue < $1.rawValue }
        requiredVerification = VerificationName(rule.requiredVerification)
    }

    func rule() throws -> EligibilityRule {
        EligibilityRule(
            minimumAge: minimumAge,
            districts: Set(try (districts ?? []).map { try DistrictID.validated($0, field: "districts") }),
            acceptedStatuses: Set(acceptedStatuses ?? []), requiredVerification: requiredVerification?.level ?? .unverified)
    }

    static let schema = Schema.named(
        "EligibilityRule",
        .object([
            .optional("minimumAge", .integer), .optional("districts", .array(.text)),
            .optional("acceptedStatuses", .array(.enumeration(TerritorialStatus.self))),
            .optional("requiredVerification", .enumeration(VerificationName.self)),
        ]))
}

/// The ballot formats' names in the API.
enum BallotFormatName: String, Codable, Sendable, CaseIterable {
    case approval, knapsack, cumulative, ranked
}

/// Vote rules as the API shows and takes them. The ballot is flattened: `format` and the
/// parameters that format uses.
struct VoteRulesBody: Codable, Sendable {
    struct BallotBody: Codable, Sendable {
        let format: BallotFormatName
        let minimum: Int?
        let maximum: Int?
        let minimumSpendPercent: Int?
        let points: Int?
        let maximumPerProject: Int?
        let maximumRanks: Int?

        init(_ format: BallotFormat) {
            var (minimum, maximum, spend, points, perProject, ranks): (Int?, Int?, Int?, Int?, Int?, Int?)
            switch format {
            case .approval(let low, let high):
                (minimum, maximum) = (low, high)
                self.format = .approval
            case .knapsack(let percent):
                spend = percent
                self.format = .knapsack
            case .cumulative(let total, let perOne):
                (points, perProject) = (total, perOne)
                self.format = .cumulative
            case .ranked(let count):
                ranks = count
                self.format = .ranked
            }
            self.minimum = minimum
            self.maximum = maximum
            self.minimumSpendPercent = spend
            self.points = points
            self.maximumPerProject = perProject
            self.maximumRanks = ranks
        }

        /// The library's format; a parameter the format needs must be present.
        func ballotFormat() throws -> BallotFormat {
            func require(_ value: Int?, _ name: String) throws -> Int {
                guard let value else {
                    throw APIError.malformed("a \(format.rawValue) ballot needs '\(name)'", field: "ballot.\(name)")
                }
                return value
            }
            switch format {
            case .approval: return .approval(minimum: minimum ?? 0, maximum: try require(maximum, "maximum"))
            case .knapsack: return .knapsack(minimumSpendPercent: minimumSpendPercent)
            case .cumulative: return .cumulative(points: try require(points, "points"), maximumPerProject: maximumPerProject)
            case .ranked: return .ranked(maximumRanks: try require(maximumRanks, "maximumRanks"))
            }
        }

        static let schema = Schema.named(
            "BallotFormat",
            .object([
                .required("format", .enumeration(BallotFormatName.self)), .optional("minimum", .integer),
                .optional("maximum", .integer), .optional("minimumSpendPercent", .integer), .optional("points", .integer),
                .optional("maximumPerProject", .integer), .optional("maximumRanks", .integer),
            ]))
    }

    let ballot: BallotBody
    let resultsVisibility: ResultsVisibility?
    let binding: Bool?

    init(_ rules: VoteRules) {
        ballot = BallotBody(rules.ballot)
        resultsVisibility = rules.resultsVisibility
        binding = rules.binding
    }

    func voteRules() throws -> VoteRules {
        VoteRules(
            ballot: try ballot.ballotFormat(), resultsVisibility: resultsVisibility ?? .afterPublication,
            binding: binding ?? true)
    }

    static let schema = Schema.named(
        "VoteRules",
        .object([
            .required("ballot", BallotBody.schema),
            .optional("resultsVisibility", .string(allowed: ["live", "afterPublication"])), .optional("binding", .boolean),
        ]))
}

/// A phase as the API shows it.
struct PhaseBody: Codable, Sendable {
    let id: String
    let name: String
    let kind: String
    let startsAt: Date?
    let endsAt: Date?
    let allowedActions: [ParticipationAction]
    let preconditions: [PhasePrecondition]
    let state: PhaseState
    let openedAt: Date?
    let closedAt: Date?

    init(_ phase: Phase) {
        id = phase.id.rawValue
        name = phase.name
        kind = phase.kind.rawValue
        startsAt = phase.startsAt
        endsAt = phase.endsAt
        allowedActions = phase.allowedActions.sorted { $0.rawValue < $1.rawValue }
        preconditions = phase.preconditions.sorted { $0.rawValue < $1.rawValue }
        state = phase.state
        openedAt = phase.openedAt
        closedAt = phase.closedAt
    }

    static let schema = Schema.named(
        "Phase",
        .object([
            .required("id", .text), .required("name", .text), .required("kind", .text), .optional("startsAt", .dateTime),
            .optional("endsAt", .dateTime), .required("allowedActions", .array(.enumeration(ParticipationAction.self))),
            .required("preconditions", .array(.enumeration(PhasePrecondition.self))),
            .required("state", .string(allowed: ["upcoming", "open", "closed"])), .optional("openedAt", .dateTime),
            .optional("closedAt", .dateTime),
        ]))
}

/// A phase of a new process.
struct NewPhaseBody: Codable, Sendable {
    let id: String
    let name: String
    /// A standard kind (`submission`, `vote`…) or one the tenant names.
    let kind: String
    let startsAt: Date?
    let endsAt: Date?
    let allowedActions: [ParticipationAction]?
    let preconditions: [PhasePrecondition]?

    func phase() throws -> Phase {
        Phase(
            id: try PhaseID.validated(id, field: "phases.id"), name: name, kind: PhaseKind(rawValue: kind),
            startsAt: startsAt, endsAt: endsAt, allowedActions: Set(allowedActions ?? []),
            preconditions: Set(preconditions ?? []))
    }

    static let schema = Schema.named(
        "NewPhase",
        .object([
            .required("id", .text), .required("name", .text), .required("kind", .text), .optional("startsAt", .dateTime),
            .optional("endsAt", .dateTime), .optional("allowedActions", .array(.enumeration(ParticipationAction.self))),
            .optional("preconditions", .array(.enumeration(PhasePrecondition.self))),
        ]))
}

/// A process as the API shows it.
struct ProcessBody: Codable, Sendable {
    let id: String
    let tenantID: String
    let kind: ProcessKind
    let title: String
    let summary: String
    let phases: [PhaseBody]
    let currentPhaseID: String?
    let eligibility: [String: EligibilityRuleBody]
    let displayPolicy: DisplayPolicy
    let requiresCharter: Bool
    let voteRules: VoteRulesBody?
    let budget: BudgetSettingsBody?
    let voteLocked: Bool
    let moderation: ModerationSettingsBody
    let allowsCitizenTagging: Bool
    let revision: Int
    let createdAt: Date

    init(_ process: ParticipatoryProcess) {
        id = process.id.rawValue
        tenantID = process.tenantID.rawValue
        kind = process.kind
        title = process.title
        summary = process.summary
        phases = process.phases.map(PhaseBody.init)
        currentPhaseID = process.currentPhase?.id.rawValue
        eligibility = Dictionary(uniqueKeysWithValues: process.eligibility.map { ($0.key.rawValue, EligibilityRuleBody($0.value)) })
        displayPolicy = process.displayPolicy
        requiresCharter = process.requiresCharter
        voteRules = process.voteRules.map(VoteRulesBody.init)
        budget = process.budget.map(BudgetSettingsBody.init)
        voteLocked = process.isVoteLocked
        moderation = ModerationSettingsBody(process.moderation)
        allowsCitizenTagging = process.allowsCitizenTagging
        revision = process.revision
        createdAt = process.createdAt
    }

    static let schema = Schema.named(
        "Process",
        .object([
            .required("id", .text), .required("tenantID", .text), .required("kind", .enumeration(ProcessKind.self)),
            .required("title", .text), .required("summary", .text), .required("phases", .array(PhaseBody.schema)),
            .optional("currentPhaseID", .text), .required("eligibility", .map(EligibilityRuleBody.schema)),
            .required("displayPolicy", .enumeration(DisplayPolicy.self)), .required("requiresCharter", .boolean),
            .optional("voteRules", VoteRulesBody.schema), .optional("budget", BudgetSettingsBody.schema),
            .required("voteLocked", .boolean), .required("moderation", ModerationSettingsBody.schema),
            .required("allowsCitizenTagging", .boolean), .required("revision", .integer), .required("createdAt", .dateTime),
        ]))
}

/// `POST /tenants/{tenantID}/processes`.
struct CreateProcessBody: Codable, Sendable {
    let kind: ProcessKind
    let title: String
    let summary: String?
    let phases: [NewPhaseBody]
    let eligibility: [String: EligibilityRuleBody]?
    let displayPolicy: DisplayPolicy?
    let requiresCharter: Bool?
    let voteRules: VoteRulesBody?

    /// The eligibility map keyed by the library's actions; an unknown action is refused.
    func eligibilityRules() throws -> [ParticipationAction: EligibilityRule] {
        var rules: [ParticipationAction: EligibilityRule] = [:]
        for (name, body) in eligibility ?? [:] {
            guard let action = ParticipationAction(rawValue: name) else {
                throw APIError.malformed("'\(name)' is not an action", field: "eligibility.\(name)")
            }
            rules[action] = try body.rule()
        }
        return rules
    }

    static let schema = Schema.named(
        "CreateProcess",
        .object([
            .required("kind", .enumeration(ProcessKind.self)), .required("title", .text), .optional("summary", .text),
            .required("phases", .array(NewPhaseBody.schema)), .optional("eligibility", .map(EligibilityRuleBody.schema)),
            .optional("displayPolicy", .enumeration(DisplayPolicy.self)), .optional("requiresCharter", .boolean),
            .optional("voteRules", VoteRulesBody.schema),
        ]))
}

/// `POST …/phases/{phaseID}/reopen`.
struct ReasonBody: Codable, Sendable {
    let reason: String

    static let schema = Schema.named("Reason", .object([.required("reason", .text)]))
}
