#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a participant can follow to hear of it.
public enum FollowTarget: Hashable, Sendable, Codable, CustomStringConvertible {
    case process(ProcessID)
    case theme(String)
    case district(DistrictID)
    case proposition(PropositionID)

    /// A stable text form, "kind:value", used as a storage key.
    public var description: String {
        switch self {
        case .process(let id): "process:\(id)"
        case .theme(let theme): "theme:\(theme)"
        case .district(let id): "district:\(id)"
        case .proposition(let id): "proposition:\(id)"
        }
    }
}

/// A participant following a target since a date.
public struct Follow: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let participantID: ParticipantID
    public let target: FollowTarget
    public let since: Date

    public init(tenantID: TenantID, participantID: ParticipantID, target: FollowTarget, since: Date) {
        self.tenantID = tenantID
        self.participantID = participantID
        self.target = target
        self.since = since
    }
}

/// How often a participant wants to hear from the platform.
public enum NotificationFrequency: String, Hashable, Sendable, Codable, CaseIterable {
    /// Each notification is due at once.
    case immediate
    /// Notifications are due together at the next midnight (UTC), for a daily digest.
    case daily
    /// Notifications are due together at the next Monday midnight (UTC), for a weekly digest.
    case weekly
    /// Nothing is queued.
    case none
}
