import Participation

/// The body of an operation that returns nothing of its own: `{"done": true}`.
struct DoneBody: Codable, Sendable {
    let done: Bool

    static let ok = DoneBody(done: true)
    static let schema = Schema.named("Done", .object([.required("done", .boolean)]))
}

/// An exact fraction with its decimal approximation (shares, turnouts, ratios).
struct RationalBody: Codable, Sendable {
    /// `numerator/denominator`, or a whole number.
    let exact: String
    let approximate: Double

    init(_ value: Rational) {
        exact = value.description
        approximate = value.doubleValue
    }

    static let schema = Schema.named("Rational", .object([.required("exact", .text), .required("approximate", .number)]))
}

/// Who writes a new contribution: the caller alone, with co-authors, or for a collective
/// they represent. Shared by propositions and petitions.
struct AuthorshipFields {
    static let properties: [Schema.Property] = [.optional("coAuthors", .array(.text)), .optional("collectiveID", .text)]

    static func authorship(coAuthors: [String]?, collectiveID: String?) throws -> Authorship {
        switch (coAuthors, collectiveID) {
        case (nil, nil): return .individual
        case (let ids?, nil): return .coAuthored(with: try ids.map { try ParticipantID.validated($0, field: "coAuthors") })
        case (nil, let id?): return .collective(try ParticipantID.validated(id, field: "collectiveID"))
        case (.some, .some):
            throw APIError.malformed("give either 'coAuthors' or 'collectiveID', not both", field: "collectiveID")
        }
    }
}

/// The text form of a ``ContributionSubject``: `process`, `proposition:<id>` or `petition:<id>`
/// (the same form as its `description`).
enum SubjectText {
    static let schema = Schema.string()
    static let description = "what the contribution is about: `process`, `proposition:<id>` or `petition:<id>`"

    static func parse(_ text: String, field: String = "subject") throws -> ContributionSubject {
        if text == "process" { return .process }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw APIError.malformed("'\(text)' is not a subject (process, proposition:<id>, petition:<id>)", field: field)
        }
        switch parts[0] {
        case "proposition": return .proposition(try PropositionID.validated(parts[1], field: field))
        case "petition": return .petition(try PetitionID.validated(parts[1], field: field))
        default: throw APIError.malformed("'\(parts[0])' is not a kind of subject (proposition, petition)", field: field)
        }
    }
}

/// The text form of a ``FollowTarget``: `process:<id>`, `theme:<name>`, `district:<id>` or
/// `proposition:<id>` (the same form as its `description`).
enum FollowTargetText {
    static func parse(_ text: String, field: String = "target") throws -> FollowTarget {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw APIError.malformed("'\(text)' is not a target (process:<id>, theme:<name>, district:<id>, proposition:<id>)", field: field)
        }
        switch parts[0] {
        case "process": return .process(try ProcessID.validated(parts[1], field: field))
        case "theme": return .theme(parts[1])
        case "district": return .district(try DistrictID.validated(parts[1], field: field))
        case "proposition": return .proposition(try PropositionID.validated(parts[1], field: field))
        default: throw APIError.malformed("'\(parts[0])' is not a kind of target (process, theme, district, proposition)", field: field)
        }
    }
}

/// The text form of a ``ContributionReference``: `proposition:<id>` or `comment:<id>` (the same
/// form as its `description`), what syntheses cite and tags label.
enum ContributionReferenceText {
    static let description = "a contribution: `proposition:<id>` or `comment:<id>`"

    static func parse(_ text: String, field: String = "contribution") throws -> ContributionReference {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw APIError.malformed("'\(text)' is not a contribution (proposition:<id>, comment:<id>)", field: field)
        }
        switch parts[0] {
        case "proposition": return .proposition(try PropositionID.validated(parts[1], field: field))
        case "comment": return .comment(try CommentID.validated(parts[1], field: field))
        default: throw APIError.malformed("'\(parts[0])' is not a kind of contribution (proposition, comment)", field: field)
        }
    }
}

/// A person as the public sees them, under the process's display policy: a name, and a handle
/// only where the policy lets contributions be linked (see the library's `PublicAuthor`).
struct AuthorBody: Codable, Sendable {
    let name: String
    let handle: String?

    init(_ author: PublicAuthor) {
        name = author.name
        handle = author.handle
    }

    static let schema = Schema.named(
        "PublicAuthor", .object([.required("name", .text), .optional("handle", .text)]))
}
