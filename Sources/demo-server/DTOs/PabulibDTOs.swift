import Participation

/// One scope of a budget as a pabulib `.pb` file; also the body of an import.
struct PabulibBody: Codable, Sendable {
    let scope: String?
    /// The file's text, to save as `<name>.pb`.
    let pabulib: String

    static let schema = Schema.named("Pabulib", .object([.optional("scope", .text), .required("pabulib", .text)]))
}

/// `POST …/processes/{processID}/pabulib`: the text of a `.pb` file.
struct PabulibImportBody: Codable, Sendable {
    let pabulib: String

    static let schema = Schema.named("PabulibImport", .object([.required("pabulib", .text)]))
}

/// What an import created.
struct PabulibImportSummaryBody: Codable, Sendable {
    let projects: Int
    let voters: Int
    let ballots: Int

    init(_ summary: PabulibImportSummary) {
        projects = summary.projects
        voters = summary.voters
        ballots = summary.ballots
    }

    static let schema = Schema.named(
        "PabulibImportSummary",
        .object([.required("projects", .integer), .required("voters", .integer), .required("ballots", .integer)]))
}
