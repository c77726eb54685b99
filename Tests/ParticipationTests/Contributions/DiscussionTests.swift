import Foundation
import Participation
import Testing

@Suite("Comments, official answers and questionnaires")
struct DiscussionTests {
    @Test func commentsThreadRepliesToRepliesAndVotesAreOnePerParticipant() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await world.citizen()
        let bob = try await world.citizen("Bob")
        let proposition = try await world.published(in: process, by: alice)
        let subject = ContributionSubject.proposition(proposition.id)
        let root = try await world.service.postComment(on: subject, of: process.id, body: "Où exactement ?", by: bob)
        let reply = try await world.service.postComment(
            on: subject, of: process.id, body: "Près de l'école", replyingTo: root.id, stance: .inFavour, by: alice)
        _ = try await world.service.postComment(on: subject, of: process.id, body: "Bonne idée", replyingTo: reply.id, by: bob)
        let threads = try await world.service.commentThreads(on: subject, of: process.id, in: world.tenant.id)
        #expect(threads.count == 1)
        #expect(threads[0].replies[0].comment?.stance == .inFavour)
        #expect(threads[0].replies[0].replies[0].comment?.body == "Bonne idée")
        _ = try await world.service.voteOnComment(root.id, .up, by: alice)
        _ = try await world.service.voteOnComment(root.id, .up, by: alice)
        #expect(try await world.service.commentVoteCount(of: root.id, in: world.tenant.id) == CommentVoteCount(up: 1, down: 0))
        let changed = try await world.service.voteOnComment(root.id, .down, by: alice)
        #expect(changed == CommentVoteCount(up: 0, down: 1))
        let empty = await participationError { _ = try await world.service.postComment(on: subject, of: process.id, body: " ", by: bob) }
        #expect(empty?.field == "body")
    }

    @Test func officialAnswersAreAttributedAndListedApartFromComments() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await world.citizen()
        let proposition = try await world.published(in: process, by: alice)
        let subject = ContributionSubject.proposition(proposition.id)
        _ = try await world.service.postComment(on: subject, of: process.id, body: "Quand ?", by: alice)
        let agent = try await world.staff("Agent", roles: [.official])
        let answer = try await world.service.postOfficialAnswer(
            on: subject, of: process.id, body: "Travaux prévus en 2027", onBehalfOf: "Direction des espaces verts", by: agent)
        #expect(answer.role == .official)
        #expect(answer.onBehalfOf == "Direction des espaces verts")
        let answers = try await world.service.officialAnswers(on: subject, of: process.id, in: world.tenant.id)
        #expect(answers.map(\.id) == [answer.id])
        #expect(answers.map(\.author.handle) == [agent.participantID.rawValue], "officials are named where names are shown")
        let comments = try await world.service.commentThreads(on: subject, of: process.id, in: world.tenant.id)
        #expect(comments.map(\.comment?.body) == ["Quand ?"])
        let citizen = await participationError {
            _ = try await world.service.postOfficialAnswer(on: subject, of: process.id, body: "Officiel", by: alice)
        }
        #expect(citizen?.code == .forbidden)
    }

    @Test func questionnairesStoreAnswersPerParticipantAndAggregatePerQuestion() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation(kind: .questionnaire)
        let questionnaire = try await world.service.createQuestionnaire(
            in: process.id, title: "Mobilité",
            questions: [
                Question(id: "mode", text: "Mode principal", kind: .singleChoice(options: ["vélo", "bus", "voiture"]), required: true),
                Question(id: "besoins", text: "Besoins", kind: .multipleChoice(options: ["pistes", "parkings", "bancs"], maximum: 2)),
                Question(id: "priorites", text: "Priorités", kind: .ranking(options: ["sécurité", "vitesse", "coût"])),
                Question(id: "idee", text: "Une idée ?", kind: .freeText(maximumLength: 500)),
            ],
            acceptsCitizenQuestions: true, by: world.admin)
        let alice = try await world.citizen()
        let bob = try await world.citizen("Bob")
        try await world.service.answerQuestionnaire(
            questionnaire.id,
            answers: ["mode": .choice(0), "besoins": .choices([0, 2]), "priorites": .ranking([0, 2, 1]), "idee": .text("Plus d'arceaux")],
            by: alice)
        try await world.service.answerQuestionnaire(
            questionnaire.id, answers: ["mode": .choice(1), "besoins": .choices([0]), "priorites": .ranking([1, 0])], by: bob)
        let missing = await participationError { try await world.service.answerQuestionnaire(questionnaire.id, answers: [:], by: bob) }
        #expect(missing?.field == "answers.mode")
        let tooMany = await participationError {
            try await world.service.answerQuestionnaire(questionnaire.id, answers: ["mode": .choice(0), "besoins": .choices([0, 1, 2])], by: bob)
        }
        #expect(tooMany?.field == "answers.besoins")
        let proposed = try await world.service.proposeQuestion(
            to: questionnaire.id, text: "Faut-il plus de navettes ?", kind: .singleChoice(options: ["oui", "non"]), by: bob)
        #expect(proposed.questions.last?.proposedBy == bob.participantID)
        #expect(proposed.questions.last?.required == false)
        let results = try await world.service.questionnaireResults(of: questionnaire.id, in: world.tenant.id)
        #expect(results.map(\.respondents) == [2, 2, 2, 1, 0])
        #expect(results[0].summary == .choiceCounts([1, 1, 0]))
        #expect(results[1].summary == .choiceCounts([2, 0, 1]))
        // Alice: sécurité 3, coût 2, vitesse 1; Bob: vitesse 3, sécurité 2.
        #expect(results[2].summary == .rankingPoints([5, 4, 2]))
        #expect(results[3].summary == .texts(["Plus d'arceaux"]))
    }
}
