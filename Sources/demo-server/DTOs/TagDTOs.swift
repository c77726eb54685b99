import Foundation
import Participation

/// `POST …/processes/{processID}/tags`.
struct TagRequestBody: Codable, Sendable {
    /// `proposition:<id>` or `comment:<id>`.
    let contribution: String
    let tag: String

    static let schema = Schema.named("TagContribution", .object([.required("contribution", .text), .required("tag", .text)]))
}

/// `PUT …/processes/{processID}/citizen-tagging`.
struct CitizenTaggingBody: Codable, Sendable {
    let allowed: Bool

    static let schema = Schema.named("CitizenTagging", .object([.required("allowed", .boolean)]))
}

/// A tag one put on a contribution, as stored.
struct ContributionTagBody: Codable, Sendable {
    let processID: String
    let contribution: String
    let tag: String
    let taggedBy: String
    let byStaff: Bool
    let at: Date

    init(_ tag: ContributionTag) {
        processID = tag.processID.rawValue
        contribution = tag.contribution.description
        self.tag = tag.tag
        taggedBy = tag.taggedBy.rawValue
        byStaff = tag.byStaff
        at = tag.at
    }

    static let schema = Schema.named(
        "ContributionTag",
        .object([
            .required("processID", .text), .required("contribution", .text), .required("tag", .text),
            .required("taggedBy", .text), .required("byStaff", .boolean), .required("at", .dateTime),
        ]))
}

/// A tag on a public contribution, as the public sees it.
struct PublicContributionTagBody: Codable, Sendable {
    let contribution: String
    let tag: String
    let taggedBy: AuthorBody
    let byStaff: Bool
    let at: Date

    init(_ tag: PublicContributionTag) {
        contribution = tag.contribution.description
        self.tag = tag.tag
        taggedBy = AuthorBody(tag.taggedBy)
        byStaff = tag.byStaff
        at = tag.at
    }

    static let schema = Schema.named(
        "PublicContributionTag",
        .object([
            .required("contribution", .text), .required("tag", .text), .required("taggedBy", AuthorBody.schema),
            .required("byStaff", .boolean), .required("at", .dateTime),
        ]))
}

/// One theme and the public contributions tagged with it.
struct TagGroupBody: Codable, Sendable {
    let tag: String
    let contributions: [String]

    static let schema = Schema.named(
        "TagGroup", .object([.required("tag", .text), .required("contributions", .array(.text))]))
}

/// One shared term and the public contributions that use it.
struct SharedTermGroupBody: Codable, Sendable {
    let term: String
    let contributions: [String]

    init(_ group: SharedTermGrouping.Group) {
        term = group.term
        contributions = group.contributions
    }

    static let schema = Schema.named(
        "SharedTermGroup", .object([.required("term", .text), .required("contributions", .array(.text))]))
}
