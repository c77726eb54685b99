import Foundation
import Participation
import Testing

@Suite("Propositions: lifecycle, versions, review and public status")
struct PropositionTests {
    @Test func editsKeepEveryVersionSoCitizensSeeTheOriginalAndTheReworkedText() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await world.citizen()
        let proposition = try await world.published(in: process, by: alice)
        world.clock.advance(by: 3_600)
        let agent = try await world.staff("Agent", roles: [.reviewer])
        _ = try await world.service.editProposition(
            proposition.id, PropositionDraft(title: "Bancs au parc Mistral", body: "Six bancs à l'ombre des platanes."),
            note: "rewritten with the author after the workshop", by: agent)
        let versions = try await world.service.versions(of: proposition.id, in: world.tenant.id)
        #expect(versions.map(\.number) == [1, 2])
        #expect(versions[0].body == "Des bancs à l'ombre.")
        #expect(versions[0].editedBy.handle == alice.participantID.rawValue)
        #expect(versions[1].body == "Six bancs à l'ombre des platanes.")
        #expect(versions[1].editedBy.handle == agent.participantID.rawValue)
        #expect(versions[1].note == "rewritten with the author after the workshop")
        #expect(versions[1].at == TestWorld.start.addingTimeInterval(3_600))
        let log = try await world.service.auditLog(subject: "proposition:\(proposition.id)", by: world.admin)
        #expect(log.map(\.action) == ["proposition.edited"])
    }

    @Test func staffEditWithoutNoteAndStrangerEditAreRefusedAndChangeNothing() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let proposition = try await world.published(in: process, by: try await world.citizen())
        let agent = try await world.staff("Agent", roles: [.reviewer])
        let noNote = await participationError {
            _ = try await world.service.editProposition(proposition.id, PropositionDraft(title: "X", body: "Y"), by: agent)
        }
        #expect(noNote?.field == "note")
        let stranger = try await world.citizen("Bob")
        let forbidden = await participationError {
            _ = try await world.service.editProposition(proposition.id, PropositionDraft(title: "X", body: "Y"), by: stranger)
        }
        #expect(forbidden?.code == .forbidden)
        #expect(try await world.service.versions(of: proposition.id, in: world.tenant.id).count == 1)
    }

    @Test func reviewRecordsADatedPublicHistoryWithJustificationsAndTenantReasons() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let tenantReason = ReviewReason(rawValue: "already-in-district-plan")
        try await world.service.setContributionRules(
            ContributionRules(
                processID: process.id, tenantID: world.tenant.id,
                reviewingBody: ReviewingBody(kind: .jointCommittee, name: "Commission paritaire"), tenantReasons: [tenantReason]),
            by: world.admin)
        let reviewer = try await world.staff("Services techniques", roles: [.reviewer])
        let first = try await world.published("Piste cyclable", in: process, by: try await world.citizen())
        let second = try await world.published("Piscine", in: process, by: try await world.citizen("Bob"))
        world.clock.advance(by: 86_400)
        _ = try await world.service.reviewProposition(
            first.id, status: .admissible, reason: .retained, justification: "Feasible within the envelope", by: reviewer)
        _ = try await world.service.reviewProposition(
            second.id, status: .inadmissible, reason: tenantReason, justification: "Planned in the district plan", by: reviewer)
        let history = try await world.service.statusHistory(of: first.id, in: world.tenant.id)
        #expect(history.map(\.status) == [.draft, .submitted, .admissible])
        #expect(history.last?.justification == "Feasible within the envelope")
        #expect(history.last?.reason == .retained)
        #expect(history.last?.at == TestWorld.start.addingTimeInterval(86_400))
        #expect(try await world.service.proposition(second.id, in: world.tenant.id).status == .inadmissible)
        let unknown = await participationError {
            _ = try await world.service.reviewProposition(
                first.id, status: .notRetained, reason: ReviewReason(rawValue: "made-up"), justification: "x", by: reviewer)
        }
        #expect(unknown?.field == "reason")
        let citizen = try await world.citizen("Carol")
        let forbidden = await participationError {
            _ = try await world.service.reviewProposition(first.id, status: .retained, reason: nil, justification: "x", by: citizen)
        }
        #expect(forbidden?.code == .forbidden)
        #expect(try await world.service.statusHistory(of: first.id, in: world.tenant.id).count == 3)
    }

    @Test func withdrawalNeedsAReasonAndShowsItInTheHistory() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await world.citizen()
        let proposition = try await world.published(in: process, by: alice)
        let missing = await participationError { _ = try await world.service.withdrawProposition(proposition.id, reason: "  ", by: alice) }
        #expect(missing?.field == "reason")
        let withdrawn = try await world.service.withdrawProposition(proposition.id, reason: "Merged with a neighbour's idea", by: alice)
        #expect(withdrawn.lifecycle == .withdrawn)
        let history = try await world.service.statusHistory(of: proposition.id, in: world.tenant.id)
        #expect(history.last?.status == .withdrawn)
        #expect(history.last?.justification == "Merged with a neighbour's idea")
    }

    @Test func transcribedPaperPropositionsRecordTheAgentAndTheOrigin() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let agent = try await world.staff("Agent d'accueil", roles: [.official])
        let resident = try await world.citizen("Mme Martin")
        let proposition = try await world.service.transcribeProposition(
            in: process.id, PropositionDraft(title: "Fontaine", body: "Une fontaine place du marché", estimatedCost: 1_500_000),
            authors: [resident.participantID], source: .marketStand, place: "Marché de l'Estacade", by: agent)
        #expect(proposition.origin == .transcribed(.marketStand, agentID: agent.participantID, place: "Marché de l'Estacade"))
        #expect(proposition.authors == [resident.participantID])
        #expect(proposition.lifecycle == .published)
        let stored = try await world.service.proposition(proposition.id, in: world.tenant.id)
        #expect(stored.origin == .transcribed(.marketStand, place: "Marché de l'Estacade"), "the public does not see the agent")
        let citizen = try await world.citizen("Bob")
        let refused = await participationError {
            _ = try await world.service.transcribeProposition(
                in: process.id, PropositionDraft(title: "X", body: "Y"), authors: [citizen.participantID], source: .paperForm, by: citizen)
        }
        #expect(refused?.code == .forbidden)
    }

    @Test func aCollectiveIsTheAuthorAndItsRepresentativeActs() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let representative = try await world.citizen("Présidente")
        let collective = try await world.service.registerParticipant(
            in: world.tenant.id, displayName: "Association des jardins",
            kind: .collective(.association, representative: representative.participantID))
        let draft = try await world.service.draftProposition(
            in: process.id, PropositionDraft(title: "Jardin partagé", body: "Un jardin"), authorship: .collective(collective.id),
            by: representative)
        #expect(draft.authors == [collective.id])
        let published = try await world.service.publishProposition(draft.id, by: representative)
        #expect(published.status == .submitted)
        let other = try await world.citizen("Bob")
        let notRepresentative = await participationError {
            _ = try await world.service.draftProposition(
                in: process.id, PropositionDraft(title: "X", body: "Y"), authorship: .collective(collective.id), by: other)
        }
        #expect(notRepresentative?.code == .forbidden)
    }

    @Test func costsAreAdjustedByAReviewerWithAReasonAndBadInputIsNamed() async throws {
        let world = try await TestWorld()
        let process = try await world.openConsultation()
        let alice = try await world.citizen()
        let written = try await world.service.draftProposition(
            in: process.id, PropositionDraft(title: "Abri vélo", body: "Un abri", estimatedCost: 800_000), by: alice)
        let reviewerOfDrafts = try await world.staff("Relecture", roles: [.reviewer])
        let hiddenDraft = await participationError {
            _ = try await world.service.adjustEstimatedCost(written.id, to: 1, reason: "too early", by: reviewerOfDrafts)
        }
        #expect(hiddenDraft?.code == .notFound, "a draft is its authors' alone: staff do not see it either")
        let draft = try await world.service.publishProposition(written.id, by: alice)
        let negative = await participationError {
            _ = try await world.service.draftProposition(
                in: process.id, PropositionDraft(title: "X", body: "Y", estimatedCost: -1), by: alice)
        }
        #expect(negative?.field == "estimatedCost")
        let reviewer = try await world.staff("Voirie", roles: [.reviewer])
        let adjusted = try await world.service.adjustEstimatedCost(
            draft.id, to: 1_250_000, reason: "Includes the concrete slab", by: reviewer)
        #expect(adjusted.estimatedCost == 1_250_000)
        let versions = try await world.service.versions(of: draft.id, in: world.tenant.id)
        #expect(versions.map(\.estimatedCost) == [800_000, 1_250_000])
        #expect(versions.last?.note == "Includes the concrete slab")
    }
}
