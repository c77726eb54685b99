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
    /// For a storage failure: whether trying the operation again may succeed; nil otherwise.
    public let storageFailureKind: StorageFailureKind?
    /// For a storage failure: the engine's own code, as data (an SQLite extended result code,
    /// a PostgreSQL SQLSTATE); nil otherwise.
    public let engineCode: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.init(code, message, field: field, diagnostic: nil, storageFailureKind: nil, engineCode: nil)
    }

    init(
        _ code: Code, _ message: String, field: String?, diagnostic: String?, storageFailureKind: StorageFailureKind?,
        engineCode: String?
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.diagnostic = diagnostic
        self.storageFailureKind = storageFailureKind
        self.engineCode = engineCode
    }

    /// The code and message: what a caller may be shown.
    public var description: String { "\(code): \(message)" }

    /// The description with the ``diagnostic``, for logs.
    public var debugDescription: String { diagnostic.map { "\(description) [\($0)]" } ?? description }

    /// A storage backend's failure outside the domain (I/O, corruption, a full disk, a lost
    /// connection, a busy database): a message that says nothing of the backend; whether trying
    /// again may succeed; the engine's code as data; and the backend's own account in
    /// ``diagnostic``, for the log.
    public static func storageFailure(
        _ kind: StorageFailureKind = .permanent, engineCode: String? = nil, diagnostic: String
    ) -> ParticipationError {
        ParticipationError(
            .storageFailure,
            kind == .transient
                ? "the storage is busy; the operation changed nothing and may be tried again"
                : "the storage failed; the operation changed nothing",
            field: nil, diagnostic: diagnostic, storageFailureKind: kind, engineCode: engineCode)
    }
}

/// Whether a storage failure may pass: what a host decides to retry on.
public enum StorageFailureKind: String, Hashable, Sendable, CaseIterable {
    /// Trying again may succeed: the database was busy or locked, a serializable transaction
    /// was aborted, a connection was lost.
    case transient
    /// Trying again will fail the same way: corruption, a full disk, a schema that does not match.
    case permanent
}
