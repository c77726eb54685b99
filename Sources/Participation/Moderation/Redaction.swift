#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A fragment a moderator masked in an item's public text (a phone number, an address): the
/// rest stays visible, and the stored original stays readable by staff who moderate.
public struct Redaction: Hashable, Sendable, Codable {
    /// What the public sees instead of the fragment.
    public static let placeholder = "[redacted]"

    /// The exact text masked wherever it occurs in the item's text fields.
    public let fragment: String
    public let reason: String
    public let by: ParticipantID
    public let at: Date

    public init(fragment: String, reason: String, by: ParticipantID, at: Date) {
        self.fragment = fragment
        self.reason = reason
        self.by = by
        self.at = at
    }

    /// `text` with every redacted fragment replaced by ``placeholder``.
    public static func apply(_ redactions: [Redaction], to text: String) -> String {
        redactions.reduce(text) { text, redaction in
            redaction.fragment.isEmpty ? text : text.replacing(redaction.fragment, with: placeholder)
        }
    }
}
