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

/// Time-ordered random UUIDs (version 7, RFC 9562), prefixed by the kind of object
/// (`"ballot-019ac4f2-…"`).
///
/// The first 48 bits are the Unix time in milliseconds and 74 of the rest are random, so two
/// ids never collide in practice, and ids made one after the other sort together. That is
/// what stores want of a key: a new ballot's id lands at the end of the id indexes, next to
/// the ids written just before it, instead of on a random page, so a commit of many ballots
/// rewrites a few pages rather than one page per ballot. The id tells roughly when it was
/// made (to the millisecond), which the objects keep anyway (`castAt`, `createdAt`).
///
/// Randomness comes from `SystemRandomNumberGenerator` (the kernel's generator, no file to
/// open per id).
public struct RandomIdentifiers: IdentifierSource {
    public init() {}

    public func next(prefix: String) -> String {
        prefix + "-" + Self.uuidVersion7(milliseconds: Self.unixMilliseconds())
    }

    /// A version 7 UUID in lowercase text for the Unix time `milliseconds`: 48 bits of time,
    /// version `7`, 12 random bits, variant `10`, 62 random bits.
    static func uuidVersion7(
        milliseconds: UInt64, using generator: inout some RandomNumberGenerator
    ) -> String {
        let random = (high: generator.next() as UInt64, low: generator.next() as UInt64)
        let high = (milliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (random.high & 0x0FFF)
        let low = 0x8000_0000_0000_0000 | (random.low & 0x3FFF_FFFF_FFFF_FFFF)
        return format(high: high, low: low)
    }

    static func uuidVersion7(milliseconds: UInt64) -> String {
        var generator = SystemRandomNumberGenerator()
        return uuidVersion7(milliseconds: milliseconds, using: &generator)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` from the UUID's 128 bits, most significant first.
    private static func format(high: UInt64, low: UInt64) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var written = 0
            func put(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    buffer[written] = digits.utf8Start[Int((value >> UInt64(shift)) & 0xF)]
                    written += 1
                }
            }
            func dash() {
                buffer[written] = UInt8(ascii: "-")
                written += 1
            }
            put(high >> 32, nibbles: 8)
            dash()
            put(high >> 16, nibbles: 4)
            dash()
            put(high, nibbles: 4)
            dash()
            put(low >> 48, nibbles: 4)
            dash()
            put(low, nibbles: 12)
            return written
        }
    }

    private static func unixMilliseconds() -> UInt64 {
        // Before 1970 only on a broken clock: the time bits are then 0, the id still random.
        UInt64(max(0, Date().timeIntervalSince1970 * 1000))
    }
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
