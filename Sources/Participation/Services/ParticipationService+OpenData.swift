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
        // One consistent read; every row goes through the public filter.
        let archive = try await storage.tenantArchive(of: caller.tenantID)
        guard let process = archive.processes.first(where: { $0.id == processID }) else {
            throw ParticipationError.notFound("process", processID)
        }
        let records = archive.propositions
            .filter { $0.proposition.processID == processID && PublicVisibility.isPublic($0.proposition) }
            .map {
                OpenDataSource.PropositionRecord(proposition: $0.proposition, statusHistory: $0.statusHistory, realisation: $0.realisation)
            }
        let ballotsArePublic = process.voteRules.map { $0.resultsVisibility == .live || process.publishedResult != nil } ?? false
        let ballots = ballotsArePublic ? archive.ballots.filter { $0.processID == processID } : nil
        let acts = ParticipationRecord.records(of: processID, in: archive).filter { ballotsArePublic || $0.type != "ballot" }
        let contributors = Set(acts.map(\.participantID))
        let participants = archive.participants.filter { contributors.contains($0.id) }
        let export = OpenDataBuilder.build(
            OpenDataSource(
                tenant: archive.tenant, process: process, propositions: records, ballots: ballots,
                participants: participants, records: acts, generatedAt: clock.now()),
            pseudonymiser: pseudonymiser, minimumGroupSize: minimumGroupSize)
        try await storage.appendAudit(
            auditEntry(
                by: caller, action: "open-data.exported", subject: "process:\(processID)",
                details: ["tables": export.tables.map(\.name).joined(separator: ",")]))
        return export
    }
}
