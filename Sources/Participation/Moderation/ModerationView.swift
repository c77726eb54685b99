/// What moderation allows the public to see of one process's content: the moderation half of
/// ``PublicView``, the filter every public read goes through.
///
/// An item is visible when its stored ``ModerationState`` says visible (or, with no stored
/// state, when the process is post-moderated) and none of its authors is hard-blocked. Public
/// text has its redacted fragments masked.
struct ModerationView: Sendable {
    let settings: ModerationSettings
    let states: [ModeratedItem: ModerationState]
    let hardBlocked: Set<ParticipantID>

    init(settings: ModerationSettings, states: [ModerationState], blocks: [ParticipantBlock]) {
        self.settings = settings
        self.states = Dictionary(states.map { ($0.item, $0) }, uniquingKeysWith: { _, last in last })
        self.hardBlocked = Set(blocks.filter { $0.kind == .hard }.map(\.participantID))
    }

    /// The visibility a newly posted item takes: pending under pre-moderation.
    var initialVisibility: ContentVisibility { settings.isPreModerated ? .pending : .visible }

    /// The item's visibility from its stored state, or from the process's mode when it has none.
    /// Content that needs no moderator (a transcription by an agent, an opinion without
    /// argument) starts visible whatever the mode.
    func storedVisibility(of item: ModeratedItem, needsApproval: Bool = true) -> ContentVisibility {
        states[item]?.visibility ?? (needsApproval ? initialVisibility : .visible)
    }

    /// Whether the public may see the item.
    func isPublic(_ item: ModeratedItem, authors: [ParticipantID], needsApproval: Bool = true) -> Bool {
        storedVisibility(of: item, needsApproval: needsApproval) == .visible && hardBlocked.isDisjoint(with: authors)
    }

    /// The redactions applied to the item's public text.
    func redactions(of item: ModeratedItem) -> [Redaction] { states[item]?.redactions ?? [] }

    /// `text` as the public sees it.
    func publicText(_ text: String, of item: ModeratedItem) -> String {
        Redaction.apply(redactions(of: item), to: text)
    }
}
