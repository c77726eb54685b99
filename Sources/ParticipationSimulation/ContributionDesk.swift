#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// The one seam between the simulation and the proposition workflow (submit, transcribe,
/// review, adjust costs, rework, publish results, follow realisation).
///
/// `ParticipationService` in main has no proposition, review or publication operations yet
/// (the contributions service is being built in parallel), so this desk checks rights with
/// the service's public `authorize` calls and then writes through `service.storage`
/// (`insertProposition`, `updateProposition`, `updateProcess`), keeping versions, status
/// history and audit entries as the service will. When the service gains
/// `draftProposition`/`publishProposition`, `transcribeProposition`, `reviewProposition`,
/// `adjustEstimatedCost`, `editProposition` and a publish operation, only this file changes.
struct ContributionDesk: Sendable {
    let service: ParticipationService

    /// An idea submitted online by `author` (or by `author`'s representative for a collective).
    func submit(
        _ idea: ProjectIdea, author: ParticipantID, actingAs caller: Caller, in process: ParticipatoryProcess
    ) async throws -> Proposition {
        try await service.authorize(.submit, by: caller, in: process)
        return try await insert(idea, authors: [author], origin: .online, by: caller.participantID, in: process)
    }

    /// An idea filled in on paper by `author` and transcribed by `agent`.
    func transcribe(
        _ idea: ProjectIdea, source: OfflineSource, place: String, author: ParticipantID, by agent: Caller,
        in process: ParticipatoryProcess
    ) async throws -> Proposition {
        try await service.authorize(agent, for: .actForOthers)
        try process.requireAllowed(.submit)
        let person = try await service.storage.participant(author, in: agent.tenantID)
        if let failure = process.rule(for: .submit).failure(for: person, on: service.clock.now()) { throw failure.error }
        return try await insert(
            idea, authors: [author], origin: .transcribed(source, agentID: agent.participantID, place: place),
            by: agent.participantID, in: process)
    }

    /// The committee's decision, with its reason and public justification.
    func review(
        _ id: PropositionID, status: PropositionStatus, reason: ReviewReason, justification: String, by reviewer: Caller
    ) async throws -> Proposition {
        try await service.authorize(reviewer, for: .reviewPropositions)
        var proposition = try await service.storage.proposition(id, in: reviewer.tenantID)
        proposition.status = status
        let now = service.clock.now()
        return try await service.storage.updateProposition(
            proposition, version: nil,
            status: StatusChange(
                propositionID: id, status: status, reason: reason, justification: justification,
                by: reviewer.participantID, at: now),
            audit: audit(by: reviewer, "proposition.reviewed", id, reason: justification, ["status": status.rawValue]))
    }

    /// A corrected cost estimate: a new version whose note is the reason.
    func adjustCost(_ id: PropositionID, to cents: Int64, reason: String, by reviewer: Caller) async throws -> Proposition {
        try await service.authorize(reviewer, for: .reviewPropositions)
        guard cents >= 0 else { throw ParticipationError.invalid("estimatedCost", "estimatedCost must not be negative") }
        var proposition = try await service.storage.proposition(id, in: reviewer.tenantID)
        proposition.estimatedCost = cents
        proposition.version += 1
        return try await service.storage.updateProposition(
            proposition, version: version(of: proposition, by: reviewer.participantID, note: reason), status: nil,
            audit: audit(by: reviewer, "proposition.cost-adjusted", id, reason: reason, ["cents": String(cents)]))
    }

    /// A co-construction rework of the text by staff with the authors.
    func rework(_ id: PropositionID, body: String, note: String, by agent: Caller) async throws -> Proposition {
        try await service.authorize(agent, for: .actForOthers)
        var proposition = try await service.storage.proposition(id, in: agent.tenantID)
        proposition.body = body
        proposition.version += 1
        return try await service.storage.updateProposition(
            proposition, version: version(of: proposition, by: agent.participantID, note: note), status: nil,
            audit: audit(by: agent, "proposition.edited", id, reason: note))
    }

    /// A public status after the vote (retained, not retained, in progress, realised).
    func setStatus(_ id: PropositionID, _ status: PropositionStatus, justification: String, by official: Caller)
        async throws -> Proposition
    {
        try await service.authorize(official, for: .manageProcess)
        var proposition = try await service.storage.proposition(id, in: official.tenantID)
        proposition.status = status
        return try await service.storage.updateProposition(
            proposition, version: nil,
            status: StatusChange(
                propositionID: id, status: status, justification: justification, by: official.participantID,
                at: service.clock.now()),
            audit: audit(by: official, "proposition.status-changed", id, reason: justification, ["status": status.rawValue]))
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

    private func insert(
        _ idea: ProjectIdea, authors: [ParticipantID], origin: PropositionOrigin, by actor: ParticipantID,
        in process: ParticipatoryProcess
    ) async throws -> Proposition {
        let now = service.clock.now()
        let proposition = Proposition(
            id: PropositionID(rawValue: service.ids.next(prefix: "prop")), tenantID: process.tenantID,
            processID: process.id, authors: authors, origin: origin, title: idea.title, body: idea.body,
            estimatedCost: idea.authorEstimate, districtID: idea.districtID, themes: ["investment"],
            lifecycle: .published, status: .submitted, createdAt: now)
        try await service.storage.insertProposition(
            proposition, version: version(of: proposition, by: actor, note: nil),
            status: StatusChange(propositionID: proposition.id, status: .submitted, justification: "Dépôt", by: actor, at: now))
        return proposition
    }

    private func version(of proposition: Proposition, by editor: ParticipantID, note: String?) -> PropositionVersion {
        PropositionVersion(
            propositionID: proposition.id, number: proposition.version, title: proposition.title, body: proposition.body,
            estimatedCost: proposition.estimatedCost, editedBy: editor, at: service.clock.now(), note: note)
    }

    private func audit(
        by caller: Caller, _ action: String, _ id: PropositionID, reason: String? = nil, _ details: [String: String] = [:]
    ) -> AuditEntry {
        AuditEntry(
            id: AuditEntryID(rawValue: service.ids.next(prefix: "audit")), tenantID: caller.tenantID,
            actorID: caller.participantID, at: service.clock.now(), action: action, subject: "proposition:\(id)",
            reason: reason, details: details)
    }
}
