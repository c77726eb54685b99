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
///
/// The message and field are written for the caller and carry no internals. What a failure
/// outside the domain needs for diagnosis (the backend's error, the SQL it ran) is kept apart
/// in ``diagnostic``: for the host's log, never for a client (see ``storageFailure(diagnostic:)``).
public struct ParticipationError: Error, Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
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
    /// What the host's log needs to diagnose a failure outside the domain (the storage
    /// engine's error, with its statement); nil for domain errors. Never shown to a client:
    /// it is left out of ``description`` and appears only in ``debugDescription``.
    public let diagnostic: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.init(code, message, field: field, diagnostic: nil)
    }

    init(_ code: Code, _ message: String, field: String?, diagnostic: String?) {
        self.code = code
        self.message = message
        self.field = field
        self.diagnostic = diagnostic
    }

    /// The code and message: what a caller may be shown.
    public var description: String { "\(code): \(message)" }

    /// The description with the ``diagnostic``, for logs.
    public var debugDescription: String { diagnostic.map { "\(description) [\($0)]" } ?? description }

    /// A storage backend's failure outside the domain (I/O, corruption, a full disk, a lost
    /// connection): a message that says nothing of the backend, and the backend's own account
    /// in ``diagnostic``.
    public static func storageFailure(diagnostic: String) -> ParticipationError {
        ParticipationError(
            .storageFailure, "the storage failed; the operation changed nothing", field: nil, diagnostic: diagnostic)
    }
}
