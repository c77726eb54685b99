/// What the public may see of one process's content: the single filter every public read path
/// and export goes through ("hidden means hidden").
///
/// An item is public when its stored ``ModerationState`` says visible (or, with no stored
/// state, when the process is post-moderated) and none of its authors is hard-blocked. Public
/// text has its redacted fragments masked.
public struct ModerationView: Sendable {
    public let settings: ModerationSettings
    let states: [ModeratedItem: ModerationState]
    let hardBlocked: Set<ParticipantID>

    public init(settings: ModerationSettings, states: [ModerationState], blocks: [ParticipantBlock]) {
        self.settings = settings
        self.states = Dictionary(states.map { ($0.item, $0) }, uniquingKeysWith: { _, last in last })
        self.hardBlocked = Set(blocks.filter { $0.kind == .hard }.map(\.participantID))
    }

    /// The visibility a newly posted item takes: pending under pre-moderation.
    public var initialVisibility: ContentVisibility { settings.isPreModerated ? .pending : .visible }

    /// The item's visibility from its stored state, or from the process's mode when it has none.
    /// Content that needs no moderator (a transcription by an agent, an opinion without
    /// argument) starts visible whatever the mode.
    public func storedVisibility(of item: ModeratedItem, needsApproval: Bool = true) -> ContentVisibility {
        states[item]?.visibility ?? (needsApproval ? initialVisibility : .visible)
    }

    /// Whether the public may see the item.
    public func isPublic(_ item: ModeratedItem, authors: [ParticipantID], needsApproval: Bool = true) -> Bool {
        storedVisibility(of: item, needsApproval: needsApproval) == .visible && hardBlocked.isDisjoint(with: authors)
    }

    /// The redactions applied to the item's public text.
    public func redactions(of item: ModeratedItem) -> [Redaction] { states[item]?.redactions ?? [] }

    /// `text` as the public sees it.
    public func publicText(_ text: String, of item: ModeratedItem) -> String {
        Redaction.apply(redactions(of: item), to: text)
    }

    /// The proposition as the public sees it, or nil when it is not public. (Drafts are not
    /// moderated; listings and exports leave them out on their own.)
    public func publicProposition(_ proposition: Proposition) -> Proposition? {
        let item = ModeratedItem.proposition(proposition.id)
        guard isPublic(item, authors: proposition.authors, needsApproval: ModeratedContent.proposition(proposition).needsApproval)
        else { return nil }
        var shown = proposition
        shown.title = publicText(proposition.title, of: item)
        shown.body = publicText(proposition.body, of: item)
        return shown
    }

    /// A version of a public proposition's text, redacted.
    public func publicVersion(_ version: PropositionVersion) -> PropositionVersion {
        let item = ModeratedItem.proposition(version.propositionID)
        return PropositionVersion(
            propositionID: version.propositionID, number: version.number, title: publicText(version.title, of: item),
            body: publicText(version.body, of: item), estimatedCost: version.estimatedCost, editedBy: version.editedBy,
            at: version.at, note: version.note)
    }

    /// The comment as the public sees it, or nil when it is not public.
    public func publicComment(_ comment: ContributionComment) -> ContributionComment? {
        let item = ModeratedItem.comment(comment.id)
        guard isPublic(item, authors: [comment.authorID]) else { return nil }
        return ContributionComment(
            id: comment.id, tenantID: comment.tenantID, processID: comment.processID, subject: comment.subject,
            parentID: comment.parentID, authorID: comment.authorID, body: publicText(comment.body, of: item),
            stance: comment.stance, createdAt: comment.createdAt)
    }

    /// The petition as the public sees it, or nil when it is not public.
    public func publicPetition(_ petition: Petition) -> Petition? {
        let item = ModeratedItem.petition(petition.id)
        guard isPublic(item, authors: petition.authors) else { return nil }
        var shown = petition
        shown.title = publicText(petition.title, of: item)
        shown.body = publicText(petition.body, of: item)
        return shown
    }

    /// The opinion as the public sees it, or nil when it is not public. An opinion without an
    /// argument posts no text, so it needs no approval.
    public func publicOpinion(_ opinion: Opinion) -> Opinion? {
        let item = ModeratedItem.opinion(opinion.propositionID, by: opinion.participantID)
        guard isPublic(item, authors: [opinion.participantID], needsApproval: opinion.argument != nil) else { return nil }
        return Opinion(
            tenantID: opinion.tenantID, processID: opinion.processID, propositionID: opinion.propositionID,
            participantID: opinion.participantID, stance: opinion.stance,
            argument: opinion.argument.map { publicText($0, of: item) }, at: opinion.at)
    }
}
