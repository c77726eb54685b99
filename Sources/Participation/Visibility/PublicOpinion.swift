#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An opinion as the public sees it: visible, its argument redacted, its author shown as the
/// process's ``DisplayPolicy`` says.
public struct PublicOpinion: Hashable, Sendable, Identifiable {
    /// An opaque key of this opinion (it has no id of its own): what reporting it names in
    /// place of its author (see ``ParticipationService/report(_:reason:note:by:)``).
    public let id: String
    public let propositionID: PropositionID
    public let author: PublicAuthor
    public let stance: OpinionStance
    public let argument: String?
    public let at: Date

    init(_ opinion: Opinion, argument: String?, authors: AuthorDisplay) {
        id = Self.key(of: opinion, authors: authors)
        propositionID = opinion.propositionID
        author = authors.author(opinion.participantID)
        stance = opinion.stance
        self.argument = argument
        at = opinion.at
    }

    /// The opaque key of `opinion` in its process.
    static func key(of opinion: Opinion, authors: AuthorDisplay) -> String {
        authors.opaqueKey("opinion", opinion.propositionID.rawValue, opinion.participantID.rawValue)
    }
}
