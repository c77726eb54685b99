#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// A registered population: everyone generated from a ``PopulationSpec``, in index order.
public struct SimulatedPopulation: Hashable, Sendable, Codable {
    /// The districts, in the spec's order.
    public let districts: [District]
    /// Everyone, residents first (district by district), then non-resident workers.
    public let people: [SimulatedPerson]
    /// The date ages are given on.
    public let referenceDate: Date

    public init(districts: [District], people: [SimulatedPerson], referenceDate: Date) {
        self.districts = districts
        self.people = people
        self.referenceDate = referenceDate
    }

    /// People who live or work in `district`.
    public func people(in district: DistrictID) -> [SimulatedPerson] { people.filter { $0.districtID == district } }

    /// Head counts, for reports.
    public var summary: PopulationSummary {
        PopulationSummary(
            people: people.count,
            residents: people.count(where: { $0.status == .resident }),
            nonResidentWorkers: people.count(where: { $0.status == .worksThere }),
            withoutAccount: people.count(where: { !$0.hasAccount }),
            underSixteen: people.count(where: { $0.age < 16 }),
            byDistrict: districts.map { district in
                DistrictHeadCount(districtID: district.id, people: people.count(where: { $0.districtID == district.id }))
            })
    }
}

/// Head counts of a population.
public struct PopulationSummary: Hashable, Sendable, Codable {
    public var people: Int
    public var residents: Int
    public var nonResidentWorkers: Int
    public var withoutAccount: Int
    public var underSixteen: Int
    /// People per district, in the population's district order.
    public var byDistrict: [DistrictHeadCount]
}

/// How many people live or work in a district.
public struct DistrictHeadCount: Hashable, Sendable, Codable {
    public var districtID: DistrictID
    public var people: Int
}
