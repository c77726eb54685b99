/// A piece of participant content a moderator can decide on: the key of its moderation state.
public enum ModeratedItem: Hashable, Sendable, Codable, CustomStringConvertible {
    case proposition(PropositionID)
    case comment(CommentID)
    case petition(PetitionID)
    /// A participant's opinion (and its argument) on a proposition: one per participant.
    case opinion(PropositionID, by: ParticipantID)

    /// The kind, as stored ("proposition", "comment", "petition", "opinion").
    public var kind: String {
        switch self {
        case .proposition: "proposition"
        case .comment: "comment"
        case .petition: "petition"
        case .opinion: "opinion"
        }
    }

    /// The item's own id (for an opinion, the proposition's).
    public var id: String {
        switch self {
        case .proposition(let id): id.rawValue
        case .comment(let id): id.rawValue
        case .petition(let id): id.rawValue
        case .opinion(let id, _): id.rawValue
        }
    }

    /// The second half of the key: the opinion's participant, empty for the other kinds.
    public var owner: String {
        if case .opinion(_, let participant) = self { return participant.rawValue }
        return ""
    }

    /// Rebuilds an item from its stored parts; nil for an unknown kind.
    public init?(kind: String, id: String, owner: String) {
        switch kind {
        case "proposition": self = .proposition(PropositionID(rawValue: id))
        case "comment": self = .comment(CommentID(rawValue: id))
        case "petition": self = .petition(PetitionID(rawValue: id))
        case "opinion": self = .opinion(PropositionID(rawValue: id), by: ParticipantID(rawValue: owner))
        default: return nil
        }
    }

    /// "kind:id" (and "/participant" for an opinion): the audit subject.
    public var description: String { owner.isEmpty ? "\(kind):\(id)" : "\(kind):\(id)/\(owner)" }
}
