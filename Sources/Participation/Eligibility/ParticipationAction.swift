/// What a participant does in a process. Phases list the actions they allow; eligibility
/// rules are set per action.
public enum ParticipationAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// Submit a proposition (an idea, a project).
    case submit
    /// Comment on a proposition or reply to a comment.
    case comment
    /// Support a proposition ("je soutiens").
    case support
    /// Give an opinion (for, against, mixed) on a proposition.
    case opine
    /// Cast a ballot.
    case vote
    /// Sign a petition.
    case sign
    /// Answer a questionnaire.
    case answer
}
