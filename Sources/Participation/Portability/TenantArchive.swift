/// Everything a tenant holds, as one value: what a collectivité takes with it when it changes
/// vendor. ``ParticipationService/exportTenant(by:)`` writes it as canonical JSON (the same
/// data always gives the same bytes); ``ParticipationService/importTenant(_:)`` loads it into
/// a store that does not have the tenant yet. See `Docs/PORTABILITY.md`.
///
/// Lists whose order means something keep it (the audit log, comments, official answers,
/// news, the outbox, ballot conflicts, histories: in the order they were written); every
/// other list is sorted by its key (``normalised()``), so two backends holding the same data
/// export the same bytes.
public struct TenantArchive: Hashable, Sendable, Codable {
    /// The version of this format; an importer refuses any other.
    public static let currentFormat = 1

    public var format: Int
    public var tenant: Tenant
    /// Participants in id order, erased ones included (they anchor anonymous contributions).
    public var participants: [Participant]
    /// Verified identity keys and the participant each is bound to (one person, one account).
    public var identityBindings: [IdentityBinding]
    public var charters: [Charter]
    /// Each participant's latest accepted charter version.
    public var charterAcceptances: [CharterAcceptance]
    /// Processes, with their stored revision.
    public var processes: [ParticipatoryProcess]
    /// Contribution rules set explicitly (processes without an entry use the defaults).
    public var contributionRules: [ContributionRules]
    public var propositions: [PropositionRecord]
    public var supports: [Support]
    public var opinions: [Opinion]
    /// Comments, in the order they were written.
    public var comments: [ContributionComment]
    public var commentVotes: [CommentVote]
    /// Official answers, in the order they were posted.
    public var officialAnswers: [OfficialAnswer]
    public var petitions: [PetitionRecord]
    public var votations: [Votation]
    public var votationBallots: [VotationBallot]
    public var questionnaires: [Questionnaire]
    public var questionnaireResponses: [QuestionnaireResponse]
    /// The ballots that count.
    public var ballots: [Ballot]
    /// Ids of ballots that were replaced or withdrawn: never to be reused.
    public var retiredBallotIDs: [BallotID]
    /// Refused duplicate ballots, per process in the order they happened.
    public var ballotConflicts: [BallotConflict]
    public var follows: [Follow]
    /// Notification frequencies set explicitly (the default is immediate).
    public var notificationPreferences: [NotificationPreference]
    /// The outbox, delivered notifications included, in queue order.
    public var notifications: [Notification]
    /// News posts, per process in the order they were published.
    public var newsPosts: [NewsPost]
    public var syntheses: [Synthesis]
    public var contributionTags: [ContributionTag]
    /// Stored moderation states (items without one are visible, or pending under pre-moderation).
    public var moderationStates: [ModerationState]
    /// Reports, per item in the order they came.
    public var contentReports: [ContentReport]
    public var participantBlocks: [ParticipantBlock]
    /// The audit log, in the order it was written.
    public var auditLog: [AuditEntry]

    /// An archive holding only `tenant`.
    public init(tenant: Tenant) {
        format = Self.currentFormat
        self.tenant = tenant
        participants = []
        identityBindings = []
        charters = []
        charterAcceptances = []
        processes = []
        contributionRules = []
        propositions = []
        supports = []
        opinions = []
        comments = []
        commentVotes = []
        officialAnswers = []
        petitions = []
        votations = []
        votationBallots = []
        questionnaires = []
        questionnaireResponses = []
        ballots = []
        retiredBallotIDs = []
        ballotConflicts = []
        follows = []
        notificationPreferences = []
        notifications = []
        newsPosts = []
        syntheses = []
        contributionTags = []
        moderationStates = []
        contentReports = []
        participantBlocks = []
        auditLog = []
    }

    /// A proposition with its versions, status history and realisation timeline.
    public struct PropositionRecord: Hashable, Sendable, Codable {
        public var proposition: Proposition
        public var versions: [PropositionVersion]
        public var statusHistory: [StatusChange]
        public var realisation: [RealisationEvent]

