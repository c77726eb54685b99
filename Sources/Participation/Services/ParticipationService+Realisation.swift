#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// The statuses under which a project is being, or has been, carried out.
    static let realisationStatuses: Set<PropositionStatus> = [.retained, .inProgress, .realised]

    /// Records one step of a retained project's realisation and returns the timeline.
    ///
    /// Staff who follow realisation only (administrators, reviewers, officials); audited. The
    /// timeline stays writable after the process is archived: realisation happens years after
    /// the vote, and it is the collectivité's account, not a contribution.
    /// - Throws: `forbidden`; `notFound` (proposition); `invalidInput` when the project is not
    ///   retained or the event breaks a timeline rule (see ``RealisationTimeline/appending(_:)``);
    ///   `invalidTransition` after delivery or abandonment; `conflict` if another agent recorded
    ///   a step at the same time.
    public func recordRealisationEvent(
        _ kind: RealisationEventKind, on date: Date, note: String = "", progressPercent: Int? = nil,
        spentToDate: Int64? = nil, for propositionID: PropositionID, by caller: Caller
    ) async throws -> RealisationTimeline {
        try await authorize(caller, for: .followRealisation)
        let note = try Self.optionalText(note, field: "note", maximumLength: 2_000)
        let proposition = try await self.proposition(propositionID, visibleTo: caller)
        guard Self.realisationStatuses.contains(proposition.status) else {
            throw ParticipationError.invalid(
                "status", "only retained projects are followed; '\(proposition.title)' is \(proposition.status)")
        }
        let events = try await storage.realisationEvents(of: propositionID, in: caller.tenantID)
        let timeline = RealisationTimeline(propositionID: propositionID, estimatedCost: proposition.estimatedCost, events: events)
        let event = RealisationEvent(
            id: RealisationEventID(rawValue: ids.next(prefix: "realisation")), tenantID: caller.tenantID,
            propositionID: propositionID, kind: kind, on: date, note: note, progressPercent: progressPercent,
            spentToDate: spentToDate, recordedBy: caller.participantID, recordedAt: clock.now())
        let next = try timeline.appending(event)
        var details = ["kind": kind.rawValue]
        if let progressPercent { details["progressPercent"] = String(progressPercent) }
        if let spentToDate { details["spentToDate"] = String(spentToDate) }
        try await storage.appendRealisationEvent(
            event, at: events.count,
            audit: auditEntry(
                by: caller, action: "realisation.recorded", subject: "proposition:\(propositionID)",
                reason: kind == .abandoned ? note : nil, details: details))
        // Followers hear of a step only while the project is publicly visible; its authors always do.
        let view = try await publicView(of: try await storage.process(proposition.processID, in: caller.tenantID))
        let title = view.redacted(proposition.title, of: .proposition(propositionID))
        try await publish(
            .realisationStepRecorded, "\(title): \(kind.rawValue)\(note.isEmpty ? "" : " — \(note)")",
            in: caller.tenantID, targets: [.proposition(propositionID), .process(proposition.processID)],
            directRecipients: proposition.authors, isPublic: view.isPublic(proposition),
            details: details.merging(["proposition": propositionID.rawValue]) { current, _ in current })
        return next
    }

    /// The realisation timeline of a published project, readable by anyone of the tenant.
    /// - Throws: `notFound` (also for a draft, which the public cannot see).
    public func realisationTimeline(of propositionID: PropositionID, in tenant: TenantID) async throws
        -> RealisationTimeline
    {
        let proposition = try await publicProposition(propositionID, in: tenant).proposition
        return RealisationTimeline(
            propositionID: propositionID, estimatedCost: proposition.estimatedCost,
            events: try await storage.realisationEvents(of: propositionID, in: tenant))
    }
}
