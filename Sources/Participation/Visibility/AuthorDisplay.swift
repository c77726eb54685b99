/// One process's ``DisplayPolicy`` applied to participants: the ``PublicAuthor`` the public
/// sees for each, the single place that turns a participant id into public output.
///
/// - ``DisplayPolicy/realName``: the display name, and the participant id as handle;
/// - ``DisplayPolicy/pseudonym``: "Participant" and a code, with a handle, both keyed hashes of
///   the participant and the process (see ``PseudonymSecret``), so the same person has another
///   pseudonym in every process;
/// - ``DisplayPolicy/anonymous``: "Anonymous" and no handle at all.
///
/// Staff act for the collectivité and are shown by their name under every policy, with a handle
/// only under real names. Erased accounts are shown as anonymous, without a handle.
public struct AuthorDisplay: Sendable {
    public let policy: DisplayPolicy
    let tenantID: TenantID
    let processID: ProcessID
    let secret: PseudonymSecret
    let participants: [ParticipantID: Participant]

    /// The display of `process` for the `participants` its output names.
    public init(process: ParticipatoryProcess, secret: PseudonymSecret, participants: [ParticipantID: Participant]) {
        self.policy = process.displayPolicy
        self.tenantID = process.tenantID
        self.processID = process.id
        self.secret = secret
        self.participants = participants
    }

    /// The participant as the public sees them. An id that names no participant (the platform
    /// acting on its own) is shown as the platform.
    public func author(_ id: ParticipantID) -> PublicAuthor {
        guard let participant = participants[id] else { return PublicAuthor(name: "Platform", handle: nil) }
        if participant.isErased { return PublicAuthor(name: PublicAuthor.anonymousName, handle: nil) }
        if participant.kind == .staff {
            return PublicAuthor(name: participant.displayName, handle: policy == .realName ? id.rawValue : nil)
        }
        switch policy {
        case .realName:
            return PublicAuthor(name: participant.displayName, handle: id.rawValue)
        case .pseudonym:
            let hash = secret.hash(["author", tenantID.rawValue, processID.rawValue, id.rawValue])
            return PublicAuthor(name: "Participant \(Self.code(of: hash))", handle: "pseudonym-\(Self.hex(hash))")
        case .anonymous:
            return PublicAuthor(name: PublicAuthor.anonymousName, handle: nil)
        }
    }

    /// An opaque key for one contribution that has no id of its own (a participant's opinion
    /// on a proposition): stable, but linked neither to the participant nor to their other
    /// contributions without the secret.
    public func opaqueKey(_ kind: String, _ parts: String...) -> String {
        "\(kind)-" + Self.hex(secret.hash([kind, tenantID.rawValue] + parts))
    }

    /// Six Crockford base-32 digits of `hash`: short enough to read, 2^30 values.
    static func code(of hash: UInt64) -> String {
        let digits = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        return String((0..<6).map { digits[Int((hash >> (UInt64($0) * 5)) & 31)] })
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
