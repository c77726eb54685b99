import Foundation
import Participation

/// A participatory budget's money settings, amounts in integer cents.
struct BudgetSettingsBody: Codable, Sendable {
    struct CycleBody: Codable, Sendable {
        let firstYear: Int
        let years: Int?
    }

    let envelope: Int64
    let districtEnvelopes: [String: Int64]?
    let districtVoting: String?
    let categories: [String]?
    let cycle: CycleBody

    init(_ settings: BudgetSettings) {
        envelope = settings.envelope
        districtEnvelopes = Dictionary(uniqueKeysWithValues: settings.districtEnvelopes.map { ($0.key.rawValue, $0.value) })
        districtVoting = settings.districtVoting.rawValue
        categories = settings.categories.sorted()
        cycle = CycleBody(firstYear: settings.cycle.firstYear, years: settings.cycle.years)
    }

    func settings() throws -> BudgetSettings {
        var envelopes: [DistrictID: Int64] = [:]
        for (district, amount) in districtEnvelopes ?? [:] {
            envelopes[try DistrictID.validated(district, field: "districtEnvelopes")] = amount
        }
        return BudgetSettings(
            envelope: envelope, districtEnvelopes: envelopes,
            districtVoting: districtVoting.flatMap(DistrictVoting.init(rawValue:)) ?? .ownDistrict,
            categories: Set(categories ?? []), cycle: BudgetCycle(firstYear: cycle.firstYear, years: cycle.years ?? 1))
    }

    static let schema = Schema.named(
        "BudgetSettings",
        .object([
            .required("envelope", .integer), .optional("districtEnvelopes", .map(.integer)),
            .optional("districtVoting", .string(allowed: ["ownDistrict", "anyDistrict"])),
            .optional("categories", .array(.text)),
            .required("cycle", .object([.required("firstYear", .integer), .optional("years", .integer)])),
        ]))
}

/// The projects on one ballot, with their costs.
struct BallotListBody: Codable, Sendable {
    struct Project: Codable, Sendable {
        let propositionID: String
        let cost: Int64
    }

    let scope: String?
    let envelope: Int64
    let projects: [Project]

    init(_ list: BallotList) {
        scope = list.scope?.rawValue
        envelope = list.envelope
        projects = list.costs.map { Project(propositionID: $0.key.rawValue, cost: $0.value) }.sorted { $0.propositionID < $1.propositionID }
    }

    static let schema = Schema.named(
        "BallotList",
        .object([
            .optional("scope", .text), .required("envelope", .integer),
            .required("projects", .array(.object([.required("propositionID", .text), .required("cost", .integer)]))),
        ]))
}

/// One line of a ballot.
struct BallotChoiceBody: Codable, Sendable, JSONWritable {
    let propositionID: String
    let points: Int?

    init(_ choice: BallotChoice) {
        propositionID = choice.propositionID.rawValue
        points = choice.points
    }

    /// Read from element `index` of a body's `choices`.
    init(json: JSONValue, index: Int) throws {
        propositionID = try json.requiredString("propositionID")
        points = try json.optionalInteger("points", field: "choices.\(index).points")
    }

    func choice() throws -> BallotChoice {
        BallotChoice(try PropositionID.validated(propositionID, field: "choices.propositionID"), points: points ?? 1)
    }

    func write(to writer: inout JSONWriter) {
        writer.object { object in
            if let points { object.member("points") { $0.integer(points) } }
            object.member("propositionID", propositionID)
        }
    }

    static let schema = Schema.named(
        "BallotChoice", .object([.required("propositionID", .text), .optional("points", .integer)]))
}

/// How a ballot reached the count.
struct VoteChannelBody: Codable, Sendable, JSONWritable {
    let kind: String
    let station: String?
    let agentID: String?
    let batch: String?
    let kioskID: String?

    init(_ channel: VoteChannel) {
        kind = channel.name
        switch channel {
        case .online: (station, agentID, batch, kioskID) = (nil, nil, nil, nil)
        case .paper(let place, let agent, let batchName): (station, agentID, batch, kioskID) = (place, agent.rawValue, batchName, nil)
        case .assisted(let agent): (station, agentID, batch, kioskID) = (nil, agent.rawValue, nil, nil)
        case .kiosk(let kiosk): (station, agentID, batch, kioskID) = (nil, nil, nil, kiosk)
        }
    }

    func write(to writer: inout JSONWriter) {
        writer.object { object in
            object.member("agentID", ifPresent: agentID)
            object.member("batch", ifPresent: batch)
            object.member("kind", kind)
            object.member("kioskID", ifPresent: kioskID)
            object.member("station", ifPresent: station)
        }
    }

    static let schema = Schema.named(
        "VoteChannel",
        .object([
            .required("kind", .string(allowed: ["online", "paper", "assisted", "kiosk"])), .optional("station", .text),
            .optional("agentID", .text), .optional("batch", .text), .optional("kioskID", .text),
        ]))
}

/// A ballot as the API shows it.
struct BallotBody: Codable, Sendable, JSONWritable {
    let id: String
    let processID: String
    let voterID: String
    let scope: String?
    let channel: VoteChannelBody
    let choices: [BallotChoiceBody]
    let castAt: Date

    init(_ ballot: Ballot) {
        id = ballot.id.rawValue
        processID = ballot.processID.rawValue
        voterID = ballot.voterID.rawValue
        scope = ballot.scope?.rawValue
        channel = VoteChannelBody(ballot.channel)
        choices = ballot.choices.map(BallotChoiceBody.init)
        castAt = ballot.castAt
    }

