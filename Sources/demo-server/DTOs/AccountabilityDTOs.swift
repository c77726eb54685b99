import Foundation
import Participation

/// `POST …/archive`.
struct ArchiveBody: Codable, Sendable {
    /// Days participant data is kept after archiving; absent keeps the process's setting.
    let retentionDays: Int?

    static let schema = Schema.named("Archive", .object([.optional("retentionDays", .integer)]))
}

/// `POST …/open-data`.
struct OpenDataRequestBody: Codable, Sendable {
    /// The tenant's pseudonymisation secret (at least 16 bytes), kept by the host.
    let secret: String
    let minimumGroupSize: Int?

    static let schema = Schema.named(
        "OpenDataRequest", .object([.required("secret", .text), .optional("minimumGroupSize", .integer)]))
}

/// The open-data export as the library encodes it (`open-data.json`).
enum OpenDataSchema {
    static let table = Schema.named(
        "OpenDataTable",
        .object([
            .required("name", .text), .required("description", .text),
            .required(
                "columns",
                .array(.object([.required("name", .text), .required("type", .text), .required("description", .text)]))),
            // One object per row keyed by column name; cells are text, integers, booleans or null.
            .required("rows", .array(.map(.any))),
        ]))

    static let schema = Schema.named(
        "OpenDataExport",
        .object([
            .required("tenantID", .text), .required("processID", .text), .required("processTitle", .text),
            .required("generatedAt", .dateTime), .required("minimumGroupSize", .integer),
            .required("tables", .array(table)), .required("columns", table),
        ]))
}

/// A process's participation figures.
struct ProcessStatisticsBody: Codable, Sendable {
    let registrations: Int
    let uniqueParticipants: Int
    let contributionsByType: [String: Int]
    let ballotsByChannel: [String: Int]
    let onlineContributions: Int
    let offlineContributions: Int
    let offlineShare: RationalBody
    let firstTimeParticipants: Int

    init(_ statistics: ProcessStatistics) {
        registrations = statistics.registrations
        uniqueParticipants = statistics.uniqueParticipants
        contributionsByType = statistics.contributionsByType
        ballotsByChannel = statistics.ballotsByChannel
        onlineContributions = statistics.onlineContributions
        offlineContributions = statistics.offlineContributions
        offlineShare = RationalBody(statistics.offlineShare)
        firstTimeParticipants = statistics.firstTimeParticipants
    }

    static let schema = Schema.named(
        "ProcessStatistics",
        .object([
            .required("registrations", .integer), .required("uniqueParticipants", .integer),
            .required("contributionsByType", .map(.integer)), .required("ballotsByChannel", .map(.integer)),
            .required("onlineContributions", .integer), .required("offlineContributions", .integer),
            .required("offlineShare", RationalBody.schema), .required("firstTimeParticipants", .integer),
        ]))
}

/// `POST …/representativeness`: the census the tenant supplies.
struct CensusBody: Codable, Sendable {
    struct AgeGroupBody: Codable, Sendable {
        let from: Int
        /// Absent for an open bracket ("65+").
        let to: Int?
        let eligible: Int
    }

    let byDistrict: [String: Int]?
    let byAge: [AgeGroupBody]?
    /// The day ages are taken on (default: now).
    let on: Date?

    func census() throws -> Census {
        var districts: [DistrictID: Int] = [:]
        for (id, count) in byDistrict ?? [:] { districts[try DistrictID.validated(id, field: "byDistrict")] = count }
        return Census(byDistrict: districts, byAge: (byAge ?? []).map { .init(AgeBracket($0.from, $0.to), eligible: $0.eligible) })
    }

    static let schema = Schema.named(
        "Census",
        .object([
            .optional("byDistrict", .map(.integer)),
            .optional(
                "byAge",
                .array(.object([.required("from", .integer), .optional("to", .integer), .required("eligible", .integer)]))),
            .optional("on", .dateTime),
        ]))
}

/// Turnout and representation per group, and the dissimilarity index.
struct RepresentativenessBody: Codable, Sendable {
    struct GroupBody: Codable, Sendable {
        let group: String
        let eligible: Int
        let participants: Int
        let turnout: RationalBody?
        let populationShare: RationalBody
        let participantShare: RationalBody
        let representationRatio: RationalBody?
    }

    struct DimensionBody: Codable, Sendable {
        let groups: [GroupBody]
        let unclassified: Int
        let turnout: RationalBody?
        let dissimilarityIndex: RationalBody

        init(_ value: Representativeness) {
            groups = value.groups.map {
                GroupBody(
                    group: $0.group, eligible: $0.eligible, participants: $0.participants, turnout: $0.turnout.map(RationalBody.init),
                    populationShare: RationalBody($0.populationShare), participantShare: RationalBody($0.participantShare),
                    representationRatio: $0.representationRatio.map(RationalBody.init))
            }
            unclassified = value.unclassified
            turnout = value.turnout.map(RationalBody.init)
            dissimilarityIndex = RationalBody(value.dissimilarityIndex)
        }
    }

    let byDistrict: DimensionBody
    let byAge: DimensionBody

    init(_ report: RepresentativenessReport) {
        byDistrict = DimensionBody(report.byDistrict)
        byAge = DimensionBody(report.byAge)
    }

    static let dimension = Schema.named(
        "Representativeness",
        .object([
            .required(
                "groups",
                .array(
                    .object([
                        .required("group", .text), .required("eligible", .integer), .required("participants", .integer),
                        .optional("turnout", RationalBody.schema), .required("populationShare", RationalBody.schema),
                        .required("participantShare", RationalBody.schema),
                        .optional("representationRatio", RationalBody.schema),
                    ]))),
            .required("unclassified", .integer), .optional("turnout", RationalBody.schema),
            .required("dissimilarityIndex", RationalBody.schema),
        ]))

    static let schema = Schema.named(
        "RepresentativenessReport", .object([.required("byDistrict", dimension), .required("byAge", dimension)]))
}
