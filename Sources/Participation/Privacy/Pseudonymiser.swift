/// Turns participant ids into stable pseudonymous ids for open data.
///
/// The pseudonym of a participant is `"pseudo-"` followed by the 16 hexadecimal digits of
/// SipHash-2-4 over `tenantID + 0x00 + participantID`, keyed by a key derived from the tenant's
/// export secret. Hence:
/// - the same participant has the same pseudonym in every file of an export (and in later
///   exports made with the same secret, so that series can be followed);
/// - two tenants never share pseudonyms, even with the same secret, since the tenant id is hashed;
/// - without the secret nobody can recompute a pseudonym from a known id, nor test guessed ids.
///   Rotating the secret unlinks future exports from past ones.
public struct Pseudonymiser: Sendable {
    private let hasher: SipHash24
    private let tenantID: TenantID

    /// A pseudonymiser for `tenantID` with the tenant's `secret`.
    /// - Throws: `invalidInput` (field `secret`) when the secret has fewer than 16 bytes.
    public init(secret: String, tenantID: TenantID) throws {
        let bytes = Array(secret.utf8)
        guard bytes.count >= 16 else {
            throw ParticipationError.invalid("secret", "the pseudonymisation secret must have at least 16 bytes")
        }
        // The domain's two halves are "pseudon0" and "pseudon1": the keys open data always used.
        hasher = SipHash24(deriving: bytes, first: 0x6f70_656e_6461_7461, domain: 0x7073_6575_646f_6e30)
        self.tenantID = tenantID
    }

    /// The participant's pseudonymous id.
    public func pseudonym(for participant: ParticipantID) -> String { "pseudo-" + hex(of: participant.rawValue) }

    /// An opaque key for any other object (a ballot), unlinkable to its id without the secret.
    public func opaqueKey(for kind: String, _ id: String) -> String { "\(kind)-" + hex(of: "\(kind)\u{0}\(id)") }

    private func hex(of text: String) -> String {
        let value = hasher.hash(Array(tenantID.rawValue.utf8) + [0] + Array(text.utf8))
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
