#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An update staff publish on a process: meeting minutes, an intermediate synthesis, a link to
/// a video or a podcast. Followers of the process hear of it.
public struct NewsPost: Hashable, Sendable, Codable, Identifiable {
    public let id: NewsPostID
    public let tenantID: TenantID
    public let processID: ProcessID
    public let title: String
    public let body: String
    /// Links to media (video, podcast, documents).
    public let links: [String]
    public let authorID: ParticipantID
    public let publishedAt: Date

    public init(
        id: NewsPostID, tenantID: TenantID, processID: ProcessID, title: String, body: String, links: [String],
        authorID: ParticipantID, publishedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.title = title
        self.body = body
        self.links = links
        self.authorID = authorID
        self.publishedAt = publishedAt
    }
}

/// A news post's id.
public typealias NewsPostID = Identifier<NewsPost>
