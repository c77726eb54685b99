extension ParticipationService {
    /// Sets the process's contribution rules: reviewing body, tenant reasons and statuses,
    /// support rules, petition threshold. Administrators only; audited.
    /// - Throws: `invalidInput` naming the rule at fault; `notFound` (process).
    public func setContributionRules(_ rules: ContributionRules, by caller: Caller) async throws {
        try await authorize(caller, for: .manageProcess)
        guard rules.tenantID == caller.tenantID else { throw ParticipationError.notFound("process", rules.processID) }
        try rules.supports.validate()
        if let threshold = rules.petitionThreshold, threshold < 1 {
            throw ParticipationError.invalid("petitionThreshold", "the petition threshold must be at least 1")
        }
        if let name = rules.reviewingBody.name { _ = try Validate.text(name, field: "reviewingBody.name") }
        for reason in rules.tenantReasons { _ = try Validate.text(reason.rawValue, field: "tenantReasons", maximumLength: 64) }
        for status in rules.tenantStatuses { _ = try Validate.text(status.rawValue, field: "tenantStatuses", maximumLength: 64) }
        _ = try Validate.text(rules.petitionThresholdStatus.rawValue, field: "petitionThresholdStatus", maximumLength: 64)
        try await storage.setContributionRules(
            rules,
            audit: auditEntry(
                by: caller, action: "contribution-rules.changed", subject: "process:\(rules.processID)",
                details: ["reviewingBody": rules.reviewingBody.kind.rawValue]))
    }

    /// The process's contribution rules (defaults when none were set).
    public func contributionRules(of processID: ProcessID, in tenant: TenantID) async throws -> ContributionRules {
        try await storage.contributionRules(of: processID, in: tenant)
    }

    /// Writes a draft proposition in `processID`, while the current phase allows `.submit`.
    ///
    /// The caller is the first author; co-authors must be registered participants of the tenant.
    /// With ``Authorship/collective(_:)`` the caller must be the collective's representative,
    /// and the collective is the author.
    /// - Throws: `invalidInput` naming the field; `forbidden` if the caller does not represent
    ///   the collective; the errors of ``authorize(_:by:in:)``.
    public func draftProposition(
        in processID: ProcessID, _ draft: PropositionDraft, authorship: Authorship = .individual, by caller: Caller
    ) async throws -> Proposition {
        try await authorizeAct(by: caller)
        let process = try await storage.process(processID, in: caller.tenantID)
        try await authorize(.submit, by: caller, in: process)
        let draft = try await validated(draft, tenant: caller.tenantID)
        let authors = try await authors(for: authorship, by: caller)
        let proposition = Proposition(
            id: PropositionID(rawValue: ids.next(prefix: "proposition")), tenantID: caller.tenantID, processID: processID,
            authors: authors, title: draft.title, body: draft.body, estimatedCost: draft.estimatedCost,
            districtID: draft.districtID, themes: draft.themes, location: draft.location, attachments: draft.attachments,
            createdAt: clock.now())
        try await storage.insertProposition(
            proposition, version: firstVersion(of: proposition, by: caller.participantID),
            status: StatusChange(
                propositionID: proposition.id, status: .draft, justification: "draft written", by: caller.participantID,
                at: clock.now()))
        try await followAsAuthors(proposition)
        return proposition
    }

    /// Publishes a draft: it becomes public with the status `submitted`, awaiting review.
    /// Authors (or a collective author's representative) only, while the phase allows `.submit`.
    public func publishProposition(_ id: PropositionID, by caller: Caller) async throws -> Proposition {
        try await authorizeAct(by: caller)
        var proposition = try await self.proposition(id, visibleTo: caller)
        try await requireAuthor(caller, of: proposition.authors)
        guard proposition.lifecycle == .draft else {
            throw ParticipationError(.invalidTransition, "proposition '\(id)' is \(proposition.lifecycle.rawValue), not a draft")
        }
        let process = try await storage.process(proposition.processID, in: caller.tenantID)
        try await authorize(.submit, by: caller, in: process)
        proposition.lifecycle = .published
        proposition.status = .submitted
        let published = try await storage.updateProposition(
            proposition, version: nil,
            status: StatusChange(
                propositionID: id, status: .submitted, justification: "published by its author", by: caller.participantID,
                at: clock.now()),
            audit: nil)
        try await holdForApproval(.proposition(id), in: process)
        return published
    }

    /// Replaces the text and details of a proposition, keeping a new version (who, what, when).
    ///
    /// Authors edit while the phase allows `.submit`. Staff who review or act for others edit
    /// at any time to rework the text with its author ("accompaniment"); they must give a note,
    /// and the edit is audited. A withdrawn proposition cannot change, nor can a project on the
    /// ballot once the vote has opened (see ``VoteLocks``).
    public func editProposition(_ id: PropositionID, _ draft: PropositionDraft, note: String? = nil, by caller: Caller)
        async throws -> Proposition
    {
        try await authorizeAct(by: caller)
        var proposition = try await self.proposition(id, visibleTo: caller)
        let process = try await storage.process(proposition.processID, in: caller.tenantID)
        let byAuthor = try await isAuthor(caller, of: proposition.authors)
        if !byAuthor, !(try await holdsAny(caller, of: [.reviewPropositions, .actForOthers])) {
            throw ParticipationError(.forbidden, "only its authors, or staff who review or act for others, may edit proposition '\(id)'")
        }
        guard proposition.lifecycle != .withdrawn else {
            throw ParticipationError(.invalidTransition, "proposition '\(id)' was withdrawn and cannot change")
        }
        try requireChangeable(proposition, in: process, .ballotProjects)
        let draft = try await validated(draft, tenant: caller.tenantID)
        var entry: AuditEntry?
        var note = try note.map { try Validate.text($0, field: "note", maximumLength: 2_000) }
        if byAuthor {
            try await authorize(.submit, by: caller, in: process)
        } else {
            try process.requireWritable()
            note = try Validate.reason(note, field: "note")
            entry = auditEntry(by: caller, action: "proposition.edited", subject: "proposition:\(id)", reason: note)
        }
        proposition.title = draft.title
        proposition.body = draft.body
        proposition.estimatedCost = draft.estimatedCost
        proposition.districtID = draft.districtID
        proposition.themes = draft.themes
        proposition.location = draft.location
        proposition.attachments = draft.attachments
        proposition.version += 1
        let version = PropositionVersion(
            propositionID: id, number: proposition.version, title: draft.title, body: draft.body,
            estimatedCost: draft.estimatedCost, editedBy: caller.participantID, at: clock.now(), note: note)
        let edited = try await storage.updateProposition(proposition, version: version, status: nil, audit: entry)
        // Under pre-moderation an author's new text waits for approval again.
        if byAuthor, edited.lifecycle == .published { try await holdForApproval(.proposition(id), in: process) }
        return edited
    }

    /// Withdraws the proposition, with the author's reason in its public status history.
    /// Authors only, in any phase.
    public func withdrawProposition(_ id: PropositionID, reason: String, by caller: Caller) async throws -> Proposition {
        try await authorizeAct(by: caller)
        var proposition = try await self.proposition(id, visibleTo: caller)
        try await requireAuthor(caller, of: proposition.authors)
        let reason = try Validate.reason(reason)
        guard proposition.lifecycle != .withdrawn else {
            throw ParticipationError(.invalidTransition, "proposition '\(id)' is already withdrawn")
        }
        let process = try await storage.process(proposition.processID, in: caller.tenantID)
        try process.requireWritable()
        try requireChangeable(proposition, in: process, .ballotProjects)
        proposition.lifecycle = .withdrawn
        proposition.status = .withdrawn
        return try await storage.updateProposition(
            proposition, version: nil,
            status: StatusChange(propositionID: id, status: .withdrawn, justification: reason, by: caller.participantID, at: clock.now()),
            audit: nil)
    }

    /// Transcribes a proposition collected offline (paper form, labelled venue, market stand,
    /// workshop): it is published at once, next to online ones, with the agent and the origin
    /// recorded. Staff who act for others only, while the phase allows `.submit`; each author
    /// must be eligible to submit. Audited.
    public func transcribeProposition(
        in processID: ProcessID, _ draft: PropositionDraft, authors: [ParticipantID], source: OfflineSource,
        place: String? = nil, by caller: Caller
    ) async throws -> Proposition {
        try await authorize(caller, for: .actForOthers)
        let draft = try await validated(draft, tenant: caller.tenantID)
        let place = try place.map { try Validate.text($0, field: "place") }
        guard !authors.isEmpty, Set(authors).count == authors.count else {
            throw ParticipationError.invalid("authors", "a transcribed proposition needs distinct authors")
        }
        let process = try await storage.process(processID, in: caller.tenantID)
        for authorID in authors {
            try await authorize(.submit, onBehalfOf: try await storage.participant(authorID, in: caller.tenantID), in: process)
        }
        let proposition = Proposition(
            id: PropositionID(rawValue: ids.next(prefix: "proposition")), tenantID: caller.tenantID, processID: processID,
            authors: authors, origin: .transcribed(source, agentID: caller.participantID, place: place), title: draft.title,
            body: draft.body, estimatedCost: draft.estimatedCost, districtID: draft.districtID, themes: draft.themes,
            location: draft.location, attachments: draft.attachments, lifecycle: .published, status: .submitted,
            createdAt: clock.now())
        try await storage.insertProposition(
            proposition, version: firstVersion(of: proposition, by: caller.participantID),
            status: StatusChange(
                propositionID: proposition.id, status: .submitted, justification: "transcribed from \(source.rawValue)",
                by: caller.participantID, at: clock.now()))
        try await storage.appendAudit(
            auditEntry(
                by: caller, action: "proposition.transcribed", subject: "proposition:\(proposition.id)",
                details: ["source": source.rawValue, "place": place ?? ""]))
        try await followAsAuthors(proposition)
        return proposition
    }

    /// Records the reviewing body's decision on a published proposition: its new public status
    /// (a standard or tenant status), the standard or tenant reason, and a public
    /// justification, appended to the dated status history. Reviewers only; audited.
    /// - Throws: `invalidInput` (status, reason, justification); `invalidTransition` for a
    ///   draft or withdrawn proposition.
    public func reviewProposition(
        _ id: PropositionID, status: PropositionStatus, reason: ReviewReason?, justification: String, by caller: Caller
    ) async throws -> Proposition {
        try await authorize(caller, for: .reviewPropositions)
        var proposition = try await self.proposition(id, visibleTo: caller)
        let justification = try Validate.reason(justification, field: "justification")
        let process = try await storage.process(proposition.processID, in: caller.tenantID)
        try process.requireWritable()
        let rules = try await storage.contributionRules(of: proposition.processID, in: caller.tenantID)
        guard rules.accepts(status) else {
            throw ParticipationError.invalid("status", "'\(status)' is not a status a reviewer may set in this process")
        }
        if let reason, !rules.accepts(reason) {
            throw ParticipationError.invalid("reason", "'\(reason)' is neither a standard nor a tenant reason")
        }
        if status == .inadmissible, reason == nil {
            throw ParticipationError.invalid("reason", "an inadmissible proposition needs a reason")
        }
        guard proposition.lifecycle == .published else {
            throw ParticipationError(.invalidTransition, "proposition '\(id)' is \(proposition.lifecycle.rawValue); only published ones are reviewed")
        }
        if let locked = VoteLocks.reviewLock(of: proposition, to: status, onBallot: isOnBallot(proposition, in: process), in: process) {
            try process.requireUnlocked(locked)
        }
        proposition.status = status
        let change = StatusChange(
            propositionID: id, status: status, reason: reason, justification: justification, by: caller.participantID,
            at: clock.now())
        var details = ["status": status.rawValue, "reviewingBody": rules.reviewingBody.kind.rawValue]
        if let reason { details["reason"] = reason.rawValue }
        let reviewed = try await storage.updateProposition(
            proposition, version: nil, status: change,
            audit: auditEntry(
                by: caller, action: "proposition.reviewed", subject: "proposition:\(id)", reason: justification, details: details))
        try await announceStatusChange(of: reviewed, change)
        return reviewed
    }

    /// Adjusts the estimated cost (integer cents) with a reason; the change is a new version
    /// whose note is the reason. Reviewers only; audited.
    public func adjustEstimatedCost(_ id: PropositionID, to cents: Int64, reason: String, by caller: Caller) async throws
        -> Proposition
    {
        try await authorize(caller, for: .reviewPropositions)
        var proposition = try await self.proposition(id, visibleTo: caller)
        let cents = try Validate.cents(cents, field: "estimatedCost")
        let reason = try Validate.reason(reason)
        guard proposition.lifecycle != .withdrawn else {
            throw ParticipationError(.invalidTransition, "proposition '\(id)' was withdrawn and cannot change")
        }
        let process = try await storage.process(proposition.processID, in: caller.tenantID)
        try process.requireWritable()
        try requireChangeable(proposition, in: process, .projectCosts)
        let before = proposition.estimatedCost
        proposition.estimatedCost = cents
        proposition.version += 1
        let version = PropositionVersion(
            propositionID: id, number: proposition.version, title: proposition.title, body: proposition.body,
            estimatedCost: cents, editedBy: caller.participantID, at: clock.now(), note: reason)
        return try await storage.updateProposition(
            proposition, version: version, status: nil,
            audit: auditEntry(
                by: caller, action: "proposition.cost-adjusted", subject: "proposition:\(id)", reason: reason,
                details: ["before": before.map(String.init) ?? "", "after": String(cents)]))
    }

    /// The proposition as the public sees it: redacted, its authors shown as the process's
    /// ``DisplayPolicy`` says.
    /// - Throws: `notFound`, also for a draft and while it is pending or hidden.
    public func proposition(_ id: PropositionID, in tenant: TenantID) async throws -> PublicProposition {
        let (stored, view) = try await publicProposition(id, in: tenant)
        let display = try await authorDisplay(of: view.process, naming: stored.authors)
        // `publicProposition` returned it because the view finds it public.
        return view.proposition(stored, authors: display)!
    }

    /// The proposition as `caller` may read it whole (authors, staff who review, moderate or
    /// act for others): the stored value, with its texts unredacted.
    /// - Throws: `notFound` for anyone else, as for an id that names nothing.
    public func proposition(_ id: PropositionID, by caller: Caller) async throws -> Proposition {
        try await authorizeOwnRead(by: caller)
        let stored = try await proposition(id, visibleTo: caller)
        if try await isAuthor(caller, of: stored.authors) { return stored }
        guard try await holdsAny(caller, of: [.reviewPropositions, .moderateContent, .actForOthers]) else {
            throw ParticipationError.notFound("proposition", id)
        }
        return stored
    }

    /// The caller's own propositions in the process, drafts included, ordered by id.
    /// - Throws: `notFound` (process); `forbidden` for an erased account.
    public func ownPropositions(of processID: ProcessID, by caller: Caller) async throws -> [Proposition] {
        try await authorizeOwnRead(by: caller)
        var own: [Proposition] = []
        for proposition in try await storage.propositions(of: processID, in: caller.tenantID)
        where try await isAuthor(caller, of: proposition.authors) {
            own.append(proposition)
        }
        return own
    }

    /// The process's propositions the public may see, ordered by id: published or withdrawn
    /// (drafts stay with their authors), neither pending nor hidden by moderation, redacted.
    /// - Throws: `notFound` (process).
    public func publicPropositions(of processID: ProcessID, in tenant: TenantID) async throws -> [PublicProposition] {
        let view = try await publicView(of: try await storage.process(processID, in: tenant))
        let shown = try await storage.propositions(of: processID, in: tenant).filter { view.isPublic($0) }
        let display = try await authorDisplay(of: view.process, naming: shown.flatMap(\.authors))
        return shown.compactMap { view.proposition($0, authors: display) }
    }

    /// Every version of the proposition's text, the original first, redacted as the proposition is.
    /// - Throws: `notFound`, also for a draft and while it is pending or hidden.
    public func versions(of id: PropositionID, in tenant: TenantID) async throws -> [PublicPropositionVersion] {
        let view = try await publicProposition(id, in: tenant).view
        let versions = try await storage.versions(of: id, in: tenant)
        let display = try await authorDisplay(of: view.process, naming: versions.map(\.editedBy))
        return versions.map { view.version($0, authors: display) }
    }

    /// The public status history, oldest first, each entry with its justification.
    /// - Throws: `notFound`, also for a draft and while it is pending or hidden.
    public func statusHistory(of id: PropositionID, in tenant: TenantID) async throws -> [PublicStatusChange] {
        let view = try await publicProposition(id, in: tenant).view
        let history = try await storage.statusHistory(of: id, in: tenant)
        let display = try await authorDisplay(of: view.process, naming: history.map(\.by))
        return history.map { view.statusChange($0, authors: display) }
    }

    // MARK: - Helpers

    func validated(_ draft: PropositionDraft, tenant: TenantID) async throws -> PropositionDraft {
        var clean = draft
        clean.title = try Validate.text(draft.title, field: "title")
        clean.body = try Validate.text(draft.body, field: "body", maximumLength: 20_000)
        if let cost = draft.estimatedCost { clean.estimatedCost = try Validate.cents(cost, field: "estimatedCost") }
        clean.themes = Set(try draft.themes.map { try Validate.text($0, field: "themes", maximumLength: 64) })
        clean.attachments = try draft.attachments.map { try Validate.text($0, field: "attachments", maximumLength: 1_000) }
        if let district = draft.districtID, try await storage.tenant(tenant).district(district) == nil {
            throw ParticipationError.invalid("districtID", "district '\(district)' is not a district of the tenant")
        }
        return clean
    }

    func firstVersion(of proposition: Proposition, by editor: ParticipantID) -> PropositionVersion {
        PropositionVersion(
            propositionID: proposition.id, number: 1, title: proposition.title, body: proposition.body,
            estimatedCost: proposition.estimatedCost, editedBy: editor, at: clock.now())
    }

    /// The authors a new contribution gets for `authorship`.
    func authors(for authorship: Authorship, by caller: Caller) async throws -> [ParticipantID] {
        switch authorship {
        case .individual:
            return [caller.participantID]
        case .coAuthored(let others):
            let authors = [caller.participantID] + others
            guard Set(authors).count == authors.count else {
                throw ParticipationError.invalid("coAuthors", "co-authors must be distinct and not the caller")
            }
            for other in others {
                let participant = try await storage.participant(other, in: caller.tenantID)
                if participant.kind == .staff { throw ParticipationError.invalid("coAuthors", "staff cannot co-author") }
            }
            return authors
        case .collective(let collectiveID):
            let collective = try await storage.participant(collectiveID, in: caller.tenantID)
            guard case .collective(_, let representative) = collective.kind else {
                throw ParticipationError.invalid("collective", "participant '\(collectiveID)' is not a collective")
            }
            guard representative == caller.participantID else {
                throw ParticipationError(.forbidden, "only the representative of '\(collective.displayName)' acts for it")
            }
            return [collectiveID]
        }
    }

    /// Whether the caller is one of `authors`, or the representative of a collective among them.
    func isAuthor(_ caller: Caller, of authors: [ParticipantID]) async throws -> Bool {
        if authors.contains(caller.participantID) { return true }
        for authorID in authors {
            guard let author = try? await storage.participant(authorID, in: caller.tenantID) else { continue }
            if case .collective(_, let representative) = author.kind, representative == caller.participantID { return true }
        }
        return false
    }

    func requireAuthor(_ caller: Caller, of authors: [ParticipantID]) async throws {
        guard try await isAuthor(caller, of: authors) else {
            throw ParticipationError(.forbidden, "only the authors (or a collective author's representative) may do this")
        }
    }

    /// Whether `proposition` is on the ballot of `process`: the frozen one, or, for a vote
    /// opened by a release that did not freeze ballots, any proposition that reaches a ballot.
    func isOnBallot(_ proposition: Proposition, in process: ParticipatoryProcess) -> Bool {
        if let frozen = process.frozenBallot { return frozen.contains(proposition.id) }
        guard process.voteStage != .preparation, let settings = process.budget else { return false }
        return BallotList.reachesBallot(proposition, settings: settings)
    }

    /// Refuses `change` to `proposition` when it is on the ballot and the vote locks it.
    func requireChangeable(_ proposition: Proposition, in process: ParticipatoryProcess, _ change: CountedChange) throws {
        guard isOnBallot(proposition, in: process) else { return }
        try process.requireUnlocked(change)
    }
}
