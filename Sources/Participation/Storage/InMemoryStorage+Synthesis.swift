extension InMemoryStorage {
    public func insertSynthesis(_ synthesis: Synthesis, audit entry: AuditEntry) throws {
        _ = try storedProcess(synthesis.processID, synthesis.tenantID)
        let key = Scoped(tenant: synthesis.tenantID, id: synthesis.id)
        if synthesesByKey[key] != nil { throw ParticipationError.duplicate("synthesis", synthesis.id) }
        try checkAudit(entry)
        var stored = synthesis
        stored.revision = 0
        synthesesByKey[key] = stored
        write(entry)
    }

    public func updateSynthesis(_ synthesis: Synthesis, audit entry: AuditEntry) throws -> Synthesis {
        let key = Scoped(tenant: synthesis.tenantID, id: synthesis.id)
        guard let stored = synthesesByKey[key] else { throw ParticipationError.notFound("synthesis", synthesis.id) }
        guard stored.revision == synthesis.revision else {
            throw ParticipationError(.conflict, "synthesis '\(synthesis.id)' changed since it was read")
        }
        try checkAudit(entry)
        var updated = synthesis
        updated.revision += 1
        synthesesByKey[key] = updated
        write(entry)
        return updated
    }

    public func synthesis(_ id: SynthesisID, in tenant: TenantID) throws -> Synthesis {
        guard let synthesis = synthesesByKey[Scoped(tenant: tenant, id: id)] else {
            throw ParticipationError.notFound("synthesis", id)
        }
        return synthesis
    }

    public func syntheses(of process: ProcessID, in tenant: TenantID) throws -> [Synthesis] {
        _ = try storedProcess(process, tenant)
        return synthesesByKey.values.filter { $0.tenantID == tenant && $0.processID == process }.sorted { $0.id < $1.id }
    }

    public func insertContributionTag(_ tag: ContributionTag) throws {
        try requireContribution(tag.contribution, of: tag.processID, tag.tenantID)
        _ = try storedParticipant(tag.taggedBy, tag.tenantID)
        let key = Scoped(tenant: tag.tenantID, id: tag.key)
        if tagsByKey[key] != nil {
            throw ParticipationError(.duplicate, "'\(tag.tag)' is already on \(tag.contribution) for this participant")
        }
        tagsByKey[key] = tag
    }

    public func deleteContributionTag(
        _ tag: String, on contribution: ContributionReference, by tagger: ParticipantID, process: ProcessID,
        in tenant: TenantID
    ) throws {
        let key = Scoped(tenant: tenant, id: "\(contribution)|\(tag)|\(tagger)")
        guard let stored = tagsByKey[key], stored.processID == process else {
            throw ParticipationError.notFound("tag '\(tag)' on \(contribution) by participant", tagger)
        }
        tagsByKey[key] = nil
    }

    public func contributionTags(of process: ProcessID, in tenant: TenantID) throws -> [ContributionTag] {
        _ = try storedProcess(process, tenant)
        return tagsByKey.values.filter { $0.tenantID == tenant && $0.processID == process }.sortedForStorage()
    }

    /// Throws `notFound` unless `contribution` exists in `process` of `tenant`.
    func requireContribution(_ contribution: ContributionReference, of process: ProcessID, _ tenant: TenantID) throws {
        _ = try storedProcess(process, tenant)
        switch contribution {
        case .proposition(let id):
            guard try storedProposition(id, tenant).processID == process else {
                throw ParticipationError.notFound("proposition", id)
            }
        case .comment(let id):
            guard try storedComment(id, tenant).processID == process else { throw ParticipationError.notFound("comment", id) }
        }
    }
}
