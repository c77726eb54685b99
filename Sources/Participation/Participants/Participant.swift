#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Someone who takes part: a person, a collective acting through its representative, or a
/// member of staff. A participant belongs to one tenant and holds roles in it.
public struct Participant: Hashable, Sendable, Codable, Identifiable {
    public let id: ParticipantID
    public let tenantID: TenantID
    public var kind: ParticipantKind
    /// The name shown where the process's ``DisplayPolicy`` is `realName`.
    public var displayName: String
    /// A name the participant chose for themself. Public output under
    /// ``DisplayPolicy/pseudonym`` shows a pseudonym made for each process instead (see
    /// ``AuthorDisplay``), so that a chosen name cannot link a person's processes; this one is
    /// shown to the participant and to staff only.
    public var pseudonym: String?
    public var roles: Set<Role>
    /// Voluntary data used only for eligibility and aggregate statistics.
    public var profile: Profile
    /// How far the participant's profile has been checked.
    public var verification: VerificationLevel
    /// Consents, kept apart from the profile.
    public var consents: Consents
    public let registeredAt: Date
    /// When the participant's personal data was erased (on request, or by retention); nil
    /// while the account is live. An erased participant can no longer act.
    public var erasedAt: Date?

    public init(
        id: ParticipantID, tenantID: TenantID, kind: ParticipantKind = .person, displayName: String,
        pseudonym: String? = nil, roles: Set<Role> = [.citizen], profile: Profile = Profile(),
        verification: VerificationLevel = .unverified, consents: Consents = Consents(), registeredAt: Date,
        erasedAt: Date? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.kind = kind
        self.displayName = displayName
        self.pseudonym = pseudonym
        self.roles = roles
        self.profile = profile
        self.verification = verification
        self.consents = consents
        self.registeredAt = registeredAt
        self.erasedAt = erasedAt
    }

    /// Whether the participant holds `role`.
    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

/// A participant's id.
public typealias ParticipantID = Identifier<Participant>

/// What kind of participant this is.
public enum ParticipantKind: Hashable, Sendable, Codable {
    /// One resident, worker or student.
    case person
    /// An association, family, school class or group of neighbours, acting through a named
    /// representative (a person participant of the same tenant).
    case collective(CollectiveKind, representative: ParticipantID)
    /// An agent or élu of the collectivité.
    case staff
}

/// The kinds of collective the survey's cities accept as authors.
public enum CollectiveKind: String, Hashable, Sendable, Codable, CaseIterable {
    case association, family, schoolClass, neighbours, other
}

/// A participant's role in its tenant.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Takes part: submits, supports, comments, votes.
    case citizen
    /// Decides on reported or pending content.
    case moderator
    /// The services or committee that judge admissibility and costs.
    case reviewer
    /// An élu or agent who answers publicly on the collectivité's behalf.
    case official
    /// Runs processes: phases, rules, staff.
    case administrator

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!  // both are cases, so both are found
    }
}
