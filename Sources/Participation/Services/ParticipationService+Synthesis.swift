extension ParticipationService {
    /// Starts the synthesis of a consultation, as a draft. Reviewers and administrators; audited.
    /// - Throws: `forbidden`; `notFound` (process); `processArchived`; `invalidInput` (title).
    public func createSynthesis(
        of processID: ProcessID, title: String, introduction: String = "", by caller: Caller
    ) async throws -> Synthesis {
        try await authorize(caller, for: .writeSynthesis)
        let title = try Validate.text(title, field: "title")
        let introduction = try Self.optionalText(introduction, field: "introduction")
        let process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        let synthesis = Synthesis(
            id: SynthesisID(rawValue: ids.next(prefix: "synthesis")), tenantID: caller.tenantID, processID: processID,
            title: title, introduction: introduction, createdBy: caller.participantID, createdAt: clock.now())
        try await storage.insertSynthesis(
            synthesis, audit: auditEntry(by: caller, action: "synthesis.created", subject: "synthesis:\(synthesis.id)"))
        return synthesis
    }

    /// Replaces the text and points of a synthesis that is not published. Every point must cite
    /// at least one public proposition or comment of the process. Editing a validated synthesis
    /// returns it to draft: the élu validates the text that is published, not an earlier one.
    /// Reviewers and administrators; audited.
    /// - Throws: `forbidden`; `notFound`; `invalidTransition` (published); `processArchived`;
    ///   `invalidInput` (title, a point's text, no citation, a citation that is not a public
    ///   contribution of the process, two points with one id); `conflict` (changed meanwhile).
    public func editSynthesis(
        _ id: SynthesisID, title: String, introduction: String, points: [SynthesisPoint], by caller: Caller
    ) async throws -> Synthesis {
        try await authorize(caller, for: .writeSynthesis)
        var synthesis = try await storage.synthesis(id, in: caller.tenantID)
        guard synthesis.state != .published else {
            throw ParticipationError(.invalidTransition, "synthesis '\(id)' is published and can no longer change")
        }
        try await storage.process(synthesis.processID, in: caller.tenantID).requireWritable()
        synthesis.title = try Validate.text(title, field: "title")
        synthesis.introduction = try Self.optionalText(introduction, field: "introduction")
        synthesis.points = try await validated(points, in: synthesis.processID, tenant: caller.tenantID)
        synthesis.state = .draft
        synthesis.validatedBy = nil
        synthesis.validatedAt = nil
        return try await storage.updateSynthesis(
            synthesis,
            audit: auditEntry(
                by: caller, action: "synthesis.edited", subject: "synthesis:\(id)", details: ["points": String(points.count)]))
    }

    /// An élu validates a draft synthesis: draft → validated. Officials only; audited.
    /// - Throws: `forbidden`; `notFound`; `invalidTransition` (not a draft, or no point);
    ///   `processArchived`; `conflict`.
    public func validateSynthesis(_ id: SynthesisID, by caller: Caller) async throws -> Synthesis {
        try await authorize(caller, for: .validateSynthesis)
        var synthesis = try await storage.synthesis(id, in: caller.tenantID)
        guard synthesis.state == .draft else {
            throw ParticipationError(.invalidTransition, "only a draft can be validated; synthesis '\(id)' is \(synthesis.state.rawValue)")
        }
        guard !synthesis.points.isEmpty else {
            throw ParticipationError(.invalidTransition, "synthesis '\(id)' has no point to validate")
        }
        try await storage.process(synthesis.processID, in: caller.tenantID).requireWritable()
        synthesis.state = .validated
        synthesis.validatedBy = caller.participantID
        synthesis.validatedAt = clock.now()
        return try await storage.updateSynthesis(
            synthesis, audit: auditEntry(by: caller, action: "synthesis.validated", subject: "synthesis:\(id)"))
    }

    /// Publishes a validated synthesis: validated → published, then public and frozen.
    /// Administrators only; audited.
    /// - Throws: `forbidden`; `notFound`; `invalidTransition` (not validated); `processArchived`; `conflict`.
    public func publishSynthesis(_ id: SynthesisID, by caller: Caller) async throws -> Synthesis {
        try await authorize(caller, for: .publishSynthesis)
        var synthesis = try await storage.synthesis(id, in: caller.tenantID)
        guard synthesis.state == .validated else {
            throw ParticipationError(
                .invalidTransition, "only a validated synthesis can be published; synthesis '\(id)' is \(synthesis.state.rawValue)")
        }
        try await storage.process(synthesis.processID, in: caller.tenantID).requireWritable()
        synthesis.state = .published
        synthesis.publishedAt = clock.now()
        return try await storage.updateSynthesis(
            synthesis, audit: auditEntry(by: caller, action: "synthesis.published", subject: "synthesis:\(id)"))
    }

    /// The published syntheses of a process: what anyone may read. A point's citations of
    /// contributions the public can no longer see (hidden since) are left out.
    /// - Throws: `notFound` (process).
    public func publishedSyntheses(of processID: ProcessID, in tenant: TenantID) async throws -> [Synthesis] {
        // An unknown process is an error, not an empty list.
        _ = try await storage.process(processID, in: tenant)
        var shown: [ContributionReference: Bool] = [:]
        var published: [Synthesis] = []
        for var synthesis in try await storage.syntheses(of: processID, in: tenant) where synthesis.state == .published {
            for index in synthesis.points.indices {
                var kept: [ContributionReference] = []
                for citation in synthesis.points[index].citations {
                    if shown[citation] == nil { shown[citation] = try await isPublicContribution(citation, of: processID, tenant: tenant) }
                    if shown[citation] == true { kept.append(citation) }
                }
                synthesis.points[index].citations = kept
            }
            published.append(synthesis)
        }
        return published
    }

    /// Every synthesis of a process, drafts included: for those who write, validate or publish them.
    /// - Throws: `forbidden` for anyone else; `notFound` (process).
    public func syntheses(of processID: ProcessID, by caller: Caller) async throws -> [Synthesis] {
        let participant = try await authorizeAct(by: caller)
        let writers = StaffOperation.writeSynthesis.allowedRoles.union(StaffOperation.validateSynthesis.allowedRoles)
            .union(StaffOperation.publishSynthesis.allowedRoles)
        guard !participant.roles.isDisjoint(with: writers) else {
            throw ParticipationError(.forbidden, "unpublished syntheses are for staff who write, validate or publish them")
        }
        _ = try await storage.process(processID, in: caller.tenantID)
        return try await storage.syntheses(of: processID, in: caller.tenantID)
    }

    /// What became of a contribution: the points of published syntheses that cite it.
    public func citations(of contribution: ContributionReference, in processID: ProcessID, tenant: TenantID) async throws
        -> [SynthesisCitation]
    {
        try await publishedSyntheses(of: processID, in: tenant).flatMap { synthesis in
            synthesis.points(citing: contribution).map {
                // A published synthesis has a publication date (set with the state).
                SynthesisCitation(
                    synthesisID: synthesis.id, synthesisTitle: synthesis.title, point: $0,
                    publishedAt: synthesis.publishedAt ?? synthesis.createdAt)
            }
        }
    }

    /// An optional text: empty stays empty, anything else is checked like any text.
    static func optionalText(_ text: String, field: String, maximumLength: Int = 20_000) throws -> String {
        text.isEmpty ? "" : try Validate.text(text, field: field, maximumLength: maximumLength)
    }

    /// `points` checked: texts, distinct ids, and citations of public contributions of the process.
    func validated(_ points: [SynthesisPoint], in processID: ProcessID, tenant: TenantID) async throws -> [SynthesisPoint] {
        var seen: Set<String> = []
        var result: [SynthesisPoint] = []
        for (index, point) in points.enumerated() {
            let field = "points[\(index)]"
            let id = try Validate.text(point.id, field: "\(field).id", maximumLength: 100)
            guard seen.insert(id).inserted else { throw ParticipationError.invalid("\(field).id", "two points have the id '\(id)'") }
            guard !point.citations.isEmpty else {
                throw ParticipationError.invalid("\(field).citations", "a point must cite at least one contribution")
            }
            for citation in point.citations {
                guard try await isPublicContribution(citation, of: processID, tenant: tenant) else {
                    throw ParticipationError.invalid(
                        "\(field).citations", "\(citation) is not a public contribution of process '\(processID)'")
                }
            }
            result.append(
                SynthesisPoint(
                    id: id, title: try Validate.text(point.title, field: "\(field).title"),
                    body: try Validate.text(point.body, field: "\(field).body", maximumLength: 20_000),
                    citations: point.citations))
        }
        return result
    }

    /// Whether `contribution` is a contribution of `processID` that the public may see: a
    /// public proposition, or a public comment on a public subject.
    func isPublicContribution(_ contribution: ContributionReference, of processID: ProcessID, tenant: TenantID) async throws
        -> Bool
    {
        switch contribution {
        case .proposition(let id):
            guard let (proposition, _) = try? await publicProposition(id, in: tenant) else { return false }
            return proposition.processID == processID
        case .comment(let id):
            guard let (comment, _) = try? await publicComment(id, in: tenant) else { return false }
            return comment.processID == processID
        }
    }
}
