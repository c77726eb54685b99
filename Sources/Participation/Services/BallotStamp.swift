#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A new ballot's id and time of casting, taken before its checks: a cast takes them
/// outside the storage write its checks run in, so the write holds its lock no longer than
/// it must.
struct BallotStamp: Sendable {
    let id: BallotID
    let castAt: Date
}
