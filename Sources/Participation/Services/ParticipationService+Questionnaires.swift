extension ParticipationService {
    /// Creates a questionnaire in `processID`. Administrators only; audited.
    /// - Throws: `invalidInput` (title; no question; a repeated id; an empty text; a closed
    ///   question with fewer than two options).
    public func createQuestionnaire(
        in processID: ProcessID, title: String, questions: [Question], acceptsCitizenQuestions: Bool = false,
        by caller: Caller
    ) async throws -> Questionnaire {
        try await authorize(caller, for: .manageProcess)
        let title = try Validate.text(title, field: "title")
        guard !questions.isEmpty else { throw ParticipationError.invalid("questions", "a questionnaire needs a question") }
        guard Set(questions.map(\.id)).count == questions.count else {
            throw ParticipationError.invalid("questions", "question ids must be distinct")
        }
        for question in questions { try Self.validate(question) }
        _ = try await storage.process(processID, in: caller.tenantID)
        let questionnaire = Questionnaire(
            id: QuestionnaireID(rawValue: ids.next(prefix: "questionnaire")), tenantID: caller.tenantID,
            processID: processID, title: title, questions: questions, acceptsCitizenQuestions: acceptsCitizenQuestions,
            createdAt: clock.now())
        try await storage.insertQuestionnaire(
            questionnaire,
            audit: auditEntry(by: caller, action: "questionnaire.created", subject: "questionnaire:\(questionnaire.id)"))
        return questionnaire
    }

    /// Proposes a closed question (single or multiple choice, ranking) to a questionnaire that
    /// accepts citizens' questions, while the phase allows `.answer`. It is added as optional,
    /// credited to the caller.
    public func proposeQuestion(
        to questionnaireID: QuestionnaireID, text: String, kind: QuestionKind, by caller: Caller
    ) async throws -> Questionnaire {
        try await authorizeAct(by: caller)
        let questionnaire = try await storage.questionnaire(questionnaireID, in: caller.tenantID)
        let process = try await storage.process(questionnaire.processID, in: caller.tenantID)
        try await authorize(.answer, by: caller, in: process)
        guard questionnaire.acceptsCitizenQuestions else {
            throw ParticipationError(.forbidden, "questionnaire '\(questionnaireID)' does not take citizens' questions")
        }
        if case .freeText = kind {
            throw ParticipationError.invalid("kind", "citizens propose closed questions (choices or ranking)")
        }
        let question = Question(
            id: QuestionID(rawValue: ids.next(prefix: "question")), text: text, kind: kind, required: false,
            proposedBy: caller.participantID)
        try Self.validate(question)
        return try await storage.appendQuestion(question, to: questionnaireID, in: caller.tenantID)
    }

    /// Stores the caller's answers (replacing earlier ones), while the phase allows `.answer`.
    /// - Throws: `invalidInput` naming `answers.<question id>`.
    public func answerQuestionnaire(
        _ questionnaireID: QuestionnaireID, answers: [QuestionID: QuestionAnswer], by caller: Caller
    ) async throws {
        try await authorizeAct(by: caller)
        let questionnaire = try await storage.questionnaire(questionnaireID, in: caller.tenantID)
        let process = try await storage.process(questionnaire.processID, in: caller.tenantID)
        try await authorize(.answer, by: caller, in: process)
        try questionnaire.validate(answers)
        _ = try await storage.recordResponse(
            QuestionnaireResponse(
                tenantID: caller.tenantID, questionnaireID: questionnaireID, participantID: caller.participantID,
                answers: answers, at: clock.now()))
    }

    /// The questionnaire and its questions, readable by anyone of its tenant. Who proposed a
    /// citizen's question is shown only where the process shows real names.
    /// - Throws: `notFound`.
    public func questionnaire(_ id: QuestionnaireID, in tenant: TenantID) async throws -> Questionnaire {
        var questionnaire = try await storage.questionnaire(id, in: tenant)
        let process = try await storage.process(questionnaire.processID, in: tenant)
        if process.displayPolicy != .realName {
            questionnaire.questions = questionnaire.questions.map { $0.proposedBy == nil ? $0 : $0.withoutProposer }
        }
        return questionnaire
    }

    /// The results, aggregated per question.
    public func questionnaireResults(of questionnaireID: QuestionnaireID, in tenant: TenantID) async throws
        -> [QuestionResult]
    {
        let questionnaire = try await storage.questionnaire(questionnaireID, in: tenant)
        return QuestionResult.aggregate(questionnaire, responses: try await storage.responses(to: questionnaireID, in: tenant))
    }

    static func validate(_ question: Question) throws {
        _ = try Validate.text(question.text, field: "questions.text", maximumLength: 1_000)
        switch question.kind {
        case .singleChoice(let options), .multipleChoice(let options, _), .ranking(let options):
            guard options.count >= 2 else {
                throw ParticipationError.invalid("questions.options", "a closed question needs at least two options")
            }
            for option in options { _ = try Validate.text(option, field: "questions.options") }
            if case .multipleChoice(_, let maximum?) = question.kind, maximum < 1 {
                throw ParticipationError.invalid("questions.maximum", "the maximum of choices must be at least 1")
            }
        case .freeText(let maximumLength):
            guard maximumLength >= 1 else {
                throw ParticipationError.invalid("questions.maximumLength", "free text needs a positive maximum length")
            }
        }
    }
}
