#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ParticipationService {
    /// A participant's record: one's own, or anyone's of the tenant for staff who verify
    /// participants (administrators, officials).
    /// - Throws: `forbidden`; `notFound`.
    public func participant(_ id: ParticipantID, by caller: Caller) async throws -> Participant {
        if id == caller.participantID { return try await authorizeOwnRead(by: caller) }
        try await authorize(caller, for: .verifyParticipants)
        return try await storage.participant(id, in: caller.tenantID)
    }

    /// Records that `caller` hands out a credential (a token, a link) that acts as
    /// `participantID`, after checking they may: administrators only, for an account that is
    /// not erased. The host issues the credential only if this succeeds; audited.
    /// - Throws: `forbidden`; `notFound`; `invalidInput` (`method`; an erased account).
    @discardableResult
    public func recordCredentialIssue(for participantID: ParticipantID, method: String, by caller: Caller) async throws
        -> Participant
    {
        // Handing out a credential is granting the rights of its holder.
        try await authorize(caller, for: .manageRoles)
        let method = try Validate.text(method, field: "method", maximumLength: 64)
        let participant = try await storage.participant(participantID, in: caller.tenantID)
        guard !participant.isErased else {
            throw ParticipationError.invalid("participantID", "participant '\(participantID)' was erased and can no longer act")
        }
        try await storage.appendAudit(
            auditEntry(
                by: caller, action: "credential.issued", subject: "participant:\(participantID)", details: ["method": method]))
        return participant
    }

    /// The tenant's participants ordered by id, at most `limit` (1 to 1,000) after `after`:
    /// for staff who verify participants.
    /// - Throws: `forbidden`; `invalidInput` (`limit`).
    public func participants(after: ParticipantID?, limit: Int, by caller: Caller) async throws -> [Participant] {
        guard (1...1_000).contains(limit) else { throw ParticipationError.invalid("limit", "a page holds 1 to 1000 participants") }
        try await authorize(caller, for: .verifyParticipants)
        return try await storage.participants(in: caller.tenantID, after: after, limit: limit)
    }

    /// Registers a participant in `tenant` with the citizen role.
    ///
    /// A collective must name a representative who is a registered person of the same tenant.
    /// - Throws: `invalidInput` (names, representative), `notFound` (tenant, representative).
    public func registerParticipant(
        in tenant: TenantID, displayName: String, kind: ParticipantKind = .person, pseudonym: String? = nil,
        profile: Profile = Profile(), consents: Consents = Consents()
    ) async throws -> Participant {
        let name = try Validate.text(displayName, field: "displayName")
        let pseudonym = try pseudonym.map { try Validate.text($0, field: "pseudonym") }
        let tenantValue = try await storage.tenant(tenant)
        if let district = profile.districtID, tenantValue.district(district) == nil {
            throw ParticipationError.invalid("profile.districtID", "district '\(district)' is not a district of the tenant")
        }
        if case .collective(_, let representativeID) = kind {
            let representative = try await storage.participant(representativeID, in: tenant)
            guard representative.kind == .person else {
                throw ParticipationError.invalid("representative", "a collective's representative must be a person")
            }
        }
        if case .staff = kind {
            throw ParticipationError.invalid("kind", "staff accounts are created by an administrator (registerStaff)")
        }
        let participant = Participant(
            id: ParticipantID(rawValue: ids.next(prefix: "participant")), tenantID: tenant, kind: kind,
            displayName: name, pseudonym: pseudonym, roles: [.citizen], profile: profile, consents: consents,
            registeredAt: clock.now())
        try await storage.insertParticipant(participant)
        return participant
    }

    /// Creates a staff account with `roles`. Administrators only; audited.
    ///
    /// The first administrator of a tenant is created with ``bootstrapAdministrator(in:displayName:)``.
    public func registerStaff(displayName: String, roles: Set<Role>, by caller: Caller) async throws -> Participant {
        try await authorize(caller, for: .manageRoles)
        let name = try Validate.text(displayName, field: "displayName")
        guard !roles.isEmpty else { throw ParticipationError.invalid("roles", "a staff account needs at least one role") }
        let staff = Participant(
            id: ParticipantID(rawValue: ids.next(prefix: "staff")), tenantID: caller.tenantID, kind: .staff,
            displayName: name, roles: roles, verification: .verified, registeredAt: clock.now())
        try await storage.insertParticipant(staff)
        try await storage.appendAudit(
            auditEntry(
                by: caller, action: "staff.created", subject: "participant:\(staff.id)",
                details: ["roles": roles.map(\.rawValue).sorted().joined(separator: ",")]))
        return staff
    }

    /// Creates the first administrator of a tenant: the host's bootstrap act, refused once
    /// the tenant has an administrator.
    /// - Throws: `notFound` (tenant); `conflict` if an administrator exists.
    public func bootstrapAdministrator(in tenant: TenantID, displayName: String) async throws -> Participant {
        let name = try Validate.text(displayName, field: "displayName")
        _ = try await storage.tenant(tenant)
        var after: ParticipantID?
        while true {
            let page = try await storage.participants(in: tenant, after: after, limit: 500)
            if page.contains(where: { $0.has(.administrator) }) {
                throw ParticipationError(.conflict, "tenant '\(tenant)' already has an administrator")
            }
            guard let last = page.last else { break }
            after = last.id
        }
        let administrator = Participant(
            id: ParticipantID(rawValue: ids.next(prefix: "staff")), tenantID: tenant, kind: .staff, displayName: name,
            roles: [.administrator], verification: .verified, registeredAt: clock.now())
        try await storage.insertParticipant(administrator)
        return administrator
    }

    /// Replaces a participant's roles, with a reason. Administrators only; audited.
    public func setRoles(_ roles: Set<Role>, of participantID: ParticipantID, reason: String, by caller: Caller)
        async throws -> Participant
    {
        try await authorize(caller, for: .manageRoles)
        let reason = try Validate.reason(reason)
        var participant = try await storage.participant(participantID, in: caller.tenantID)
        let before = participant.roles
        participant.roles = roles
        let entry = auditEntry(
            by: caller, action: "roles.changed", subject: "participant:\(participantID)", reason: reason,
            details: [
                "before": before.map(\.rawValue).sorted().joined(separator: ","),
                "after": roles.map(\.rawValue).sorted().joined(separator: ","),
            ])
        try await storage.updateParticipant(participant, audit: entry)
        return participant
    }

    /// Replaces the caller's own declared profile. A verified participant's profile came from
    /// the verifier, so changing it drops the verification back to `confirmed`.
    ///
    /// Editing the district changes no ballot already cast: a voter's scope in a vote is fixed
    /// by their first ballot (see ``BallotCastDecision``).
    /// - Throws: `invalidInput` (`profile.districtID`); `forbidden` (an erased account).
    public func updateOwnProfile(_ profile: Profile, by caller: Caller) async throws -> Participant {
        var participant = try await authorizeOwnRead(by: caller)
        let tenant = try await storage.tenant(caller.tenantID)
        if let district = profile.districtID, tenant.district(district) == nil {
            throw ParticipationError.invalid("profile.districtID", "district '\(district)' is not a district of the tenant")
        }
        if profile != participant.profile, participant.verification == .verified {
            participant.verification = .confirmed
        }
        participant.profile = profile
        try await storage.updateParticipant(participant, audit: nil)
        return participant
    }

    /// Replaces the caller's own consents.
    /// - Throws: `forbidden` (an erased account).
    public func updateOwnConsents(_ consents: Consents, by caller: Caller) async throws -> Participant {
        var participant = try await authorizeOwnRead(by: caller)
        participant.consents = consents
        try await storage.updateParticipant(participant, audit: nil)
        return participant
    }

    /// Verifies a participant through `verifier` with the reference they gave (census key,
    /// document number) and records the result. Staff who verify only; audited.
    /// - Throws: `notEligible` when the source does not confirm them; `duplicate` when the
    ///   identity is already bound to another participant.
    public func verifyParticipant(
        _ participantID: ParticipantID, reference: String, using verifier: any ParticipantVerifier, by caller: Caller
    ) async throws -> Participant {
        try await authorize(caller, for: .verifyParticipants)
        let reference = try Validate.text(reference, field: "reference")
        let participant = try await storage.participant(participantID, in: caller.tenantID)
        let identity = try await verifier.verify(participant, reference: reference)
        let entry = auditEntry(
            by: caller, action: "participant.verified", subject: "participant:\(participantID)",
            details: ["method": identity.method, "level": String(identity.level.rawValue)])
        try await storage.recordVerification(identity, of: participantID, in: caller.tenantID, audit: entry)
        return try await storage.participant(participantID, in: caller.tenantID)
    }
}
