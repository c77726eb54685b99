#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Where the library reads the current time. Inject a ``ManualClock`` in tests and
/// simulations so time moves only when the test says so.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until ``advance(by:)`` or ``set(_:)`` moves it.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    /// Starts the clock at `start`.
    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds` (negative values are refused by a precondition,
    /// since time in a simulation never goes back).
    public func advance(by seconds: Double) {
        precondition(seconds >= 0, "a ManualClock only moves forward")
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
