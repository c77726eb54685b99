extension ParticipationService {
    /// Archives a process once no phase is open: it stays readable with all its contributions,
    /// and every later write to it refuses with ``ParticipationError/Code/processArchived``.
    /// Nothing is deleted. `retentionDays`, when given, is how long participant data is kept
    /// after archiving before ``applyRetention(now:)`` anonymises it. Administrators only; audited.
    /// - Throws: `forbidden`; `notFound`; `processArchived` if already archived;
    ///   `invalidTransition` while a phase is open; `invalidInput` for a negative retention.
    public func archiveProcess(_ processID: ProcessID, retentionDays: Int? = nil, by caller: Caller) async throws
        -> ParticipatoryProcess
    {
        try await authorize(caller, for: .manageProcess)
        if let retentionDays, retentionDays < 0 {
            throw ParticipationError.invalid("retentionDays", "the retention period cannot be negative")
        }
        var process = try await storage.process(processID, in: caller.tenantID)
        try process.requireWritable()
        if let open = process.currentPhase {
            throw ParticipationError(.invalidTransition, "phase '\(open.name)' is open; close it before archiving", field: "phase")
        }
        process.archivedAt = clock.now()
        process.retentionDays = retentionDays ?? process.retentionDays
        var details: [String: String] = [:]
        if let days = process.retentionDays { details["retentionDays"] = String(days) }
        return try await storage.updateProcess(
            process, audit: auditEntry(by: caller, action: "process.archived", subject: "process:\(processID)", details: details))
    }
}
