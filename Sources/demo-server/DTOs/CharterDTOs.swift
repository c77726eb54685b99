import Foundation
import Participation

/// A charter version as the API shows it.
struct CharterBody: Codable, Sendable {
    let tenantID: String
    let version: Int
    let title: String
    let text: String
    let publishedAt: Date

    init(_ charter: Charter) {
        tenantID = charter.tenantID.rawValue
        version = charter.version
        title = charter.title
        text = charter.text
        publishedAt = charter.publishedAt
    }

    static let schema = Schema.named(
        "Charter",
        .object([
            .required("tenantID", .text), .required("version", .integer), .required("title", .text),
            .required("text", .text), .required("publishedAt", .dateTime),
        ]))
}

/// A participant's acceptance of a charter version.
struct CharterAcceptanceBody: Codable, Sendable {
    let tenantID: String
    let participantID: String
    let version: Int
    let acceptedAt: Date

    init(_ acceptance: CharterAcceptance) {
        tenantID = acceptance.tenantID.rawValue
        participantID = acceptance.participantID.rawValue
        version = acceptance.version
        acceptedAt = acceptance.acceptedAt
    }

    static let schema = Schema.named(
        "CharterAcceptance",
        .object([
            .required("tenantID", .text), .required("participantID", .text), .required("version", .integer),
            .required("acceptedAt", .dateTime),
        ]))
}

/// `POST /tenants/{tenantID}/charters`.
struct PublishCharterBody: Codable, Sendable {
    let title: String
    let text: String

    static let schema = Schema.named("PublishCharter", .object([.required("title", .text), .required("text", .text)]))
}
