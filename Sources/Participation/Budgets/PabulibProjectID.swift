/// How a pabulib project id becomes a proposition id and back.
///
/// Proposition ids are unique in a tenant, while pabulib ids ("1", "2", …) repeat from one
/// election to the next, so an imported project's id is the process id, a slash, and the
/// pabulib id; a budget's `.pb` export writes it back relative to its process.
enum PabulibProjectID {
    static func proposition(for pabulibID: String, in process: ProcessID) -> PropositionID {
        PropositionID(rawValue: "\(process.rawValue)/\(pabulibID)")
    }

    static func pabulib(for proposition: PropositionID, in process: ProcessID) -> String {
        let prefix = "\(process.rawValue)/"
        return proposition.rawValue.hasPrefix(prefix) ? String(proposition.rawValue.dropFirst(prefix.count)) : proposition.rawValue
    }
}
