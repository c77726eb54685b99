#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// A tenant with a row in every table the storage contract has, written through the storage
/// requirements: what the tenant archive checks export and import.
public enum ArchiveFixture {
    static let tenant = Fixture.tenantA.id

    static func at(_ seconds: Double) -> Date { Fixture.date.addingTimeInterval(seconds) }

    /// Stores tenants A and B (see ``Fixture/populate(_:)``), then fills tenant A: people with
    /// identity, acceptance, follows and preferences; a charter; rules; propositions with
    /// edits, status changes and realisation; supports, opinions, comments with a reply and
    /// votes, an official answer; a petition with signatures and a status change; a votation
    /// with ballots; a questionnaire with responses; budget ballots with a replacement and a
    /// refused duplicate; notifications (one delivered); news; a validated synthesis; tags.
    public static func populate(_ storage: any ParticipationStorage) async throws {
        try await Fixture.populate(storage)
        for id in ["carol", "dave", "élise"] { try await storage.insertParticipant(Fixture.person(ParticipantID(rawValue: id))) }
        try await storage.insertParticipant(
            Participant(
                id: "asso", tenantID: tenant, kind: .collective(.association, representative: "carol"), displayName: "Les Amis",
                profile: Profile(districtID: "south"), registeredAt: at(5)))
        try await storage.recordVerification(
            VerifiedIdentity(
                level: .verified, profile: Profile(birthDate: at(-900_000_000), districtID: "north", statuses: [.resident]),
                identityKey: "census:alice", method: "census"),
            of: "alice", in: tenant, audit: Fixture.audit("x-verify", subject: "participant:alice"))
        try await storage.insertCharter(
            Charter(tenantID: tenant, version: 1, title: "Charte", text: "v1", publishedAt: at(1)), audit: Fixture.audit("x-charter1"))
        try await storage.insertCharter(
            Charter(tenantID: tenant, version: 2, title: "Charte", text: "v2", publishedAt: at(2)), audit: Fixture.audit("x-charter2"))
        try await storage.recordAcceptance(CharterAcceptance(tenantID: tenant, participantID: "alice", version: 2, acceptedAt: at(3)))
        try await storage.recordAcceptance(CharterAcceptance(tenantID: tenant, participantID: "carol", version: 1, acceptedAt: at(4)))
        var process = try await storage.process("bp-1", in: tenant)
        process.allowsCitizenTagging = true
        process = try await storage.updateProcess(process, audit: Fixture.audit("x-process"))
        try await storage.insertProcess(Fixture.process("bp-2"), audit: Fixture.audit("x-bp-2", subject: "process:bp-2"))
        try await storage.setContributionRules(ContributionRules(processID: "bp-1", tenantID: tenant), audit: Fixture.audit("x-rules"))
        for id in ["p-1", "p-2", "p-3"] {
            let proposition = Fixture.proposition(PropositionID(rawValue: id))
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
        }
        var edited = try await storage.proposition("p-1", in: tenant)
        edited.body = "Body, second version"
        edited.version = 2
        edited.status = .retained
        _ = try await storage.updateProposition(
            edited,
            version: PropositionVersion(
                propositionID: "p-1", number: 2, title: edited.title, body: edited.body, estimatedCost: edited.estimatedCost,
                editedBy: "alice", at: at(10)),
            status: StatusChange(propositionID: "p-1", status: .retained, justification: "won", by: "admin", at: at(11)),
            audit: Fixture.audit("x-p-1", subject: "proposition:p-1"))
        try await storage.appendRealisationEvent(
            RealisationEvent(
                id: "r-1", tenantID: tenant, propositionID: "p-1", kind: .study, on: at(20), note: "étude", progressPercent: 5,
                spentToDate: 1_000, recordedBy: "admin", recordedAt: at(20)),
            at: 0, audit: Fixture.audit("x-r-1"))
        let draft = Proposition(
            id: "p-draft", tenantID: tenant, processID: "bp-1", authors: ["dave"], title: "Brouillon", body: "…", createdAt: at(30))
        try await storage.insertProposition(
            draft, version: Fixture.firstVersion(of: draft),
            status: StatusChange(propositionID: "p-draft", status: .draft, justification: "", by: "dave", at: at(30)))
        for (proposition, supporter) in [("p-1", "alice"), ("p-1", "carol"), ("p-2", "carol")] {
            _ = try await storage.recordSupport(
                Support(tenantID: tenant, processID: "bp-1", propositionID: PropositionID(rawValue: proposition),
                    supporterID: ParticipantID(rawValue: supporter), at: at(40)),
                rules: SupportRules())
        }
        _ = try await storage.recordOpinion(
            Opinion(tenantID: tenant, processID: "bp-1", propositionID: "p-2", participantID: "dave", stance: .mixed,
                argument: "Pourquoi pas", at: at(41)))
        try await storage.insertComment(ContributionFixture.comment("c-1"))
        try await storage.insertComment(ContributionFixture.comment("c-2", parent: "c-1", by: "carol"))
        try await storage.insertComment(ContributionFixture.comment("c-3", on: .process, by: "élise"))
        _ = try await storage.recordCommentVote(CommentVote(tenantID: tenant, commentID: "c-1", voterID: "dave", value: .up, at: at(42)))
        try await storage.insertOfficialAnswer(
            OfficialAnswer(id: "ans-1", tenantID: tenant, processID: "bp-1", subject: .proposition("p-1"), authorID: "admin",
                role: .official, onBehalfOf: nil, body: "Merci", at: at(43)),
            audit: Fixture.audit("x-answer"))
        let petition = ContributionFixture.petition(threshold: 2)
        try await storage.insertPetition(petition, status: ContributionFixture.opened(petition))
        _ = try await storage.recordSignature(ContributionFixture.signature(by: "carol"))
        _ = try await storage.recordSignature(PetitionSignature(tenantID: tenant, petitionID: "pet-1", signerID: "dave", at: at(44)))
        try await storage.insertVotation(
            Votation(id: "vot-1", tenantID: tenant, processID: "bp-1", title: "Votation",
                questions: [VotationQuestion(id: "q1", text: "Q1"), VotationQuestion(id: "q2", text: "Q2")],
                rule: VotationRule(minimumInFavour: 1), createdAt: at(45)),
            audit: Fixture.audit("x-votation"))
        try await storage.castVotationBallot(
            VotationBallot(tenantID: tenant, votationID: "vot-1", voterID: "alice", answers: ["q1": .yes, "q2": .no], castAt: at(46)))
        try await storage.insertQuestionnaire(
            Questionnaire(id: "qn-1", tenantID: tenant, processID: "bp-1", title: "Mobilité",
                questions: [Question(id: "q1", text: "Mode", kind: .singleChoice(options: ["vélo", "bus"]), required: true)],
                acceptsCitizenQuestions: false, createdAt: at(47)),
            audit: Fixture.audit("x-questionnaire"))
        _ = try await storage.recordResponse(
            QuestionnaireResponse(tenantID: tenant, questionnaireID: "qn-1", participantID: "élise", answers: ["q1": .choice(1)], at: at(48)))
        _ = try await storage.castBallot(Fixture.ballot("b-1", voter: "alice"))
        _ = try await storage.castBallot(Fixture.ballot("b-2", voter: "alice", choices: ["p-1", "p-2"]))
        _ = try await storage.castBallot(
            Fixture.ballot("b-3", voter: "carol", channel: .paper(station: "Mairie", agentID: "admin", batch: "lot-1")))
        _ = try await storage.castBallot(Fixture.ballot("b-4", voter: "carol"))
        _ = try await storage.castBallot(Fixture.ballot("b-5", voter: "dave", channel: .kiosk(kioskID: "k-1"), scope: "north"))
        try await storage.insertFollow(Follow(tenantID: tenant, participantID: "alice", target: .process("bp-1"), since: at(50)))
        try await storage.insertFollow(Follow(tenantID: tenant, participantID: "alice", target: .proposition("p-1"), since: at(51)))
        try await storage.setNotificationFrequency(.daily, of: "alice", in: tenant)
        try await storage.enqueueNotifications([
            StorageConformance.notification("n-1", event: "e-1", to: "alice"),
            StorageConformance.notification("n-2", event: "e-1", to: "carol"),
        ])
        try await storage.acknowledgeNotifications(["n-1"], at: at(52), in: tenant)
        try await storage.insertNewsPost(
            NewsPost(id: "news-1", tenantID: tenant, processID: "bp-1", title: "Compte-rendu", body: "…", links: [],
                authorID: "admin", publishedAt: at(53)))
        let synthesis = Synthesis(
            id: "syn-1", tenantID: tenant, processID: "bp-1", title: "Ce que nous avons entendu",
            points: [SynthesisPoint(id: "1", title: "Parcs", body: "Plus d'arbres", citations: [.proposition("p-1"), .comment("c-1")])],
            createdBy: "admin", createdAt: at(54))
        try await storage.insertSynthesis(synthesis, audit: Fixture.audit("x-syn-create"))
        var validated = try await storage.synthesis("syn-1", in: tenant)
        validated.state = .validated
        validated.validatedBy = "admin"
        validated.validatedAt = at(55)
        _ = try await storage.updateSynthesis(validated, audit: Fixture.audit("x-syn-validate"))
        for (contribution, tag, tagger, staff) in [
            (ContributionReference.proposition("p-1"), "parcs", "admin", true), (.comment("c-1"), "parcs", "alice", false),
            (.proposition("p-2"), "mobilité", "admin", true),
        ] {
            try await storage.insertContributionTag(
                ContributionTag(tenantID: tenant, processID: "bp-1", contribution: contribution, tag: tag,
                    taggedBy: ParticipantID(rawValue: tagger), byStaff: staff, at: at(56)))
        }
        // Moderation: two reports on c-3 (the second hides it at threshold 2), a block.
        for reporter in ["dave", "carol"] {
            _ = try await storage.recordReport(
                ContentReport(tenantID: tenant, item: .comment("c-3"), reporterID: ParticipantID(rawValue: reporter), reason: .spam,
                    at: at(57)),
                initial: ModerationState(tenantID: tenant, item: .comment("c-3"), processID: "bp-1", authors: ["élise"],
                    visibility: .visible, since: at(57)),
                threshold: 2)
        }
        try await storage.insertBlock(
            ParticipantBlock(tenantID: tenant, participantID: "dave", kind: .soft, justification: "insults", by: "admin", at: at(58)),
            audit: Fixture.audit("x-block", subject: "participant:dave"))
        // Tenant B holds one row of its own, which tenant A's archive must not contain.
        try await storage.insertProcess(Fixture.process("bp-b", in: Fixture.tenantB.id),
            audit: Fixture.audit("b-process", in: Fixture.tenantB.id))
    }
}
