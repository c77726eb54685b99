import Participation

/// The simulation's side of the proposition workflow: submit, transcribe, review, adjust
/// costs, rework, set a public status. Everything goes through `ParticipationService`
/// (`draftProposition`/`publishProposition`, `transcribeProposition`, `reviewProposition`,
/// `adjustEstimatedCost`, `editProposition`).
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

    static func draft(of idea: ProjectIdea) -> PropositionDraft {
        PropositionDraft(
            title: idea.title, body: idea.body, estimatedCost: idea.authorEstimate, districtID: idea.districtID,
            themes: ["investment"])
    }
}
