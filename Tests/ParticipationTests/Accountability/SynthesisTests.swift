import Foundation
import Participation
import Testing

@Suite("Syntheses and tags")
struct SynthesisTests {
    static func official(in budget: BudgetWorld) async throws -> Caller {
        let caller = try await budget.world.citizen("Élue")
        var participant = try await budget.service.storage.participant(caller.participantID, in: budget.world.tenant.id)
        participant.roles = [.official]
        try await budget.service.storage.updateParticipant(participant, audit: nil)
        return caller
    }

    @Test func draftIsValidatedByAnElectedOfficialThenPublishedAndCitedContributionsKnowIt() async throws {
        let budget = try await BudgetWorld()
        let official = try await Self.official(in: budget)
        let process = budget.process.id
        let tenant = budget.world.tenant.id
        let draft = try await budget.service.createSynthesis(of: process, title: "Ce que nous avons entendu", by: budget.admin)
        #expect(draft.state == .draft)
        let bad = await participationError {
            _ = try await budget.service.editSynthesis(draft.id, title: "T", introduction: "",
                points: [SynthesisPoint(id: "1", title: "Parcs", body: "…", citations: [.proposition("nope")])], by: budget.admin)
        }
        #expect(bad?.code == .invalidInput)
        #expect(bad?.field == "points[0].citations")
        let point = SynthesisPoint(id: "1", title: "Bancs et arbres", body: "Plus d'ombre", citations: [.proposition("bancs"), .proposition("arbres")])
        let edited = try await budget.service.editSynthesis(draft.id, title: "Synthèse", introduction: "Merci", points: [point], by: budget.admin)
        #expect(try await budget.service.publishedSyntheses(of: process, in: tenant).isEmpty)
        #expect(try await budget.service.citations(of: .proposition("bancs"), in: process, tenant: tenant).isEmpty)
        #expect(await participationError { _ = try await budget.service.validateSynthesis(edited.id, by: budget.admin) }?.code == .forbidden)
        #expect(await participationError { _ = try await budget.service.publishSynthesis(edited.id, by: budget.admin) }?.code == .invalidTransition)
        let validated = try await budget.service.validateSynthesis(edited.id, by: official)
        #expect(validated.validatedBy == official.participantID)
        #expect(await participationError { _ = try await budget.service.publishSynthesis(edited.id, by: official) }?.code == .forbidden)
        let published = try await budget.service.publishSynthesis(edited.id, by: budget.admin)
        #expect(published.state == .published)
        #expect(try await budget.service.publishedSyntheses(of: process, in: tenant) == [published])
        let fate = try await budget.service.citations(of: .proposition("bancs"), in: process, tenant: tenant)
        #expect(fate.map(\.point.id) == ["1"])
        #expect(try await budget.service.citations(of: .proposition("piste"), in: process, tenant: tenant).isEmpty)
        let frozen = await participationError {
            _ = try await budget.service.editSynthesis(edited.id, title: "X", introduction: "", points: [point], by: budget.admin)
        }
        #expect(frozen?.code == .invalidTransition)
        let audit = try await budget.service.auditLog(subject: "synthesis:\(draft.id)", by: budget.admin).map(\.action)
        #expect(audit == ["synthesis.created", "synthesis.edited", "synthesis.validated", "synthesis.published"])
    }

    @Test func readingSynthesesCitationsOrTagsOfAnUnknownOrForeignProcessIsNotFoundNotAnEmptyList() async throws {
        let budget = try await BudgetWorld()
        let tenant = budget.world.tenant.id
        let reads: [(String, () async throws -> Void)] = [
            ("published syntheses", { _ = try await budget.service.publishedSyntheses(of: "nope", in: tenant) }),
            ("all syntheses", { _ = try await budget.service.syntheses(of: "nope", by: budget.admin) }),
            ("citations", { _ = try await budget.service.citations(of: .proposition("bancs"), in: "nope", tenant: tenant) }),
            ("tags", { _ = try await budget.service.contributionTags(of: "nope", in: tenant) }),
            ("by tag", { _ = try await budget.service.contributionsByTag(of: "nope", in: tenant) }),
            ("another tenant's", { _ = try await budget.service.publishedSyntheses(of: budget.process.id, in: "elsewhere") }),
        ]
        for (name, read) in reads {
            #expect(await participationError(read)?.code == .notFound, "\(name)")
        }
    }

    @Test func editingAValidatedSynthesisReturnsItToDraft() async throws {
        let budget = try await BudgetWorld()
        let official = try await Self.official(in: budget)
        let draft = try await budget.service.createSynthesis(of: budget.process.id, title: "S", by: budget.admin)
        let point = SynthesisPoint(id: "1", title: "P", body: "B", citations: [.proposition("bancs")])
        _ = try await budget.service.editSynthesis(draft.id, title: "S", introduction: "", points: [point], by: budget.admin)
        _ = try await budget.service.validateSynthesis(draft.id, by: official)
        let again = try await budget.service.editSynthesis(draft.id, title: "S2", introduction: "", points: [point], by: budget.admin)
        #expect(again.state == .draft)
        #expect(again.validatedBy == nil)
    }

    @Test func citizensTagOnlyWhereTheProcessAllowsAndGroupsHelpTheSynthesis() async throws {
        let budget = try await BudgetWorld()
        let citizen = try await budget.world.citizen("Alice")
        let process = budget.process.id
        let refused = await participationError {
            try await budget.service.tagContribution(.proposition("bancs"), in: process, tag: "Ombre", by: citizen)
        }
        #expect(refused?.code == .forbidden)
        for inexact in ["  ombre ", "Ombre"] {
            let refused = await participationError {
                try await budget.service.tagContribution(.proposition("bancs"), in: process, tag: inexact, by: budget.admin)
            }
            #expect(refused?.field == "tag", "'\(inexact)' is refused, not silently rewritten")
        }
        let staffTag = try await budget.service.tagContribution(.proposition("bancs"), in: process, tag: "ombre", by: budget.admin)
        #expect(staffTag.tag == "ombre")
        #expect(staffTag.byStaff)
        let notAdmin = await participationError { _ = try await budget.service.setCitizenTagging(true, of: process, by: citizen) }
        #expect(notAdmin?.code == .forbidden)
        let allowed = try await budget.service.setCitizenTagging(true, of: process, by: budget.admin)
        #expect(allowed.allowsCitizenTagging)
        #expect(try await budget.service.auditLog(subject: "process:\(process)", by: budget.admin).last?.action == "citizen-tagging.changed")
        let citizenTag = try await budget.service.tagContribution(.proposition("arbres"), in: process, tag: "ombre", by: citizen)
        #expect(!citizenTag.byStaff)
        #expect(try await budget.service.contributionsByTag(of: process, in: budget.world.tenant.id) == ["ombre": ["proposition:arbres", "proposition:bancs"]])
        let groups = try await budget.service.sharedTermGroups(of: process, by: budget.admin)
        // Every project is titled "Projet <id>": "projet" is shared by the six published ones.
        #expect(groups.first?.term == "projet")
        #expect(groups.first?.contributions.count == 6)
        #expect(await participationError { _ = try await budget.service.sharedTermGroups(of: process, by: citizen) }?.code == .forbidden)
        try await budget.service.untagContribution(.proposition("arbres"), in: process, tag: "ombre", by: citizen)
        let tags = try await budget.service.contributionTags(of: process, in: budget.world.tenant.id)
        #expect(tags.map(\.tag) == [staffTag.tag])
        #expect(tags.map(\.taggedBy.handle) == [staffTag.taggedBy.rawValue])
    }
}
