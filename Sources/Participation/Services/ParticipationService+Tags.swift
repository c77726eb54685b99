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
    /// The tag is trimmed and lower-cased.
    /// - Throws: `forbidden` (a citizen where citizen tagging is off; an erased account);
    ///   `invalidInput` (tag; a contribution that is not public in the process); `notFound`;
    ///   `processArchived`; `duplicate` (the caller already put this tag on it).
    @discardableResult
    public func tagContribution(
        _ contribution: ContributionReference, in processID: ProcessID, tag: String, by caller: Caller
    ) async throws -> ContributionTag {
        let tag = try Validate.text(tag, field: "tag", maximumLength: 60).lowercased()
        let participant = try await storage.participant(caller.participantID, in: caller.tenantID)
        let process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        let byStaff = StaffOperation.writeSynthesis.isAllowed(for: participant.roles)
        guard !participant.isErased, byStaff || process.allowsCitizenTagging else {
            throw ParticipationError(.forbidden, "this process does not let citizens tag contributions")
        }
        guard try await isPublicContribution(contribution, of: processID, tenant: caller.tenantID) else {
            throw ParticipationError.invalid("contribution", "\(contribution) is not a public contribution of process '\(processID)'")
        }
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
        try await storage.process(processID, in: caller.tenantID).requireWritable()
        try await storage.deleteContributionTag(
            Validate.trimmed(tag).lowercased(), on: contribution, by: caller.participantID, process: processID,
            in: caller.tenantID)
    }

    /// The tags of the process's contributions (by contribution, tag, then tagger).
    /// - Throws: `notFound` (process).
    public func contributionTags(of processID: ProcessID, in tenant: TenantID) async throws -> [ContributionTag] {
        _ = try await storage.process(processID, in: tenant)
        return try await storage.contributionTags(of: processID, in: tenant)
    }

    /// Public contributions grouped by theme tag, each group's contributions ("proposition:id",
    /// "comment:id") sorted: the themes a synthesis can follow.
    /// - Throws: `notFound` (process).
    public func contributionsByTag(of processID: ProcessID, in tenant: TenantID) async throws -> [String: [String]] {
        let tags = try await contributionTags(of: processID, in: tenant)
        var byContribution: [ContributionReference: Set<String>] = [:]
        for tag in tags { byContribution[tag.contribution, default: []].insert(tag.tag) }
        var tagged: [(id: String, tags: Set<String>)] = []
        for (contribution, themes) in byContribution
        where try await isPublicContribution(contribution, of: processID, tenant: tenant) {
            tagged.append((contribution.description, themes))
        }
        return SharedTermGrouping.byTag(tagged)
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
        let view = try await moderationView(of: process)
        var texts: [(id: String, text: String)] = []
        for record in archive.propositions where record.proposition.processID == processID && PublicVisibility.isPublic(record.proposition) {
            guard let proposition = view.publicProposition(record.proposition) else { continue }
            texts.append((ContributionReference.proposition(proposition.id).description, "\(proposition.title) \(proposition.body)"))
        }
        for stored in archive.comments where stored.processID == processID && PublicVisibility.isPublic(stored) {
            guard let comment = view.publicComment(stored) else { continue }
            texts.append((ContributionReference.comment(comment.id).description, comment.body))
        }
        return SharedTermGrouping.groups(of: texts, minimumContributions: minimumContributions)
    }
}
