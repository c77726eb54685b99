#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A version of a tenant's charter (charte, CGU, règlement). Versions number 1, 2, 3…; the
/// highest is current, and a process that requires the charter refuses actions from a
/// participant who has not accepted the current version.
public struct Charter: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let version: Int
    public var title: String
    public var text: String
    public let publishedAt: Date

    public init(tenantID: TenantID, version: Int, title: String, text: String, publishedAt: Date) {
        self.tenantID = tenantID
        self.version = version
        self.title = title
        self.text = text
        self.publishedAt = publishedAt
    }
}

/// A participant's acceptance of one charter version.
public struct CharterAcceptance: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let participantID: ParticipantID
    public let version: Int
    public let acceptedAt: Date

    public init(tenantID: TenantID, participantID: ParticipantID, version: Int, acceptedAt: Date) {
        self.tenantID = tenantID
        self.participantID = participantID
        self.version = version
        self.acceptedAt = acceptedAt
    }
}