    func write(to writer: inout JSONWriter) {
        writer.object { object in
            object.member("castAt") { $0.date(castAt) }
            object.member("channel") { channel.write(to: &$0) }
            object.member("choices") { $0.array(choices) { writer, choice in choice.write(to: &writer) } }
            object.member("id", id)
            object.member("processID", processID)
            object.member("scope", ifPresent: scope)
            object.member("voterID", voterID)
        }
    }

    static let schema = Schema.named(
        "Ballot",
        .object([
            .required("id", .text), .required("processID", .text), .required("voterID", .text), .optional("scope", .text),
            .required("channel", VoteChannelBody.schema), .required("choices", .array(BallotChoiceBody.schema)),
            .required("castAt", .dateTime),
        ]))
}

/// `POST …/ballots`: the caller's own ballot, online or on a kiosk.
struct CastBallotBody: Codable, Sendable, JSONReadable {
    let choices: [BallotChoiceBody]
    let scope: String?
    /// Set when the ballot is cast on a kiosk.
    let kioskID: String?

    init(json: JSONValue) throws {
        choices = try json.requiredArray("choices").enumerated().map { try BallotChoiceBody(json: $1, index: $0) }
        scope = try json.optionalString("scope")
        kioskID = try json.optionalString("kioskID")
    }

    static let schema = Schema.named(
        "CastBallot",
        .object([
            .required("choices", .array(BallotChoiceBody.schema)), .optional("scope", .text), .optional("kioskID", .text),
        ]))
}

/// A ballot an agent records for a voter (assisted, or one line of a paper batch).
struct VoterBallotBody: Codable, Sendable {
    let voterID: String
    let scope: String?
    let choices: [BallotChoiceBody]

    static let schema = Schema.named(
        "VoterBallot",
        .object([.required("voterID", .text), .optional("scope", .text), .required("choices", .array(BallotChoiceBody.schema))]))
}

/// `POST …/paper-batches`.
struct PaperBatchBody: Codable, Sendable {
    let station: String
    let batch: String
    let ballots: [VoterBallotBody]

    static let schema = Schema.named(
        "PaperBatch",
        .object([
            .required("station", .text), .required("batch", .text), .required("ballots", .array(VoterBallotBody.schema)),
        ]))
}

/// What became of each ballot of a paper batch, in order.
struct PaperBatchOutcomeBody: Codable, Sendable {
    struct Outcome: Codable, Sendable {
        let counted: Bool
        let ballotID: String?
        let error: ErrorBody.Detail?
    }

    let counted: Int
    let outcomes: [Outcome]

    init(_ outcomes: [PaperBallotOutcome]) {
        self.outcomes = outcomes.map { outcome in
            switch outcome {
            case .counted(let id): Outcome(counted: true, ballotID: id.rawValue, error: nil)
            case .refused(let error):
                Outcome(counted: false, ballotID: nil, error: .init(code: error.code.rawValue, message: error.message, field: error.field, requestID: nil))
            }
        }
        counted = self.outcomes.filter(\.counted).count
    }

    static let schema = Schema.named(
        "PaperBatchOutcome",
        .object([
            .required("counted", .integer),
            .required(
                "outcomes",
                .array(
                    .object([
                        .required("counted", .boolean), .optional("ballotID", .text),
                        .optional("error", .object([.required("code", .text), .required("message", .text), .optional("field", .text)])),
                    ]))),
        ]))
}

/// Counts of a vote in one scope.
struct TallyBody: Codable, Sendable {
    struct ProjectCount: Codable, Sendable {
        let propositionID: String
        let supporters: Int
        let points: Int
    }

    let scope: String?
    let ballots: Int
    let ballotsByChannel: [String: Int]
    let projects: [ProjectCount]

    init(_ tally: BallotTally) {
        scope = tally.scope?.rawValue
        ballots = tally.ballots
        ballotsByChannel = tally.ballotsByChannel
        projects = tally.supporters.keys.sorted().map { id in
            ProjectCount(propositionID: id.rawValue, supporters: tally.supporters[id] ?? 0, points: tally.points[id] ?? 0)
        }
    }

    static let schema = Schema.named(
        "Tally",
        .object([
            .optional("scope", .text), .required("ballots", .integer), .required("ballotsByChannel", .map(.integer)),
            .required(
                "projects",
                .array(.object([.required("propositionID", .text), .required("supporters", .integer), .required("points", .integer)]))),
        ]))
}

/// A refused second ballot, for staff.
struct BallotConflictBody: Codable, Sendable {
    let voterID: String
    let scope: String?
    let keptBallotID: String
    let keptChannel: VoteChannelBody
    let refusedBallotID: String
    let refusedChannel: VoteChannelBody
    let at: Date

    init(_ conflict: BallotConflict) {
        voterID = conflict.voterID.rawValue
        scope = conflict.scope?.rawValue
        keptBallotID = conflict.keptBallotID.rawValue
        keptChannel = VoteChannelBody(conflict.keptChannel)
        refusedBallotID = conflict.refusedBallotID.rawValue
        refusedChannel = VoteChannelBody(conflict.refusedChannel)
        at = conflict.at
    }

    static let schema = Schema.named(
        "BallotConflict",
        .object([
            .required("voterID", .text), .optional("scope", .text), .required("keptBallotID", .text),
            .required("keptChannel", VoteChannelBody.schema), .required("refusedBallotID", .text),
            .required("refusedChannel", VoteChannelBody.schema), .required("at", .dateTime),
        ]))
}
