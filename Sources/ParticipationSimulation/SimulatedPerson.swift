#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// One generated person and what the simulation knows about them: the facts stored in
/// their profile, and the facts that shape their behaviour (whether they have an account).
public struct SimulatedPerson: Hashable, Sendable, Codable {
    /// Their position in the population, stable for a seed.
    public let index: Int
    public let participantID: ParticipantID
    /// Where they live, or where they work for non-resident workers.
    public let districtID: DistrictID
    /// How they are attached to the town.
    public let status: TerritorialStatus
    /// Their age in whole years on the population's reference date.
    public let age: Int
    public let birthDate: Date
    /// Whether they use the platform online; people without an account vote on paper or on
    /// an agent's tablet.
    public let hasAccount: Bool

    public init(
        index: Int, participantID: ParticipantID, districtID: DistrictID, status: TerritorialStatus, age: Int,
        birthDate: Date, hasAccount: Bool
    ) {
        self.index = index
        self.participantID = participantID
        self.districtID = districtID
        self.status = status
        self.age = age
        self.birthDate = birthDate
        self.hasAccount = hasAccount
    }

    /// The profile the platform stores for them.
    public var profile: Profile { Profile(birthDate: birthDate, districtID: districtID, statuses: [status]) }

    /// Whether they are at least `minimumAge` on the reference date.
    public func isAtLeast(_ minimumAge: Int) -> Bool { age >= minimumAge }
}