        public init(
            proposition: Proposition, versions: [PropositionVersion], statusHistory: [StatusChange],
            realisation: [RealisationEvent]
        ) {
            self.proposition = proposition
            self.versions = versions
            self.statusHistory = statusHistory
            self.realisation = realisation
        }
    }

    /// A petition with its status history and signatures.
    public struct PetitionRecord: Hashable, Sendable, Codable {
        public var petition: Petition
        public var statusHistory: [PetitionStatusChange]
        public var signatures: [PetitionSignature]

        public init(petition: Petition, statusHistory: [PetitionStatusChange], signatures: [PetitionSignature]) {
            self.petition = petition
            self.statusHistory = statusHistory
            self.signatures = signatures
        }
    }

    /// A verified identity key bound to a participant.
    public struct IdentityBinding: Hashable, Sendable, Codable {
        public var identityKey: String
        public var participantID: ParticipantID

        public init(identityKey: String, participantID: ParticipantID) {
            self.identityKey = identityKey
            self.participantID = participantID
        }
    }

    /// A participant's notification frequency.
    public struct NotificationPreference: Hashable, Sendable, Codable {
        public var participantID: ParticipantID
        public var frequency: NotificationFrequency

        public init(participantID: ParticipantID, frequency: NotificationFrequency) {
            self.participantID = participantID
            self.frequency = frequency
        }
    }
}

extension TenantArchive {
    /// The same archive with every unordered list sorted by its key, and ordered lists grouped
    /// by their parent (process, then write order). Backends return archives normalised.
    public func normalised() -> TenantArchive {
        var archive = self
        archive.participants.sort { $0.id < $1.id }
        archive.identityBindings.sort { $0.identityKey < $1.identityKey }
        archive.charters.sort { $0.version < $1.version }
        archive.charterAcceptances.sort { $0.participantID < $1.participantID }
        archive.processes.sort { $0.id < $1.id }
        archive.contributionRules.sort { $0.processID < $1.processID }
        archive.propositions.sort { $0.proposition.id < $1.proposition.id }
        archive.supports.sort { ($0.propositionID, $0.supporterID) < ($1.propositionID, $1.supporterID) }
        archive.opinions.sort { ($0.propositionID, $0.participantID) < ($1.propositionID, $1.participantID) }
        archive.commentVotes.sort { ($0.commentID, $0.voterID) < ($1.commentID, $1.voterID) }
        archive.petitions.sort { $0.petition.id < $1.petition.id }
        for index in archive.petitions.indices { archive.petitions[index].signatures.sort { $0.signerID < $1.signerID } }
        archive.votations.sort { $0.id < $1.id }
        archive.votationBallots.sort { ($0.votationID, $0.voterID) < ($1.votationID, $1.voterID) }
        archive.questionnaires.sort { $0.id < $1.id }
        archive.questionnaireResponses.sort {
            ($0.questionnaireID, $0.participantID) < ($1.questionnaireID, $1.participantID)
        }
        archive.ballots.sort { $0.id < $1.id }
        archive.retiredBallotIDs.sort()
        archive.ballotConflicts = Self.stableGrouped(archive.ballotConflicts) { $0.processID.rawValue }
        archive.follows.sort {
            ($0.participantID.rawValue, $0.target.description) < ($1.participantID.rawValue, $1.target.description)
        }
        archive.notificationPreferences.sort { $0.participantID < $1.participantID }
        archive.newsPosts = Self.stableGrouped(archive.newsPosts) { $0.processID.rawValue }
        archive.syntheses.sort { $0.id < $1.id }
        archive.contributionTags = archive.contributionTags.sortedForStorage()
        archive.moderationStates.sort { $0.item.description < $1.item.description }
        archive.contentReports = Self.stableGrouped(archive.contentReports) { $0.item.description }
        archive.participantBlocks.sort { $0.participantID < $1.participantID }
        return archive
    }

    /// `items` ordered by `group`, keeping their order within a group.
    static func stableGrouped<Item>(_ items: [Item], by group: (Item) -> String) -> [Item] {
        items.enumerated().sorted { (group($0.element), $0.offset) < (group($1.element), $1.offset) }.map(\.element)
    }
}
