extension ParticipationService {
    /// The open-data export of a process: CSV and JSON tables with no personal data, and
    /// their column dictionary (see ``OpenDataBuilder`` for what is left out, and why).
    ///
    /// `secret` is the tenant's pseudonymisation secret (at least 16 bytes, kept by the host,
    /// never published): the same secret gives the same pseudonyms in later exports. Groups
    /// smaller than `minimumGroupSize` are suppressed from aggregates. Administrators only; audited.
    /// - Throws: `forbidden`, `notFound`, `invalidInput` (`secret`, `minimumGroupSize`).
    public func openDataExport(
        of processID: ProcessID, secret: String, minimumGroupSize: Int = OpenDataExport.defaultMinimumGroupSize,
        by caller: Caller
    ) async throws -> OpenDataExport {
        try await authorize(caller, for: .exportData)
        let pseudonymiser = try Pseudonymiser(secret: secret, tenantID: caller.tenantID)
        guard minimumGroupSize >= 2 else {
            throw ParticipationError.invalid("minimumGroupSize", "the minimum group size must be at least 2")
        }
        let tenant = try await storage.tenant(caller.tenantID)
        let process = try await storage.process(processID, in: caller.tenantID)
        var records: [OpenDataSource.PropositionRecord] = []
        var contributors: Set<ParticipantID> = []
        // Hidden means hidden: only what the public sees, redacted, goes into open data.
        let view = try await publicView(of: process)
        for stored in try await storage.propositions(of: processID, in: caller.tenantID) where view.isPublic(stored) {
            let proposition = view.redactedCopy(of: stored)
            records.append(
                OpenDataSource.PropositionRecord(
                    proposition: proposition,
                    statusHistory: try await storage.statusHistory(of: proposition.id, in: caller.tenantID),
                    realisation: try await storage.realisationEvents(of: proposition.id, in: caller.tenantID)))
            contributors.formUnion(proposition.authors)
        }
        // The ballots name projects of the frozen ballot only, which moderation cannot hide:
        // recounting them gives the published result.
        var ballots: [Ballot]?
        if let rules = process.voteRules, rules.resultsVisibility == .live || process.publishedResult != nil {
            var counted: [Ballot] = []
            try await forEachBallot(of: process) { counted.append($0) }
            contributors.formUnion(counted.map(\.voterID))
            ballots = counted
        }
        // Every public act, through the same moderation view, for the table by type; ballots
        // only once they are public.
        let archive = try await storage.tenantArchive(of: caller.tenantID)
        let acts = ParticipationRecord.records(of: processID, in: archive, view: view)
            .filter { ballots != nil || $0.type != "ballot" }
        contributors.formUnion(acts.map(\.participantID))
        var participants: [Participant] = []
        for id in contributors.sorted() {
            participants.append(try await storage.participant(id, in: caller.tenantID))
        }
        let export = OpenDataBuilder.build(
            OpenDataSource(
                tenant: tenant, process: process, propositions: records, ballots: ballots, participants: participants,
                records: acts, generatedAt: clock.now()),
            pseudonymiser: pseudonymiser, minimumGroupSize: minimumGroupSize)
        try await storage.appendAudit(
            auditEntry(
                by: caller, action: "open-data.exported", subject: "process:\(processID)",
                details: ["tables": export.tables.map(\.name).joined(separator: ",")]))
        return export
    }
}
