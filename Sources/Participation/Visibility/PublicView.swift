/// What the public may see of one process: the single filter every public read, count, list,
/// history, export and notification goes through.
///
/// Content is public when it is published (drafts stay with their authors), when its
/// moderation state says visible (pending under pre-moderation and hidden content is not), and
/// when none of its authors is hard-blocked, except a project on the ballot frozen when the
/// vote opened: a later block does not take it off the ballot. Public text has its redacted
/// fragments masked, and people are shown through ``AuthorDisplay``.
///
/// The service builds one per process from storage (``ParticipationService/publicView(of:)``);
/// its decisions are pure functions of what it was built from, so tests walk them directly.
public struct PublicView: Sendable {
    public let process: ParticipatoryProcess
    let moderation: ModerationView

    public init(process: ParticipatoryProcess, states: [ModerationState], blocks: [ParticipantBlock]) {
        self.process = process
        self.moderation = ModerationView(settings: process.moderation, states: states, blocks: blocks)
    }

    // MARK: - Decisions

    /// Whether the public may see `proposition`: one of this process's, published or
    /// withdrawn, visible to moderation, no author hard-blocked (unless it is on the frozen ballot).
    public func isPublic(_ proposition: Proposition) -> Bool {
        guard proposition.processID == process.id, proposition.lifecycle != .draft, proposition.status != .draft else {
            return false
        }
        let authors = process.isOnFrozenBallot(proposition.id) ? [] : proposition.authors
        return moderation.isPublic(
            .proposition(proposition.id), authors: authors, needsApproval: ModeratedContent.proposition(proposition).needsApproval)
    }

    /// Whether the public may see `comment` itself (its subject is judged apart, with
    /// ``isPublic(_:)-(Proposition)`` or ``isPublic(_:)-(Petition)``).
    public func isPublic(_ comment: ContributionComment) -> Bool {
        comment.processID == process.id && moderation.isPublic(.comment(comment.id), authors: [comment.authorID])
    }

    /// Whether the public may see `petition`.
    public func isPublic(_ petition: Petition) -> Bool {
        petition.processID == process.id && moderation.isPublic(.petition(petition.id), authors: petition.authors)
    }

    /// Whether the public may see `opinion` (its proposition is judged apart). An opinion
    /// without an argument posts no text, so it needs no approval.
    public func isPublic(_ opinion: Opinion) -> Bool {
        opinion.processID == process.id
            && moderation.isPublic(
                .opinion(opinion.propositionID, by: opinion.participantID), authors: [opinion.participantID],
                needsApproval: opinion.argument != nil)
    }

    /// Whether the public may see the item, given its content.
    public func isPublic(_ content: ModeratedContent) -> Bool {
        switch content {
        case .proposition(let proposition): isPublic(proposition)
        case .comment(let comment): isPublic(comment)
        case .petition(let petition): isPublic(petition)
        case .opinion(let opinion): isPublic(opinion)
        }
    }

    /// `text` of `item` as the public reads it: its redacted fragments masked.
    public func redacted(_ text: String, of item: ModeratedItem) -> String { moderation.publicText(text, of: item) }

    // MARK: - Projections

    /// The proposition as the public sees it, or nil when it is not public.
    public func proposition(_ proposition: Proposition, authors: AuthorDisplay) -> PublicProposition? {
        guard isPublic(proposition) else { return nil }
        return PublicProposition(redactedCopy(of: proposition), authors: authors)
    }

    /// The proposition with its public texts: for exports that keep the domain value.
    public func redactedCopy(of proposition: Proposition) -> Proposition {
        var shown = proposition
        shown.title = redacted(proposition.title, of: .proposition(proposition.id))
        shown.body = redacted(proposition.body, of: .proposition(proposition.id))
        return shown
    }

    /// A version of a public proposition's text, redacted as the proposition is.
    public func version(_ version: PropositionVersion, authors: AuthorDisplay) -> PublicPropositionVersion {
        PublicPropositionVersion(version, redact: { redacted($0, of: .proposition(version.propositionID)) }, authors: authors)
    }

    /// An entry of a public proposition's status history.
    public func statusChange(_ change: StatusChange, authors: AuthorDisplay) -> PublicStatusChange {
        PublicStatusChange(change, redact: { redacted($0, of: .proposition(change.propositionID)) }, authors: authors)
    }

    /// The comment as the public sees it, or nil when it is not public.
    public func comment(_ comment: ContributionComment, authors: AuthorDisplay) -> PublicComment? {
        guard isPublic(comment) else { return nil }
        return PublicComment(comment, body: redacted(comment.body, of: .comment(comment.id)), authors: authors)
    }

    /// The public threads of `comments` (all about one subject the public sees, in the order written).
    public func threads(of comments: [ContributionComment], authors: AuthorDisplay) -> [PublicCommentThread] {
        PublicCommentThread.threads(of: comments) { comment($0, authors: authors) }
    }

    /// The petition as the public sees it, or nil when it is not public.
    public func petition(_ petition: Petition, authors: AuthorDisplay) -> PublicPetition? {
        guard isPublic(petition) else { return nil }
        var shown = petition
        shown.title = redacted(petition.title, of: .petition(petition.id))
        shown.body = redacted(petition.body, of: .petition(petition.id))
        return PublicPetition(shown, authors: authors)
    }

    /// An entry of a public petition's status history.
    public func statusChange(_ change: PetitionStatusChange, authors: AuthorDisplay) -> PublicPetitionStatusChange {
        PublicPetitionStatusChange(change, redact: { redacted($0, of: .petition(change.petitionID)) }, authors: authors)
    }

    /// The opinion as the public sees it, or nil when it is not public.
    public func opinion(_ opinion: Opinion, authors: AuthorDisplay) -> PublicOpinion? {
        guard isPublic(opinion) else { return nil }
        let item = ModeratedItem.opinion(opinion.propositionID, by: opinion.participantID)
        return PublicOpinion(opinion, argument: opinion.argument.map { redacted($0, of: item) }, authors: authors)
    }
}
