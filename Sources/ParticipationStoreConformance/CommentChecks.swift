import Participation
import Testing

extension StorageConformance {
    static let commentChecks: [StorageConformanceCheck] = [
        .init("comments: replies to replies round trip in order; a parent on another subject refused") { storage in
            try await ContributionFixture.populate(storage)
            let root = ContributionFixture.comment("cm-1")
            let reply = ContributionFixture.comment("cm-2", parent: "cm-1", by: "admin")
            let replyToReply = ContributionFixture.comment("cm-3", parent: "cm-2")
            for comment in [root, reply, replyToReply] { try await storage.insertComment(comment) }
            let read = try await storage.comments(on: .proposition("p-1"), of: "bp-1", in: ContributionFixture.tenant)
            #expect(read == [root, reply, replyToReply])
            #expect(try await storage.comment("cm-3", in: ContributionFixture.tenant) == replyToReply)
            await expectError(.invalidInput) {
                try await storage.insertComment(ContributionFixture.comment("cm-4", on: .proposition("p-2"), parent: "cm-1"))
            }
            await expectError(.notFound) { try await storage.insertComment(ContributionFixture.comment("cm-5", parent: "cm-missing")) }
            await expectError(.notFound) { try await storage.insertComment(ContributionFixture.comment("cm-6", on: .proposition("p-9"))) }
            await expectError(.duplicate) { try await storage.insertComment(root) }
            await expectError(.notFound) { _ = try await storage.comment("cm-1", in: Fixture.tenantB.id) }
            let other = try await storage.comments(on: .proposition("p-2"), of: "bp-1", in: ContributionFixture.tenant)
            #expect(other.isEmpty)
        },
        .init("comments: one vote per participant and comment; a new vote replaces it") { storage in
            try await ContributionFixture.populate(storage)
            try await storage.insertComment(ContributionFixture.comment("cm-1"))
            func vote(_ voter: ParticipantID, _ value: CommentVoteValue) -> CommentVote {
                CommentVote(tenantID: ContributionFixture.tenant, commentID: "cm-1", voterID: voter, value: value, at: Fixture.date)
            }
            #expect(try await storage.recordCommentVote(vote("alice", .up)) == nil)
            #expect(try await storage.recordCommentVote(vote("alice", .up)) == vote("alice", .up))
            _ = try await storage.recordCommentVote(vote("admin", .up))
            #expect(try await storage.commentVoteCount(of: "cm-1", in: ContributionFixture.tenant) == CommentVoteCount(up: 2, down: 0))
            _ = try await storage.recordCommentVote(vote("alice", .down))
            #expect(try await storage.commentVoteCount(of: "cm-1", in: ContributionFixture.tenant) == CommentVoteCount(up: 1, down: 1))
            await expectError(.notFound) { _ = try await storage.recordCommentVote(vote("bob", .up)) }
        },
        .init("official answers: stored apart from comments, audited") { storage in
            try await ContributionFixture.populate(storage)
            let answer = OfficialAnswer(
                id: "ans-1", tenantID: ContributionFixture.tenant, processID: "bp-1", subject: .proposition("p-1"),
                authorID: "admin", role: .official, onBehalfOf: "Direction des espaces verts", body: "Studied", at: Fixture.date)
            try await storage.insertOfficialAnswer(answer, audit: Fixture.audit("ans-audit"))
            #expect(try await storage.officialAnswers(on: .proposition("p-1"), of: "bp-1", in: ContributionFixture.tenant) == [answer])
            #expect(try await storage.comments(on: .proposition("p-1"), of: "bp-1", in: ContributionFixture.tenant).isEmpty)
            await expectError(.duplicate) { try await storage.insertOfficialAnswer(answer, audit: Fixture.audit("ans-audit-2")) }
            let audit = try await storage.auditEntries(in: ContributionFixture.tenant, subject: nil)
            #expect(audit.contains { $0.id == "ans-audit" })
            #expect(audit.contains { $0.id == "ans-audit-2" } == false)
        },
        .init("questionnaires: round trip, appended questions kept, one response per participant") { storage in
            try await ContributionFixture.populate(storage)
            let questionnaire = Questionnaire(
                id: "qn-1", tenantID: ContributionFixture.tenant, processID: "bp-1", title: "Mobility",
                questions: [
                    Question(id: "q1", text: "Mode", kind: .singleChoice(options: ["bike", "bus"]), required: true),
                    Question(id: "q2", text: "Why", kind: .freeText(maximumLength: 500)),
                ],
                acceptsCitizenQuestions: true, createdAt: Fixture.date)
            try await storage.insertQuestionnaire(questionnaire, audit: Fixture.audit("qn-create"))
            #expect(try await storage.questionnaire("qn-1", in: ContributionFixture.tenant) == questionnaire)
            let added = Question(id: "q3", text: "Rank", kind: .ranking(options: ["a", "b"]), proposedBy: "alice")
            let updated = try await storage.appendQuestion(added, to: "qn-1", in: ContributionFixture.tenant)
            #expect(updated.questions.map(\.id) == ["q1", "q2", "q3"])
            await expectError(.duplicate) { _ = try await storage.appendQuestion(added, to: "qn-1", in: ContributionFixture.tenant) }
            let first = QuestionnaireResponse(
                tenantID: ContributionFixture.tenant, questionnaireID: "qn-1", participantID: "alice",
                answers: ["q1": .choice(0), "q2": .text("Faster"), "q3": .ranking([1, 0])], at: Fixture.date)
            #expect(try await storage.recordResponse(first) == nil)
            let second = QuestionnaireResponse(
                tenantID: ContributionFixture.tenant, questionnaireID: "qn-1", participantID: "alice",
                answers: ["q1": .choice(1)], at: Fixture.date)
            #expect(try await storage.recordResponse(second) == first)
            #expect(try await storage.responses(to: "qn-1", in: ContributionFixture.tenant) == [second])
            await expectError(.notFound) { _ = try await storage.questionnaire("qn-1", in: Fixture.tenantB.id) }
        },
    ]
}
