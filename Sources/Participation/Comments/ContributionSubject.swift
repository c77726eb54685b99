/// What a comment or an official answer is about.
public enum ContributionSubject: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The process itself (an open consultation).
    case process
    case proposition(PropositionID)
    case petition(PetitionID)

    /// "kind:id", stable for storage keys and audit subjects ("proposition:p-1", "process").
    public var description: String {
        switch self {
        case .process: "process"
        case .proposition(let id): "proposition:\(id)"
        case .petition(let id): "petition:\(id)"
        }
    }
}
