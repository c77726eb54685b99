#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one error type the library throws.
///
/// Every error carries a stable machine-readable ``code`` (safe to switch on, to map to an
/// HTTP status, or to translate) and a human ``message`` naming the field, the rule or the id
/// at fault. An operation that throws a `ParticipationError` has changed nothing.
public struct ParticipationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier of the kind of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
    }

    /// What went wrong, as a stable code.
    public let code: Code
    /// A sentence for a human: what is wrong and where.
    public let message: String
    /// The input field at fault, when one is (for example `"birthDate"`).
    public let field: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code): \(message)" }
}
