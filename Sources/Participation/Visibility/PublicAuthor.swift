/// A participant as the public sees them, under the process's ``DisplayPolicy``: never the
/// internal participant id, unless the policy is ``DisplayPolicy/realName``.
public struct PublicAuthor: Hashable, Sendable, Codable {
    /// The name shown: the real name, a pseudonym of this process, or "Anonymous".
    public let name: String
    /// What links a person's contributions within what the policy allows: the participant id
    /// under ``DisplayPolicy/realName``, a pseudonymous handle that differs per process under
    /// ``DisplayPolicy/pseudonym``, and nil under ``DisplayPolicy/anonymous`` (and for erased
    /// accounts), so that nothing links two contributions of one person.
    public let handle: String?

    public init(name: String, handle: String?) {
        self.name = name
        self.handle = handle
    }

    /// The name of every contribution under ``DisplayPolicy/anonymous``.
    public static let anonymousName = "Anonymous"
}
