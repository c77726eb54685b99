#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// Sets how the process moderates: pre- or post-moderation, and the report threshold.
    /// The mode cannot change once a phase has opened (content posted under one mode keeps it).
    /// Administrators only; audited.
    /// - Throws: `invalidInput` (`reportThreshold` below 1); `rulesLocked`; `notFound`.
    public func setModerationSettings(_ settings: ModerationSettings, of processID: ProcessID, by caller: Caller)
        async throws -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        guard settings.reportThreshold >= 1 else {
            throw ParticipationError.invalid("reportThreshold", "the report threshold must be at least 1")
        }
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        if settings.mode != process.moderation.mode, process.phases.contains(where: { $0.openedAt != nil }) {
            throw ParticipationError(.rulesLocked, "the moderation mode cannot change once a phase has opened", field: "mode")
        }
        process.moderation = settings
        return try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "moderation.settings-changed", subject: "process:\(processID)",
                details: ["mode": settings.mode.rawValue, "reportThreshold": String(settings.reportThreshold)]))
    }

    /// Reports an item the caller can see, with a reason (a note is required for `other`). One
    /// report per participant and item; the report that reaches the process's threshold hides
    /// the item until a moderator decides, and its authors hear why. A project on the ballot
    /// frozen when the vote opened is never hidden by reports: moderators redact it instead.
    ///
    /// An opinion is named by its proposition and its author, or, as the public sees it, by the
    /// opaque key ``PublicOpinion/id`` in place of the author.
    /// - Throws: `invalidInput` (`note`; reporting one's own content); `duplicate`; `notFound`
    ///   (also for content the public cannot see); `participantBlocked`.
    @discardableResult
    public func report(_ item: ModeratedItem, reason: ReportReason, note: String? = nil, by caller: Caller) async throws
        -> ReportAcknowledgement
    {
        try await authorize(.report, by: caller, in: nil)
        let (content, view) = try await publicContent(item, in: caller.tenantID)
        let item = content.item
        guard !content.authors.contains(caller.participantID) else {
            throw ParticipationError.invalid("item", "you cannot report your own contribution")
        }
        let note = try note.map { try Validate.text($0, field: "note", maximumLength: 2_000) }
        if reason == .other, note == nil { throw ParticipationError.invalid("note", "say what is wrong when the reason is 'other'") }
        let process = view.process
        let frozen = if case .proposition(let id) = item { process.isOnFrozenBallot(id) } else { false }
        let receipt = try await storage.recordReport(
            ContentReport(tenantID: caller.tenantID, item: item, reporterID: caller.participantID, reason: reason, note: note, at: clock.now()),
            initial: ModerationState(
                tenantID: caller.tenantID, item: item, processID: process.id, authors: content.authors, visibility: .visible,
                since: clock.now()),
            threshold: frozen ? Int.max : process.moderation.reportThreshold)
        if receipt.hidItem, let decision = receipt.state.lastDecision { try await announce(decision, of: receipt.state) }
        return ReportAcknowledgement(hidItem: receipt.hidItem)
    }

    /// Makes a pending item public (pre-moderation). Moderators and administrators; audited.
    /// - Throws: `invalidTransition` unless the item is pending.
    @discardableResult
    public func approve(_ item: ModeratedItem, reason: String, by caller: Caller) async throws -> ModerationState {
        let state = try await decide(.approve, on: item, reason: reason, by: caller) { state in
            guard state.visibility == .pending else {
                throw ParticipationError(.invalidTransition, "\(item) is \(state.visibility.rawValue), not pending")
            }
            state.visibility = .visible
        }
        if case .comment(let id) = item { try await announceReply(try await storage.comment(id, in: caller.tenantID)) }
        return state
    }

    /// Hides an item from the public, with the reason its authors hear. Clears open reports.
    /// Moderators and administrators; audited.
    /// - Throws: `invalidTransition` if it is already hidden; `rulesLocked` for a project on the
    ///   ballot once the vote has opened (redact it instead).
    @discardableResult
    public func hide(_ item: ModeratedItem, reason: String, by caller: Caller) async throws -> ModerationState {
        try await decide(.hide, on: item, reason: reason, by: caller) { state in
            guard state.visibility != .hidden else { throw ParticipationError(.invalidTransition, "\(item) is already hidden") }
            state.visibility = .hidden
        }
    }

    /// Shows a hidden item again. Clears open reports. Moderators and administrators; audited.
    /// - Throws: `invalidTransition` unless it is hidden; `rulesLocked` for a project of a
    ///   process whose vote has opened.
    @discardableResult
    public func restore(_ item: ModeratedItem, reason: String, by caller: Caller) async throws -> ModerationState {
        try await decide(.restore, on: item, reason: reason, by: caller) { state in
            guard state.visibility == .hidden else { throw ParticipationError(.invalidTransition, "\(item) is not hidden") }
            state.visibility = .visible
        }
    }

    /// Judges the open reports unfounded: they are cleared, and an item the threshold hid
    /// shows again (an item a moderator hid stays hidden). Moderators and administrators; audited.
    /// - Throws: `invalidTransition` when the item has no open report.
    @discardableResult
    public func dismissReports(on item: ModeratedItem, reason: String, by caller: Caller) async throws -> ModerationState {
        try await decide(.dismissReports, on: item, reason: reason, by: caller) { state in
            guard state.openReports > 0 else { throw ParticipationError(.invalidTransition, "\(item) has no open report") }
            if state.visibility == .hidden, state.lastDecision?.action == .autoHide { state.visibility = .visible }
        }
    }

    /// Masks `fragment` (a phone number, an address) wherever it occurs in the item's public
    /// text; the rest stays visible and the stored original stays readable by moderators.
    /// Moderators and administrators; audited (the audit entry does not repeat the fragment).
    /// - Throws: `invalidInput` (`fragment` empty or not in the text).
    @discardableResult
    public func redact(_ item: ModeratedItem, fragment: String, reason: String, by caller: Caller) async throws
        -> ModerationState
    {
        // Who may redact is decided before the text is read: a refusal tells nothing of it.
        try await authorize(caller, for: .moderateContent)
        guard !fragment.isEmpty, fragment.count <= 2_000 else {
            throw ParticipationError.invalid("fragment", "name the exact text to mask (1 to 2,000 characters)")
        }
        let reason = try Validate.reason(reason)
        let content = try await moderatedContent(item, in: caller.tenantID)
        guard content.texts.contains(where: { $0.contains(fragment) }) else {
            throw ParticipationError.invalid("fragment", "the fragment does not occur in the text of \(item)")
        }
        let now = clock.now()
        return try await decide(.redact, on: item, reason: reason, by: caller) { state in
            state.redactions.append(Redaction(fragment: fragment, reason: reason, by: caller.participantID, at: now))
        }
    }

    /// The tenant's moderation queue: pending and reported items, oldest first, at most `limit`,
    /// with the full counts. Moderators and administrators.
    public func moderationQueue(limit: Int = 100, by caller: Caller) async throws -> ModerationQueue {
        try await authorize(caller, for: .moderateContent)
        guard limit >= 1 else { throw ParticipationError.invalid("limit", "the limit must be at least 1") }
        let all = try await storage.moderationQueue(in: caller.tenantID, limit: Int(Int32.max))
        return ModerationQueue(
            items: Array(all.prefix(limit)), pendingCount: all.filter { $0.visibility == .pending }.count,
            reportedCount: all.filter { $0.openReports > 0 }.count)
    }

    /// Everything a moderator needs on one item: the original content (unredacted), its state
    /// and its reports. Moderators and administrators.
    public func moderationRecord(of item: ModeratedItem, by caller: Caller) async throws -> ModerationRecord {
        try await authorize(caller, for: .moderateContent)
        let content = try await moderatedContent(item, in: caller.tenantID)
        let process = try await storage.process(content.processID, in: caller.tenantID)
        return ModerationRecord(
            content: content, state: try await currentState(of: item, content: content, in: process),
            reports: try await storage.reports(on: item, in: caller.tenantID))
    }

    /// Where the caller's own item stands (pending, hidden, visible) and why. Its authors, and
    /// moderators.
    /// - Throws: `forbidden` for anyone else when the public sees the item; `notFound` when
    ///   they cannot see it, as for an item that does not exist.
    public func moderationStatus(of item: ModeratedItem, by caller: Caller) async throws -> ModerationStatus {
        try await authorizeOwnRead(by: caller)
        guard let content = try? await moderatedContent(item, in: caller.tenantID) else {
            throw ParticipationError.notFound(item.kind, item)
        }
        let process = try await storage.process(content.processID, in: caller.tenantID)
        let view = try await publicView(of: process)
        if !(try await isAuthor(caller, of: content.authors)) {
            guard try await holdsAny(caller, of: [.moderateContent]) else {
                guard view.isPublic(content) else { throw ParticipationError.notFound(item.kind, item) }
                throw ParticipationError(.forbidden, "only its authors and moderators see where \(item) stands")
            }
        }
        let state = try await currentState(of: item, content: content, in: process)
        return ModerationStatus(
            visibility: view.isPublic(content) ? .visible : (state.visibility == .visible ? .hidden : state.visibility),
            lastDecision: state.lastDecision, redactedFragments: state.redactions.count)
    }

    /// Blocks a participant, with a written justification: a soft block refuses their new
    /// actions; a hard block also hides everything they posted while it lasts. Staff cannot be
    /// blocked (remove their roles first). Moderators and administrators; audited.
    /// - Throws: `invalidInput` (`justification`; blocking oneself or staff); `notFound`.
    @discardableResult
    public func blockParticipant(
        _ participantID: ParticipantID, kind: ParticipantBlock.Kind, justification: String, by caller: Caller
    ) async throws -> ParticipantBlock {
        try await authorize(caller, for: .blockParticipants)
        let justification = try Validate.reason(justification, field: "justification")
        let target = try await storage.participant(participantID, in: caller.tenantID)
        guard target.id != caller.participantID, target.roles.subtracting([.citizen]).isEmpty else {
            throw ParticipationError.invalid("participantID", "only participants without staff roles, other than yourself, can be blocked")
        }
        let block = ParticipantBlock(
            tenantID: caller.tenantID, participantID: participantID, kind: kind, justification: justification,
            by: caller.participantID, at: clock.now())
        try await storage.insertBlock(
            block,
            audit: auditEntry(
                by: caller, action: "participant.blocked", subject: "participant:\(participantID)", reason: justification,
                details: ["kind": kind.rawValue]))
        return block
    }

    /// Lifts a block: the participant may act again, and what a hard block hid shows again
    /// (content hidden for other reasons stays hidden). Moderators and administrators; audited.
    /// - Throws: `invalidInput` (`reason`); `notFound` (participant, or no block).
    @discardableResult
    public func unblockParticipant(_ participantID: ParticipantID, reason: String, by caller: Caller) async throws
        -> ParticipantBlock
    {
        try await authorize(caller, for: .blockParticipants)
        let reason = try Validate.reason(reason)
        return try await storage.deleteBlock(
            of: participantID, in: caller.tenantID,
            audit: auditEntry(by: caller, action: "participant.unblocked", subject: "participant:\(participantID)", reason: reason))
    }

    // MARK: - Internals

    /// The stored content of `item`, as moderators see it: anything but a draft, which only
    /// its authors see (`notFound`, as for an item that does not exist).
    func moderatedContent(_ item: ModeratedItem, in tenant: TenantID) async throws -> ModeratedContent {
        switch item {
        case .proposition(let id):
            let proposition = try await storage.proposition(id, in: tenant)
            guard proposition.lifecycle != .draft else { throw ParticipationError.notFound("proposition", id) }
            return .proposition(proposition)
        case .comment(let id): return .comment(try await storage.comment(id, in: tenant))
        case .petition(let id): return .petition(try await storage.petition(id, in: tenant))
        case .opinion(let propositionID, let participantID):
            guard let opinion = try await storage.opinions(on: propositionID, in: tenant).first(where: { $0.participantID == participantID })
            else { throw ParticipationError.notFound("opinion", item) }
            return .opinion(opinion)
        }
    }

    /// The content of `item` if the public may see it, and its process's view; `notFound`
    /// otherwise. An opinion may be named by its public key (``PublicOpinion/id``) in place of
    /// its author.
    func publicContent(_ item: ModeratedItem, in tenant: TenantID) async throws -> (content: ModeratedContent, view: PublicView) {
        let content: ModeratedContent
        switch item {
        case .proposition(let id):
            let (proposition, view) = try await publicProposition(id, in: tenant)
            return (.proposition(proposition), view)
        case .petition(let id):
            let (petition, view) = try await publicPetition(id, in: tenant)
            return (.petition(petition), view)
        case .comment(let id):
            let (comment, view) = try await publicComment(id, in: tenant)
            return (.comment(comment), view)
        case .opinion(let propositionID, let named):
            let view = try await publicProposition(propositionID, in: tenant).view
            let opinions = try await storage.opinions(on: propositionID, in: tenant)
            let display = AuthorDisplay(process: view.process, secret: pseudonymSecret, participants: [:])
            guard
                let opinion = opinions.first(where: { $0.participantID == named })
                    ?? opinions.first(where: { PublicOpinion.key(of: $0, authors: display) == named.rawValue }),
                view.isPublic(opinion)
            else { throw ParticipationError.notFound("opinion", item) }
            content = .opinion(opinion)
            return (content, view)
        }
    }

    /// The item's stored state, or the state it has without one (visible, or pending under pre-moderation).
    func currentState(of item: ModeratedItem, content: ModeratedContent, in process: ParticipatoryProcess) async throws
        -> ModerationState
    {
        if let stored = try await storage.moderationState(of: item, in: process.tenantID) { return stored }
        return ModerationState(
            tenantID: process.tenantID, item: item, processID: process.id, authors: content.authors,
            visibility: process.moderation.isPreModerated && content.needsApproval ? .pending : .visible,
            since: clock.now())
    }

    /// Puts newly posted or rewritten content in the queue under pre-moderation (a hidden item
    /// stays hidden). Without this row the item is pending anyway: the mode decides for items
    /// with no stored state, so a failure between the two writes never makes content public.
    func holdForApproval(_ item: ModeratedItem, in process: ParticipatoryProcess) async throws {
        guard process.moderation.isPreModerated else { return }
        let content = try await moderatedContent(item, in: process.tenantID)
        guard content.needsApproval else { return }
        var state = try await currentState(of: item, content: content, in: process)
        guard state.visibility != .hidden else { return }
        state.visibility = .pending
        state.since = clock.now()
        _ = try await storage.updateModerationState(state, audit: nil)
    }

    /// Applies a moderator's decision to the item's state in one audited storage write, and
    /// tells its authors.
    func decide(
        _ action: ModerationAction, on item: ModeratedItem, reason: String, by caller: Caller,
        _ change: (inout ModerationState) throws -> Void
    ) async throws -> ModerationState {
        try await authorize(caller, for: .moderateContent)
        let reason = try Validate.reason(reason)
        let content = try await moderatedContent(item, in: caller.tenantID)
        let process = try await storage.process(content.processID, in: caller.tenantID)
        if case .proposition(let proposition) = content, [.hide, .restore, .approve].contains(action),
            isOnBallot(proposition, in: process)
        {
            // A project on the ballot stays on it: the count and the published result must not change.
            try process.requireUnlocked(.ballotProjects)
        }
        var state = try await currentState(of: item, content: content, in: process)
        let decision = ModerationDecision(action: action, reason: reason, by: caller.participantID, at: clock.now())
        try change(&state)
        state.lastDecision = decision
        if action != .redact { state.openReports = 0 }
        let stored = try await storage.updateModerationState(
            state,
            audit: auditEntry(
                by: caller, action: "moderation.\(action.rawValue)", subject: item.description, reason: reason,
                details: ["visibility": state.visibility.rawValue]))
        try await announce(decision, of: stored)
        return stored
    }

    /// A moderation decision, to the item's authors only (never to followers).
    func announce(_ decision: ModerationDecision, of state: ModerationState) async throws {
        let kind: EventKind
        switch decision.action {
        case .hide, .autoHide, .redact: kind = .contentHidden
        case .restore, .approve: kind = .contentRestored
        case .dismissReports:
            guard state.visibility == .visible else { return }
            kind = .contentRestored
        }
        try await publish(
            kind, "Your \(state.item.kind): \(decision.action.rawValue) — \(decision.reason)", in: state.tenantID, targets: [],
            directRecipients: state.authors, isPublic: false,
            details: ["item": state.item.description, "action": decision.action.rawValue, "reason": decision.reason])
    }
}
