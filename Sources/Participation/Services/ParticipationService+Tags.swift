extension ParticipationService {
    /// Lets citizens tag the process's public contributions, or stops them (tags already put
    /// stay). Administrators only; audited.
    /// - Throws: `forbidden`; `notFound`; `processArchived`; `conflict` (a concurrent change).
    public func setCitizenTagging(_ allowed: Bool, of processID: ProcessID, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        process.allowsCitizenTagging = allowed
        return try await storage.updateProcess(
            process,
            audit: auditEntry(
                by: caller, action: "citizen-tagging.changed", subject: "process:\(processID)", details: ["allowed": String(allowed)]))
    }

    /// Puts a theme on a public contribution of the process. Staff who write syntheses may
    /// always tag; citizens only where the process allows it (``ParticipatoryProcess/allowsCitizenTagging``).
    /// A tag is written in lower case, without surrounding spaces.
    /// - Throws: `forbidden` (a citizen where citizen tagging is off; an erased account);
    ///   `participantBlocked`; `invalidInput` (tag); `notFound` (process; a contribution that is
    ///   not public in the process); `processArchived`; `duplicate` (the caller already put this tag on it).
    @discardableResult
    public func tagContribution(
        _ contribution: ContributionReference, in processID: ProcessID, tag: String, by caller: Caller
    ) async throws -> ContributionTag {
        let participant = try await authorizeAct(by: caller)
        let process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        let byStaff = StaffOperation.writeSynthesis.isAllowed(for: participant.roles)
        guard byStaff || process.allowsCitizenTagging else {
            throw ParticipationError(.forbidden, "this process does not let citizens tag contributions")
        }
        guard try await isPublicContribution(contribution, of: processID, tenant: caller.tenantID) else {
            throw ParticipationError(
                .notFound, "\(contribution) is not a public contribution of process '\(processID)'", field: "contribution")
        }
        let tag = try Self.validatedTag(tag)
        let stored = ContributionTag(
            tenantID: caller.tenantID, processID: processID, contribution: contribution, tag: tag,
            taggedBy: caller.participantID, byStaff: byStaff, at: clock.now())
        try await storage.insertContributionTag(stored)
        return stored
    }

    /// Removes a tag the caller put.
    /// - Throws: `notFound` (no such tag of the caller's); `processArchived`.
    public func untagContribution(
        _ contribution: ContributionReference, in processID: ProcessID, tag: String, by caller: Caller
    ) async throws {
        try await authorizeAct(by: caller)
        try await storage.process(processID, in: caller.tenantID).requireWritable()
        try await storage.deleteContributionTag(
            try Self.validatedTag(tag), on: contribution, by: caller.participantID, process: processID, in: caller.tenantID)
    }

    /// The tags of the process's public contributions (by contribution, tag, then tagger), their
    /// taggers shown as the process's ``DisplayPolicy`` says. Tags of a contribution the public
    /// cannot see are left out.
    /// - Throws: `notFound` (process).
    public func contributionTags(of processID: ProcessID, in tenant: TenantID) async throws -> [PublicContributionTag] {
        let process = try await storage.process(processID, in: tenant)
        let tags = try await publicTags(of: processID, in: tenant)
        let display = try await authorDisplay(of: process, naming: tags.map(\.taggedBy))
        return tags.map { PublicContributionTag($0, authors: display) }
    }

    /// The stored tags of the process's public contributions.
    func publicTags(of processID: ProcessID, in tenant: TenantID) async throws -> [ContributionTag] {
        var shown: [ContributionReference: Bool] = [:]
        var tags: [ContributionTag] = []
        for tag in try await storage.contributionTags(of: processID, in: tenant) {
            if shown[tag.contribution] == nil {
                shown[tag.contribution] = try await isPublicContribution(tag.contribution, of: processID, tenant: tenant)
            }
            if shown[tag.contribution] == true { tags.append(tag) }
        }
        return tags
    }

    /// A tag exactly as stored: 1 to 60 characters, lower case, no surrounding spaces.
    static func validatedTag(_ tag: String) throws -> String {
        let checked = try Validate.text(tag, field: "tag", maximumLength: 60)
        guard checked == checked.lowercased() else {
            throw ParticipationError.invalid("tag", "write tags in lower case: '\(checked.lowercased())'")
        }
        return checked
    }

    /// Public contributions grouped by theme tag, each group's contributions ("proposition:id",
    /// "comment:id") sorted: the themes a synthesis can follow.
    /// - Throws: `notFound` (process).
    public func contributionsByTag(of processID: ProcessID, in tenant: TenantID) async throws -> [String: [String]] {
        _ = try await storage.process(processID, in: tenant)
        var byContribution: [ContributionReference: Set<String>] = [:]
        for tag in try await publicTags(of: processID, in: tenant) { byContribution[tag.contribution, default: []].insert(tag.tag) }
        return SharedTermGrouping.byTag(byContribution.map { (id: $0.key.description, tags: $0.value) })
    }

    /// The public contributions of a process (propositions: title and text; comments: text)
    /// grouped by the words they share (see ``SharedTermGrouping``): a first sort of what was
    /// said, to speed up writing the synthesis. Staff who write syntheses.
    /// - Throws: `forbidden`; `notFound`.
    public func sharedTermGroups(of processID: ProcessID, minimumContributions: Int = 2, by caller: Caller) async throws
        -> [SharedTermGrouping.Group]
    {
        try await authorize(caller, for: .writeSynthesis)
        let archive = try await storage.tenantArchive(of: caller.tenantID)
        guard let process = archive.processes.first(where: { $0.id == processID }) else {
            throw ParticipationError.notFound("process", processID)
        }
        // Only what the public sees, as the public sees it (redactions applied).
        let view = try await publicView(of: process)
        var texts: [(id: String, text: String)] = []
        for record in archive.propositions where view.isPublic(record.proposition) {
            let proposition = view.redactedCopy(of: record.proposition)
            texts.append((ContributionReference.proposition(proposition.id).description, "\(proposition.title) \(proposition.body)"))
        }
        for comment in archive.comments where view.isPublic(comment) {
            guard (try? await requirePublic(comment.subject, of: processID, in: caller.tenantID)) != nil else { continue }
            texts.append((ContributionReference.comment(comment.id).description, view.redacted(comment.body, of: .comment(comment.id))))
        }
        return SharedTermGrouping.groups(of: texts, minimumContributions: minimumContributions)
    }
}
