#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What an author writes: the fields of a new proposition, or the new values of an edit.
/// The service validates every field before anything is stored.
public struct PropositionDraft: Hashable, Sendable {
    public var title: String
    public var body: String
    /// Estimated cost in integer cents, entered by the author.
    public var estimatedCost: Int64?
    public var districtID: DistrictID?
    public var themes: Set<String>
    public var location: GeoPoint?
    /// References (URLs or storage keys) to attached files.
    public var attachments: [String]

    public init(
        title: String, body: String, estimatedCost: Int64? = nil, districtID: DistrictID? = nil,
        themes: Set<String> = [], location: GeoPoint? = nil, attachments: [String] = []
    ) {
        self.title = title
        self.body = body
        self.estimatedCost = estimatedCost
        self.districtID = districtID
        self.themes = themes
        self.location = location
        self.attachments = attachments
    }
}

/// Who signs a new proposition besides the caller.
public enum Authorship: Hashable, Sendable {
    /// The caller alone.
    case individual
    /// The caller and these co-authors (registered participants of the tenant).
    case coAuthored(with: [ParticipantID])
    /// A collective whose representative is the caller: the collective is the author.
    case collective(ParticipantID)
}
