import Foundation
import Participation

/// The kinds of question, flattened: `kind` and the parameters that kind uses.
enum QuestionKindName: String, Codable, Sendable, CaseIterable {
    case singleChoice, multipleChoice, ranking, freeText
}

/// A question as the API shows and takes it.
struct QuestionBody: Codable, Sendable {
    let id: String?
    let text: String
    let kind: QuestionKindName
    let options: [String]?
    /// For multiple choice: the most options one may pick.
    let maximum: Int?
    /// For free text.
    let maximumLength: Int?
    let required: Bool?
    let proposedBy: String?

    init(_ question: Question) {
        id = question.id.rawValue
        text = question.text
        required = question.required
        proposedBy = question.proposedBy?.rawValue
        var (maximum, maximumLength): (Int?, Int?) = (nil, nil)
        switch question.kind {
        case .singleChoice: kind = .singleChoice
        case .multipleChoice(_, let most):
            kind = .multipleChoice
            maximum = most
        case .ranking: kind = .ranking
        case .freeText(let length):
            kind = .freeText
            maximumLength = length
        }
        options = question.kind.options.isEmpty ? nil : question.kind.options
        self.maximum = maximum
        self.maximumLength = maximumLength
    }

    /// The library's kind; a parameter the kind needs must be present.
    func questionKind() throws -> QuestionKind {
        try Self.questionKind(kind, options: options, maximum: maximum, maximumLength: maximumLength)
    }

    static func questionKind(_ kind: QuestionKindName, options: [String]?, maximum: Int?, maximumLength: Int?) throws
        -> QuestionKind
    {
        switch kind {
        case .singleChoice: .singleChoice(options: options ?? [])
        case .multipleChoice: .multipleChoice(options: options ?? [], maximum: maximum)
        case .ranking: .ranking(options: options ?? [])
        case .freeText:
            .freeText(
                maximumLength: try maximumLength
                    ?? { throw APIError.malformed("a freeText question needs 'maximumLength'", field: "maximumLength") }())
        }
    }

    func question() throws -> Question {
        guard let id else { throw APIError.malformed("each question needs an 'id'", field: "questions.id") }
        return Question(
            id: try QuestionID.validated(id, field: "questions.id"), text: text, kind: try questionKind(),
            required: required ?? false)
    }

    static let schema = Schema.named(
        "Question",
        .object([
            .optional("id", .text), .required("text", .text), .required("kind", .enumeration(QuestionKindName.self)),
            .optional("options", .array(.text)), .optional("maximum", .integer), .optional("maximumLength", .integer),
            .optional("required", .boolean), .optional("proposedBy", .text),
        ]))
}

/// A questionnaire as the API shows it.
struct QuestionnaireBody: Codable, Sendable {
    let id: String
    let processID: String
    let title: String
    let questions: [QuestionBody]
    let acceptsCitizenQuestions: Bool
    let createdAt: Date

    init(_ questionnaire: Questionnaire) {
        id = questionnaire.id.rawValue
        processID = questionnaire.processID.rawValue
        title = questionnaire.title
        questions = questionnaire.questions.map(QuestionBody.init)
        acceptsCitizenQuestions = questionnaire.acceptsCitizenQuestions
        createdAt = questionnaire.createdAt
    }

    static let schema = Schema.named(
        "Questionnaire",
        .object([
            .required("id", .text), .required("processID", .text), .required("title", .text),
            .required("questions", .array(QuestionBody.schema)), .required("acceptsCitizenQuestions", .boolean),
            .required("createdAt", .dateTime),
        ]))
}

/// `POST …/questionnaires`.
struct CreateQuestionnaireBody: Codable, Sendable {
    let title: String
    let questions: [QuestionBody]
    let acceptsCitizenQuestions: Bool?

    static let schema = Schema.named(
        "CreateQuestionnaire",
        .object([
            .required("title", .text), .required("questions", .array(QuestionBody.schema)),
            .optional("acceptsCitizenQuestions", .boolean),
        ]))
}

/// `POST …/questionnaires/{id}/questions`: a citizen's closed question.
struct ProposeQuestionBody: Codable, Sendable {
    let text: String
    let kind: QuestionKindName
    let options: [String]
    let maximum: Int?

    func questionKind() throws -> QuestionKind {
        // Citizens propose closed questions; the library refuses free text whatever its length.
        try QuestionBody.questionKind(kind, options: options, maximum: maximum, maximumLength: 1)
    }

    static let schema = Schema.named(
        "ProposeQuestion",
        .object([
            .required("text", .text), .required("kind", .enumeration(QuestionKindName.self)),
            .required("options", .array(.text)), .optional("maximum", .integer),
        ]))
}

/// One answer: exactly one of its fields, matching the question's kind.
struct QuestionAnswerBody: Codable, Sendable {
    let choice: Int?
    let choices: [Int]?
    let ranking: [Int]?
    let text: String?

    func answer(field: String) throws -> QuestionAnswer {
        switch (choice, choices, ranking, text) {
        case (let index?, nil, nil, nil): return .choice(index)
        case (nil, let indices?, nil, nil): return .choices(Set(indices))
        case (nil, nil, let order?, nil): return .ranking(order)
        case (nil, nil, nil, let text?): return .text(text)
        default: throw APIError.malformed("an answer has exactly one of choice, choices, ranking, text", field: field)
        }
    }

    static let schema = Schema.named(
        "QuestionAnswer",
        .object([
            .optional("choice", .integer), .optional("choices", .array(.integer)), .optional("ranking", .array(.integer)),
            .optional("text", .text),
        ]))
}

/// `PUT …/my-answers`: answers by question id.
struct AnswerQuestionnaireBody: Codable, Sendable {
    let answers: [String: QuestionAnswerBody]

    func answerMap() throws -> [QuestionID: QuestionAnswer] {
        var map: [QuestionID: QuestionAnswer] = [:]
        for (id, body) in answers {
            map[try QuestionID.validated(id, field: "answers")] = try body.answer(field: "answers.\(id)")
        }
        return map
    }

    static let schema = Schema.named("AnswerQuestionnaire", .object([.required("answers", .map(QuestionAnswerBody.schema))]))
}

/// The results of a questionnaire, per question.
struct QuestionnaireResultsBody: Codable, Sendable {
    struct Line: Codable, Sendable {
        let question: QuestionBody
        let respondents: Int
        /// Per option, for single and multiple choice.
        let choiceCounts: [Int]?
        /// Per option (first place scores the number of options), for rankings.
        let rankingPoints: [Int]?
        /// For free text.
        let texts: [String]?
    }

    let items: [Line]

    init(_ results: [QuestionResult]) {
        items = results.map { result in
            var (counts, points, texts): ([Int]?, [Int]?, [String]?) = (nil, nil, nil)
            switch result.summary {
            case .choiceCounts(let values): counts = values
            case .rankingPoints(let values): points = values
            case .texts(let values): texts = values
            }
            return Line(
                question: QuestionBody(result.question), respondents: result.respondents, choiceCounts: counts,
                rankingPoints: points, texts: texts)
        }
    }

    static let schema = Schema.named(
        "QuestionnaireResults",
        .object([
            .required(
                "items",
                .array(
                    .object([
                        .required("question", QuestionBody.schema), .required("respondents", .integer),
                        .optional("choiceCounts", .array(.integer)), .optional("rankingPoints", .array(.integer)),
                        .optional("texts", .array(.text)),
                    ]))),
        ]))
}
