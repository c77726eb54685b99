#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// The one seam between the simulation and the proposition workflow: submit, transcribe,
/// review, adjust costs, rework, publish results, follow realisation.
///
/// Everything goes through `ParticipationService` (`draftProposition`/`publishProposition`,
/// `transcribeProposition`, `reviewProposition`, `adjustEstimatedCost`, `editProposition`)
/// except publishing the counted result: main has no publish operation yet (it comes with
/// the counting engine), so ``publish(_:of:by:)`` checks the administrator's right with the
/// service and writes the result with `storage.updateProcess`, audited as the service would.
/// When the service gains a publish operation, only that method changes.
struct ContributionDesk: Sendable {
    let service: ParticipationService

    /// An idea submitted online by `caller`, for themself or for the collective they represent.
    func submit(_ idea: ProjectIdea, authorship: Authorship, by caller: Caller, in processID: ProcessID) async throws
        -> Proposition
    {
        let draft = try await service.draftProposition(in: processID, Self.draft(of: idea), authorship: authorship, by: caller)
        return try await service.publishProposition(draft.id, by: caller)
    }

    /// An idea filled in on paper by `author` and transcribed by `agent`.
    func transcribe(
        _ idea: ProjectIdea, source: OfflineSource, place: String, author: ParticipantID, by agent: Caller,
        in processID: ProcessID
    ) async throws -> Proposition {
        try await service.transcribeProposition(
            in: processID, Self.draft(of: idea), authors: [author], source: source, place: place, by: agent)
    }

    /// The committee's decision, with its reason and public justification.
    func review(
        _ id: PropositionID, status: PropositionStatus, reason: ReviewReason?, justification: String, by reviewer: Caller
    ) async throws -> Proposition {
        try await service.reviewProposition(id, status: status, reason: reason, justification: justification, by: reviewer)
    }

    /// A corrected cost estimate: a new version whose note is the reason.
    func adjustCost(_ id: PropositionID, to cents: Int64, reason: String, by reviewer: Caller) async throws -> Proposition {
        try await service.adjustEstimatedCost(id, to: cents, reason: reason, by: reviewer)
    }

    /// A co-construction rework of the text by staff with the authors.
    func rework(_ id: PropositionID, body: String, note: String, by agent: Caller) async throws -> Proposition {
        let proposition = try await service.proposition(id, in: agent.tenantID)
        let draft = PropositionDraft(
            title: proposition.title, body: body, estimatedCost: proposition.estimatedCost,
            districtID: proposition.districtID, themes: proposition.themes, location: proposition.location,
            attachments: proposition.attachments)
        return try await service.editProposition(id, draft, note: note, by: agent)
    }

    /// A public status after the vote (retained, not retained, in progress, realised),
    /// recorded as a decision with its justification.
    func setStatus(_ id: PropositionID, _ status: PropositionStatus, justification: String, by official: Caller)
        async throws -> Proposition
    {
        try await service.reviewProposition(id, status: status, reason: nil, justification: justification, by: official)
    }

    /// Publishes the counted result on the process, which makes the tally public.
    func publish(_ result: BudgetResult, of processID: ProcessID, by administrator: Caller) async throws
        -> ParticipatoryProcess
    {
        try await service.authorize(administrator, for: .manageProcess)
        var process = try await service.storage.process(processID, in: administrator.tenantID)
        process.publishedResult = result
        return try await service.storage.updateProcess(
            process,
            audit: AuditEntry(
                id: AuditEntryID(rawValue: service.ids.next(prefix: "audit")), tenantID: administrator.tenantID,
                actorID: administrator.participantID, at: service.clock.now(), action: "result.published",
                subject: "process:\(processID)", details: ["rule": result.rule]))
    }

    static func draft(of idea: ProjectIdea) -> PropositionDraft {
        PropositionDraft(
            title: idea.title, body: idea.body, estimatedCost: idea.authorEstimate, districtID: idea.districtID,
            themes: ["investment"])
    }
}
