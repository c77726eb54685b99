#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An answer the collectivité posts on a subject, attributed to the role of who posted it
/// (élu or agent) and, optionally, to the service on whose behalf they answer. Listed apart
/// from comments.
public struct OfficialAnswer: Hashable, Sendable, Codable, Identifiable {
    public let id: OfficialAnswerID
    public let tenantID: TenantID
    public let processID: ProcessID
    public let subject: ContributionSubject
    /// Who posted it (an élu or agent with the official role).
    public let authorID: ParticipantID
    /// The role shown with the answer.
    public let role: Role
    /// The service the answer speaks for ("Direction des espaces verts"), when the poster
    /// relays another service.
    public let onBehalfOf: String?
    public let body: String
    public let at: Date

    public init(
        id: OfficialAnswerID, tenantID: TenantID, processID: ProcessID, subject: ContributionSubject,
        authorID: ParticipantID, role: Role, onBehalfOf: String? = nil, body: String, at: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.subject = subject
        self.authorID = authorID
        self.role = role
        self.onBehalfOf = onBehalfOf
        self.body = body
        self.at = at
    }
}

/// An official answer's id.
public typealias OfficialAnswerID = Identifier<OfficialAnswer>
