#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A theme put on a contribution by staff, or by a citizen where the process allows it
/// (``ParticipatoryProcess/allowsCitizenTagging``). One per contribution, tag and tagger.
public struct ContributionTag: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let processID: ProcessID
    public let contribution: ContributionReference
    /// The theme, in lower case without surrounding spaces (the service refuses any other form).
    public let tag: String
    public let taggedBy: ParticipantID
    /// Whether the tagger acted as staff (a reviewer or administrator writing the synthesis).
    public let byStaff: Bool
    public let at: Date

    public init(
        tenantID: TenantID, processID: ProcessID, contribution: ContributionReference, tag: String, taggedBy: ParticipantID,
        byStaff: Bool, at: Date
    ) {
        self.tenantID = tenantID
        self.processID = processID
        self.contribution = contribution
        self.tag = tag
        self.taggedBy = taggedBy
        self.byStaff = byStaff
        self.at = at
    }

    /// The fields that make a tag unique: contribution, tag and tagger.
    var key: String { "\(contribution)|\(tag)|\(taggedBy)" }
}
