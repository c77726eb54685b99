#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Participant {
    /// The name every erased participant's contributions are shown under.
    public static let anonymousName = "anonymous"

    /// The participant with every piece of personal data removed: the name becomes
    /// ``anonymousName``, the pseudonym, profile, consents, roles and verification are
    /// cleared, a collective's link to its representative is dropped, and ``erasedAt`` is
    /// set. The id and registration date stay, so that contributions, counts and ballots keep
    /// pointing at one (now anonymous) account.
    public func anonymised(at date: Date) -> Participant {
        Participant(
            id: id, tenantID: tenantID, kind: kind == .staff ? .staff : .person, displayName: Self.anonymousName,
            pseudonym: nil, roles: [], profile: Profile(), verification: .unverified, consents: Consents(),
            registeredAt: registeredAt, erasedAt: erasedAt ?? date)
    }

    /// Whether the participant's personal data was erased.
    public var isErased: Bool { erasedAt != nil }
}
