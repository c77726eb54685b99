import Foundation
import Participation

/// One point of a synthesis as the API shows and takes it; citations in their text form.
struct SynthesisPointBody: Codable, Sendable {
    let id: String
    let title: String
    let body: String
    /// `proposition:<id>` or `comment:<id>`, in the order the point gives them.
    let citations: [String]

    init(_ point: SynthesisPoint) {
        id = point.id
        title = point.title
        body = point.body
        citations = point.citations.map(\.description)
    }

    /// The library's point; each citation's form is checked here, what it cites by the library.
    func point(field: String) throws -> SynthesisPoint {
        SynthesisPoint(
            id: id, title: title, body: body,
            citations: try citations.map { try ContributionReferenceText.parse($0, field: "\(field).citations") })
    }

    static let schema = Schema.named(
        "SynthesisPoint",
        .object([
            .required("id", .text), .required("title", .text), .required("body", .text),
            .required("citations", .array(.text)),
        ]))
}

/// A synthesis as the API shows it.
struct SynthesisBody: Codable, Sendable {
    let id: String
    let processID: String
    let title: String
    let introduction: String
    let points: [SynthesisPointBody]
    let state: SynthesisState
    let validatedBy: String?
    let validatedAt: Date?
    let publishedAt: Date?
    let revision: Int
    let createdBy: String
    let createdAt: Date

    init(_ synthesis: Synthesis) {
        id = synthesis.id.rawValue
        processID = synthesis.processID.rawValue
        title = synthesis.title
        introduction = synthesis.introduction
        points = synthesis.points.map(SynthesisPointBody.init)
        state = synthesis.state
        validatedBy = synthesis.validatedBy?.rawValue
        validatedAt = synthesis.validatedAt
        publishedAt = synthesis.publishedAt
        revision = synthesis.revision
        createdBy = synthesis.createdBy.rawValue
        createdAt = synthesis.createdAt
    }

    static let schema = Schema.named(
        "Synthesis",
        .object([
            .required("id", .text), .required("processID", .text), .required("title", .text),
            .required("introduction", .text), .required("points", .array(SynthesisPointBody.schema)),
            .required("state", .enumeration(SynthesisState.self)), .optional("validatedBy", .text),
            .optional("validatedAt", .dateTime), .optional("publishedAt", .dateTime), .required("revision", .integer),
            .required("createdBy", .text), .required("createdAt", .dateTime),
        ]))
}

/// `POST …/processes/{processID}/syntheses`.
struct CreateSynthesisBody: Codable, Sendable {
    let title: String
    let introduction: String?

    static let schema = Schema.named(
        "CreateSynthesis", .object([.required("title", .text), .optional("introduction", .text)]))
}

/// `PUT /tenants/{tenantID}/syntheses/{synthesisID}`: the whole text and its points.
struct EditSynthesisBody: Codable, Sendable {
    let title: String
    let introduction: String?
    let points: [SynthesisPointBody]

    func libraryPoints() throws -> [SynthesisPoint] {
        try points.enumerated().map { try $0.element.point(field: "points[\($0.offset)]") }
    }

    static let schema = Schema.named(
        "EditSynthesis",
        .object([
            .required("title", .text), .optional("introduction", .text),
            .required("points", .array(SynthesisPointBody.schema)),
        ]))
}

/// A published synthesis point that cites a contribution.
struct SynthesisCitationBody: Codable, Sendable {
    let synthesisID: String
    let synthesisTitle: String
    let point: SynthesisPointBody
    let publishedAt: Date

    init(_ citation: SynthesisCitation) {
        synthesisID = citation.synthesisID.rawValue
        synthesisTitle = citation.synthesisTitle
        point = SynthesisPointBody(citation.point)
        publishedAt = citation.publishedAt
    }

    static let schema = Schema.named(
        "SynthesisCitation",
        .object([
            .required("synthesisID", .text), .required("synthesisTitle", .text),
            .required("point", SynthesisPointBody.schema), .required("publishedAt", .dateTime),
        ]))
}
