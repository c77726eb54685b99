/// The aggregated answers to one question.
public struct QuestionResult: Hashable, Sendable {
    public let question: Question
    /// How many participants answered it.
    public let respondents: Int
    /// What the answers add up to.
    public let summary: Summary

    /// The aggregate, by kind of question.
    public enum Summary: Hashable, Sendable {
        /// Single or multiple choice: how many chose each option, by option index.
        case choiceCounts([Int])
        /// Ranking: Borda points per option index (first of n options scores n, second n-1, …).
        case rankingPoints([Int])
        /// Free text: the answers, in participant order.
        case texts([String])
    }

    public init(question: Question, respondents: Int, summary: Summary) {
        self.question = question
        self.respondents = respondents
        self.summary = summary
    }

    /// The results of every question of `questionnaire`, in its order.
    public static func aggregate(_ questionnaire: Questionnaire, responses: [QuestionnaireResponse]) -> [QuestionResult] {
        questionnaire.questions.map { question in
            let answers = responses.compactMap { $0.answers[question.id] }
            let optionCount = question.kind.options.count
            switch question.kind {
            case .singleChoice, .multipleChoice:
                var counts = Array(repeating: 0, count: optionCount)
                for answer in answers {
                    switch answer {
                    case .choice(let index) where counts.indices.contains(index): counts[index] += 1
                    case .choices(let indices): for index in indices where counts.indices.contains(index) { counts[index] += 1 }
                    default: continue
                    }
                }
                return QuestionResult(question: question, respondents: answers.count, summary: .choiceCounts(counts))
            case .ranking:
                var points = Array(repeating: 0, count: optionCount)
                for case .ranking(let order) in answers {
                    for (rank, index) in order.enumerated() where points.indices.contains(index) {
                        points[index] += optionCount - rank
                    }
                }
                return QuestionResult(question: question, respondents: answers.count, summary: .rankingPoints(points))
            case .freeText:
                let texts = answers.compactMap { answer -> String? in
                    if case .text(let text) = answer { return text }
                    return nil
                }
                return QuestionResult(question: question, respondents: answers.count, summary: .texts(texts))
            }
        }
    }
}
