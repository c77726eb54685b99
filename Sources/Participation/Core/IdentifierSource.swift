#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Where new ids come from. Production uses ``RandomIdentifiers``; tests and simulations use
/// ``SequentialIdentifiers`` so the same run yields the same ids.
public protocol IdentifierSource: Sendable {
    /// A fresh id string, never returned before by this source.
    func next(prefix: String) -> String
}

/// Random UUIDs, prefixed by the kind of object (`"prop-…"`).
public struct RandomIdentifiers: IdentifierSource {
    public init() {}
    public func next(prefix: String) -> String { "\(prefix)-\(UUID().uuidString.lowercased())" }
}

/// `prefix-1`, `prefix-2`, …: one counter per source, deterministic.
public final class SequentialIdentifiers: IdentifierSource {
    private let counter = Mutex(0)
    public init() {}
    public func next(prefix: String) -> String {
        let value = counter.withLock { count -> Int in
            count += 1
            return count
        }
        return "\(prefix)-\(value)"
    }
}
