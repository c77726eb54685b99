extension ParticipationService {
    /// The tenant's current charter, readable by anyone.
    /// - Throws: `notFound` when the tenant has none (or does not exist).
    public func currentCharter(in tenant: TenantID) async throws -> Charter {
        guard let charter = try await storage.currentCharter(in: tenant) else {
            throw ParticipationError(.notFound, "tenant '\(tenant)' has no charter")
        }
        return charter
    }

    /// Publishes the next version of the tenant's charter. Administrators only; audited.
    /// From then on, processes that require the charter refuse actions until it is accepted.
    public func publishCharter(title: String, text: String, by caller: Caller) async throws -> Charter {
        try await authorize(caller, for: .publishCharter)
        let title = try Validate.text(title, field: "title")
        let text = try Validate.text(text, field: "text", maximumLength: 200_000)
        let current = try await storage.currentCharter(in: caller.tenantID)
        let charter = Charter(
            tenantID: caller.tenantID, version: (current?.version ?? 0) + 1, title: title, text: text,
            publishedAt: clock.now())
        let entry = auditEntry(
            by: caller, action: "charter.published", subject: "charter:\(charter.version)")
        try await storage.insertCharter(charter, audit: entry)
        return charter
    }

    /// Records that the caller accepts the current charter version.
    /// - Throws: `notFound` when the tenant has no charter.
    public func acceptCurrentCharter(by caller: Caller) async throws -> CharterAcceptance {
        try await authorizeAct(by: caller)
        guard let charter = try await storage.currentCharter(in: caller.tenantID) else {
            throw ParticipationError(.notFound, "tenant '\(caller.tenantID)' has no charter to accept")
        }
        let acceptance = CharterAcceptance(
            tenantID: caller.tenantID, participantID: caller.participantID, version: charter.version,
            acceptedAt: clock.now())
        try await storage.recordAcceptance(acceptance)
        return acceptance
    }
}
