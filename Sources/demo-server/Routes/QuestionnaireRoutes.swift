import HTTPTypes
import Participation

/// Questionnaires: creation, citizens' questions, answers, aggregated results.
enum QuestionnaireRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/questionnaires",
            summary: "Create a questionnaire (administrators)", tag: "questionnaires", access: .participant,
            request: CreateQuestionnaireBody.schema, status: .created, response: QuestionnaireBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CreateQuestionnaireBody.self)
            let questionnaire = try await request.service.createQuestionnaire(
                in: try request.id("processID"), title: body.title, questions: try body.questions.map { try $0.question() },
                acceptsCitizenQuestions: body.acceptsCitizenQuestions ?? false, by: try request.caller())
            return .json(QuestionnaireBody(questionnaire), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/questionnaires/{questionnaireID}", summary: "Read a questionnaire",
            tag: "questionnaires", access: .public, response: QuestionnaireBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(QuestionnaireBody(
                try await request.service.questionnaire(try request.id("questionnaireID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/questionnaires/{questionnaireID}/questions",
            summary: "Propose a closed question to a questionnaire that takes citizens' questions", tag: "questionnaires",
            access: .participant, request: ProposeQuestionBody.schema, status: .created, response: QuestionnaireBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(ProposeQuestionBody.self)
            let questionnaire = try await request.service.proposeQuestion(
                to: try request.id("questionnaireID"), text: body.text, kind: try body.questionKind(), by: try request.caller())
            return .json(QuestionnaireBody(questionnaire), status: .created)
        },
        Endpoint(
            .put, "/tenants/{tenantID}/questionnaires/{questionnaireID}/my-answers",
            summary: "Answer (replacing one's earlier answers)", tag: "questionnaires", access: .participant,
            request: AnswerQuestionnaireBody.schema, response: DoneBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(AnswerQuestionnaireBody.self)
            try await request.service.answerQuestionnaire(
                try request.id("questionnaireID"), answers: try body.answerMap(), by: try request.caller())
            return .json(DoneBody.ok)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/questionnaires/{questionnaireID}/results",
            summary: "The results, aggregated per question", tag: "questionnaires", access: .public,
            response: QuestionnaireResultsBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(QuestionnaireResultsBody(
                try await request.service.questionnaireResults(of: try request.id("questionnaireID"), in: try request.tenantID())))
        },
    ]
}
