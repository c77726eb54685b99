#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A questionnaire of a process: open and closed questions, some optionally proposed by
/// citizens. Answers are stored per participant; results aggregate per question.
public struct Questionnaire: Hashable, Sendable, Codable, Identifiable {
    public let id: QuestionnaireID
    public let tenantID: TenantID
    public let processID: ProcessID
    public var title: String
    public var questions: [Question]
    /// Whether citizens may propose questions (they are added as optional closed questions).
    public var acceptsCitizenQuestions: Bool
    public let createdAt: Date

    public init(
        id: QuestionnaireID, tenantID: TenantID, processID: ProcessID, title: String, questions: [Question],
        acceptsCitizenQuestions: Bool = false, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.title = title
        self.questions = questions
        self.acceptsCitizenQuestions = acceptsCitizenQuestions
        self.createdAt = createdAt
    }

    /// Checks `answers` against the questions: every required question answered, every answer
    /// of the question's kind with valid option indices. Throws `invalidInput` naming
    /// `answers.<question id>`.
    public func validate(_ answers: [QuestionID: QuestionAnswer]) throws {
        for key in answers.keys where !questions.contains(where: { $0.id == key }) {
            throw ParticipationError.invalid("answers.\(key)", "the questionnaire has no question '\(key)'")
        }
        for question in questions {
            guard let answer = answers[question.id] else {
                if question.required {
                    throw ParticipationError.invalid("answers.\(question.id)", "question '\(question.text)' requires an answer")
                }
                continue
            }
            try question.validate(answer)
        }
    }
}

/// A questionnaire's id.
public typealias QuestionnaireID = Identifier<Questionnaire>

/// One question.
public struct Question: Hashable, Sendable, Codable, Identifiable {
    public let id: QuestionID
    public let text: String
    public let kind: QuestionKind
    public let required: Bool
    /// The citizen who proposed it, or nil for the organiser's questions.
    public let proposedBy: ParticipantID?

    public init(id: QuestionID, text: String, kind: QuestionKind, required: Bool = false, proposedBy: ParticipantID? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.required = required
        self.proposedBy = proposedBy
    }

    /// The question without who proposed it: what the public reads unless names are shown.
    var withoutProposer: Question { Question(id: id, text: text, kind: kind, required: required) }

    /// Checks that `answer` fits this question.
    public func validate(_ answer: QuestionAnswer) throws {
        let field = "answers.\(id)"
        func checkIndex(_ index: Int, _ options: [String]) throws {
            guard options.indices.contains(index) else {
                throw ParticipationError.invalid(field, "option \(index) does not exist (0..<\(options.count))")
            }
        }
        switch (kind, answer) {
        case (.singleChoice(let options), .choice(let index)):
            try checkIndex(index, options)
        case (.multipleChoice(let options, let maximum), .choices(let indices)):
            guard !indices.isEmpty else { throw ParticipationError.invalid(field, "choose at least one option") }
            for index in indices { try checkIndex(index, options) }
            if let maximum, indices.count > maximum {
                throw ParticipationError.invalid(field, "choose at most \(maximum) option(s)")
            }
        case (.ranking(let options), .ranking(let order)):
            guard !order.isEmpty else { throw ParticipationError.invalid(field, "rank at least one option") }
            for index in order { try checkIndex(index, options) }
            guard Set(order).count == order.count else { throw ParticipationError.invalid(field, "an option is ranked twice") }
        case (.freeText(let maximumLength), .text(let text)):
            let trimmed = Validate.trimmed(text)
            guard !trimmed.isEmpty else { throw ParticipationError.invalid(field, "the answer must not be empty") }
            guard trimmed.count <= maximumLength else {
                throw ParticipationError.invalid(field, "the answer must be at most \(maximumLength) characters")
            }
        default:
            throw ParticipationError.invalid(field, "the answer does not match the kind of question")
        }
    }
}

/// A question's id, unique within its questionnaire.
public typealias QuestionID = Identifier<Question>

/// The kinds of question: closed (choices, ranking) or open (free text).
public enum QuestionKind: Hashable, Sendable, Codable {
    case singleChoice(options: [String])
    /// Several options, at most `maximum` when set.
    case multipleChoice(options: [String], maximum: Int?)
    /// Order options, best first (all or some of them).
    case ranking(options: [String])
    case freeText(maximumLength: Int)

    /// The options of a closed question; empty for free text.
    public var options: [String] {
        switch self {
        case .singleChoice(let options), .multipleChoice(let options, _), .ranking(let options): options
        case .freeText: []
        }
    }
}

/// An answer to one question; options are referred to by their index.
public enum QuestionAnswer: Hashable, Sendable, Codable {
    case choice(Int)
    case choices(Set<Int>)
    /// Option indices, best first.
    case ranking([Int])
    case text(String)
}

/// One participant's answers to a questionnaire; answering again replaces them.
public struct QuestionnaireResponse: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let questionnaireID: QuestionnaireID
    public let participantID: ParticipantID
    public let answers: [QuestionID: QuestionAnswer]
    public let at: Date

    public init(
        tenantID: TenantID, questionnaireID: QuestionnaireID, participantID: ParticipantID,
        answers: [QuestionID: QuestionAnswer], at: Date
    ) {
        self.tenantID = tenantID
        self.questionnaireID = questionnaireID
        self.participantID = participantID
        self.answers = answers
        self.at = at
    }
}
