#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everything the platform holds about one participant, for their right of access
/// (RGPD art. 15 and 20): their account, consents and preferences, and every contribution
/// they made. Ballots appear by their existence only (process, scope, channel, date): a
/// secret ballot's content is not "about" the voter once cast. See `Docs/PORTABILITY.md`.
public struct PersonalDataExport: Hashable, Sendable, Codable {
    /// A ballot the participant cast, without its choices.
    public struct BallotReceipt: Hashable, Sendable, Codable {
        public let processID: ProcessID
        public let scope: DistrictID?
        public let channel: String
        public let castAt: Date
    }

    /// A votation the participant voted in, without the answers.
    public struct VotationReceipt: Hashable, Sendable, Codable {
        public let votationID: VotationID
        public let castAt: Date
    }

    public let participant: Participant
    /// Whether a verified identity is bound to the account (the key itself is a hash kept to
    /// prevent double accounts, not data about the person).
    public let hasVerifiedIdentity: Bool
    public let charterAcceptance: CharterAcceptance?
    public let notificationFrequency: NotificationFrequency
    public let follows: [Follow]
    public let notifications: [Notification]
    public let propositions: [TenantArchive.PropositionRecord]
    public let petitions: [Petition]
    public let comments: [ContributionComment]
    public let commentVotes: [CommentVote]
    public let supports: [Support]
    public let opinions: [Opinion]
    public let signatures: [PetitionSignature]
    public let questionnaireResponses: [QuestionnaireResponse]
    public let ballots: [BallotReceipt]
    public let votations: [VotationReceipt]
    public let tags: [ContributionTag]

    /// The personal data of `id` in `archive`.
    /// - Throws: `notFound` when the archive has no such participant.
    public init(of id: ParticipantID, in archive: TenantArchive) throws {
        guard let participant = archive.participants.first(where: { $0.id == id }) else {
            throw ParticipationError.notFound("participant", id)
        }
        self.participant = participant
        hasVerifiedIdentity = archive.identityBindings.contains { $0.participantID == id }
        charterAcceptance = archive.charterAcceptances.first { $0.participantID == id }
        notificationFrequency = archive.notificationPreferences.first { $0.participantID == id }?.frequency ?? .immediate
        follows = archive.follows.filter { $0.participantID == id }
        notifications = archive.notifications.filter { $0.recipientID == id }
        propositions = archive.propositions.filter { $0.proposition.authors.contains(id) }
        petitions = archive.petitions.map(\.petition).filter { $0.authors.contains(id) }
        comments = archive.comments.filter { $0.authorID == id }
        commentVotes = archive.commentVotes.filter { $0.voterID == id }
        supports = archive.supports.filter { $0.supporterID == id }
        opinions = archive.opinions.filter { $0.participantID == id }
        signatures = archive.petitions.flatMap(\.signatures).filter { $0.signerID == id }
        questionnaireResponses = archive.questionnaireResponses.filter { $0.participantID == id }
        ballots = archive.ballots.filter { $0.voterID == id }.map {
            BallotReceipt(processID: $0.processID, scope: $0.scope, channel: $0.channel.name, castAt: $0.castAt)
        }
        votations = archive.votationBallots.filter { $0.voterID == id }.map { VotationReceipt(votationID: $0.votationID, castAt: $0.castAt) }
        tags = archive.contributionTags.filter { $0.taggedBy == id }
    }

    /// The export as canonical JSON (UTF-8).
    public func json() throws -> [UInt8] { try CanonicalJSONEncoder().encode(self) }
}
