import Foundation
import Participation

/// A petition as the API shows it.
struct PetitionBody: Codable, Sendable {
    let id: String
    let processID: String
    let authors: [String]
    let title: String
    let body: String
    let threshold: Int
    let thresholdStatus: String
    let status: String
    let signatureCount: Int
    let createdAt: Date

    init(_ petition: Petition) {
        id = petition.id.rawValue
        processID = petition.processID.rawValue
        authors = petition.authors.map(\.rawValue)
        title = petition.title
        body = petition.body
        threshold = petition.threshold
        thresholdStatus = petition.thresholdStatus.rawValue
        status = petition.status.rawValue
        signatureCount = petition.signatureCount
        createdAt = petition.createdAt
    }

    static let schema = Schema.named(
        "Petition",
        .object([
            .required("id", .text), .required("processID", .text), .required("authors", .array(.text)),
            .required("title", .text), .required("body", .text), .required("threshold", .integer),
            .required("thresholdStatus", .text), .required("status", .text), .required("signatureCount", .integer),
            .required("createdAt", .dateTime),
        ]))
}

/// A petition as the public sees it.
struct PublicPetitionBody: Codable, Sendable {
    let id: String
    let processID: String
    let authors: [AuthorBody]
    let title: String
    let body: String
    let threshold: Int
    let thresholdStatus: String
    let status: String
    let signatureCount: Int
    let createdAt: Date

    init(_ petition: PublicPetition) {
        id = petition.id.rawValue
        processID = petition.processID.rawValue
        authors = petition.authors.map(AuthorBody.init)
        title = petition.title
        body = petition.body
        threshold = petition.threshold
        thresholdStatus = petition.thresholdStatus.rawValue
        status = petition.status.rawValue
        signatureCount = petition.signatureCount
        createdAt = petition.createdAt
    }

    static let schema = Schema.named(
        "PublicPetition",
        .object([
            .required("id", .text), .required("processID", .text), .required("authors", .array(AuthorBody.schema)),
            .required("title", .text), .required("body", .text), .required("threshold", .integer),
            .required("thresholdStatus", .text), .required("status", .text), .required("signatureCount", .integer),
            .required("createdAt", .dateTime),
        ]))
}

/// `POST …/petitions`.
struct CreatePetitionBody: Codable, Sendable {
    let title: String
    let body: String
    let coAuthors: [String]?
    let collectiveID: String?

    static let schema = Schema.named(
        "CreatePetition", .object([.required("title", .text), .required("body", .text)] + AuthorshipFields.properties))
}

/// One entry of a petition's status history.
struct PetitionStatusChangeBody: Codable, Sendable {
    let status: String
    let justification: String
    /// Absent when the platform changed the status (the threshold was reached).
    let by: AuthorBody?
    let at: Date

    init(_ change: PublicPetitionStatusChange) {
        status = change.status.rawValue
        justification = change.justification
        by = change.by.map(AuthorBody.init)
        at = change.at
    }

    static let schema = Schema.named(
        "PetitionStatusChange",
        .object([
            .required("status", .text), .required("justification", .text), .optional("by", AuthorBody.schema),
            .required("at", .dateTime),
        ]))
}

/// What a signature did: the petition after it, and its status change at the threshold.
struct SignatureReceiptBody: Codable, Sendable {
    let petition: PublicPetitionBody
    let statusChange: PetitionStatusChangeBody?

    init(_ receipt: PublicSignatureReceipt) {
        petition = PublicPetitionBody(receipt.petition)
        statusChange = receipt.statusChange.map(PetitionStatusChangeBody.init)
    }

    static let schema = Schema.named(
        "SignatureReceipt",
        .object([.required("petition", PublicPetitionBody.schema), .optional("statusChange", PetitionStatusChangeBody.schema)]))
}

/// `POST …/decision`.
struct PetitionDecisionBody: Codable, Sendable {
    let decision: PetitionDecision
    let justification: String

    static let schema = Schema.named(
        "PetitionDecision",
        .object([.required("decision", .enumeration(PetitionDecision.self)), .required("justification", .text)]))
}

/// A votation's question.
struct VotationQuestionBody: Codable, Sendable {
    let id: String
    let text: String
    let petitionID: String?

    init(_ question: VotationQuestion) {
        id = question.id.rawValue
        text = question.text
        petitionID = question.petitionID?.rawValue
    }

    func question() throws -> VotationQuestion {
        VotationQuestion(
            id: try VotationQuestionID.validated(id, field: "questions.id"), text: text,
            petitionID: try petitionID.map { try PetitionID.validated($0, field: "questions.petitionID") })
    }

    static let schema = Schema.named(
        "VotationQuestion", .object([.required("id", .text), .required("text", .text), .optional("petitionID", .text)]))
}

/// A votation as the API shows it.
struct VotationBody: Codable, Sendable {
    let id: String
    let processID: String
    let title: String
    let questions: [VotationQuestionBody]
    let minimumInFavour: Int
    let createdAt: Date

    init(_ votation: Votation) {
        id = votation.id.rawValue
        processID = votation.processID.rawValue
        title = votation.title
        questions = votation.questions.map(VotationQuestionBody.init)
        minimumInFavour = votation.rule.minimumInFavour
        createdAt = votation.createdAt
    }

    static let schema = Schema.named(
        "Votation",
        .object([
            .required("id", .text), .required("processID", .text), .required("title", .text),
            .required("questions", .array(VotationQuestionBody.schema)), .required("minimumInFavour", .integer),
            .required("createdAt", .dateTime),
        ]))
}

/// `POST …/votations`.
struct CreateVotationBody: Codable, Sendable {
    let title: String
    let questions: [VotationQuestionBody]
    /// A question is adopted with at least this many yes votes, and more yes than no.
    let minimumInFavour: Int

    static let schema = Schema.named(
        "CreateVotation",
        .object([
            .required("title", .text), .required("questions", .array(VotationQuestionBody.schema)),
            .required("minimumInFavour", .integer),
        ]))
}

/// `POST …/votations/{id}/ballots`: yes or no per question id.
struct VotationBallotBody: Codable, Sendable {
    let answers: [String: VotationAnswer]

    func answerMap() throws -> [VotationQuestionID: VotationAnswer] {
        var map: [VotationQuestionID: VotationAnswer] = [:]
        for (id, answer) in answers { map[try VotationQuestionID.validated(id, field: "answers")] = answer }
        return map
    }

    static let schema = Schema.named(
        "VotationBallot", .object([.required("answers", .map(.enumeration(VotationAnswer.self)))]))
}

/// Each question's counts and outcome.
struct VotationResultsBody: Codable, Sendable {
    struct Line: Codable, Sendable {
        let question: VotationQuestionBody
        let inFavour: Int
        let against: Int
        let adopted: Bool
    }

    let items: [Line]

    init(_ results: [VotationResult]) {
        items = results.map {
            Line(question: VotationQuestionBody($0.question), inFavour: $0.inFavour, against: $0.against, adopted: $0.adopted)
        }
    }

    static let schema = Schema.named(
        "VotationResults",
        .object([
            .required(
                "items",
                .array(
                    .object([
                        .required("question", VotationQuestionBody.schema), .required("inFavour", .integer),
                        .required("against", .integer), .required("adopted", .boolean),
                    ]))),
        ]))
}
