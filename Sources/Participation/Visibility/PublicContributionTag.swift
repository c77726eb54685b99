#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A theme tag on a public contribution, its tagger shown as the process's ``DisplayPolicy`` says.
public struct PublicContributionTag: Hashable, Sendable {
    public let contribution: ContributionReference
    public let tag: String
    public let taggedBy: PublicAuthor
    public let byStaff: Bool
    public let at: Date

    init(_ tag: ContributionTag, authors: AuthorDisplay) {
        contribution = tag.contribution
        self.tag = tag.tag
        taggedBy = authors.author(tag.taggedBy)
        byStaff = tag.byStaff
        at = tag.at
    }
}
