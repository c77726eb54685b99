#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

/// Draws a population from a ``PopulationSpec`` and a seed, and registers it.
///
/// The same spec and seed give the same people (districts, ages, statuses, accounts) on
/// every machine; registering through a service with ``SequentialIdentifiers`` also gives
/// the same ids.
public struct PopulationGenerator: Sendable {
    public let spec: PopulationSpec
    public let seed: UInt64

    public init(spec: PopulationSpec, seed: UInt64) {
        self.spec = spec
        self.seed = seed
    }

    /// Everyone's facts, before registration: index order, residents first.
    public func drawPeople(on referenceDate: Date) -> [PersonTraits] {
        var random = SimulationRandom(seed: seed).stream("population")
        var traits: [PersonTraits] = []
        traits.reserveCapacity(spec.totalPeople)
        for size in spec.districts {
            for _ in 0..<size.residents {
                traits.append(draw(.resident, in: size.district.id, ages: spec.residentAges, on: referenceDate, &random))
            }
        }
        let weights = spec.districts.map(\.residents)
        let hasResidents = weights.contains { $0 > 0 }
        for _ in 0..<spec.nonResidentWorkers {
            let district = hasResidents ? spec.districts[random.weightedIndex(weights)] : spec.districts[random.integer(below: spec.districts.count)]
            traits.append(draw(.worksThere, in: district.district.id, ages: spec.workerAges, on: referenceDate, &random))
        }
        return traits
    }

    /// Registers everyone through ``ParticipationService/registerParticipant(in:displayName:kind:pseudonym:profile:consents:)``,
    /// one by one, as people sign up on the platform or are signed up by an agent at a
    /// polling station. The tenant must already have the spec's districts.
    public func register(with service: ParticipationService, in tenant: TenantID, referenceDate: Date) async throws
        -> SimulatedPopulation
    {
        var people: [SimulatedPerson] = []
        for (index, person) in drawPeople(on: referenceDate).enumerated() {
            let participant = try await service.registerParticipant(
                in: tenant, displayName: "Habitant \(index + 1)", profile: person.profile)
            people.append(person.registered(index: index, as: participant.id))
        }
        return SimulatedPopulation(districts: spec.districts.map(\.district), people: people, referenceDate: referenceDate)
    }

    /// Inserts everyone straight into storage with ids `p1`, `p2`…, a batch of 10,000 per
    /// `insertParticipants` call (one transaction each on backends that override it): the
    /// import of a census, which the service's one-by-one sign-up is not meant for. The
    /// tenant's districts are not re-checked here.
    ///
    /// Two batches are in flight at a time, so that drawing and encoding the next batch
    /// overlaps with storing the last one. Each batch is all or none; if one fails, the
    /// batches stored before it stay and the error is rethrown.
    public func insert(into storage: any ParticipationStorage, in tenant: TenantID, referenceDate: Date, registeredAt: Date)
        async throws -> SimulatedPopulation
    {
        var people: [SimulatedPerson] = []
        people.reserveCapacity(spec.totalPeople)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var inFlight = 0
            var batch: [Participant] = []
            for (index, person) in drawPeople(on: referenceDate).enumerated() {
                let id = ParticipantID(rawValue: "p\(index + 1)")
                batch.append(
                    Participant(
                        id: id, tenantID: tenant, displayName: "Habitant \(index + 1)", profile: person.profile,
                        registeredAt: registeredAt))
                people.append(person.registered(index: index, as: id))
                if batch.count == Self.batchSize {
                    if inFlight == Self.batchesInFlight {
                        try await group.next()
                        inFlight -= 1
                    }
                    group.addTask { [batch] in try await storage.insertParticipants(batch) }
                    inFlight += 1
                    batch.removeAll(keepingCapacity: true)
                }
            }
            group.addTask { [batch] in try await storage.insertParticipants(batch) }
            try await group.waitForAll()
        }
        return SimulatedPopulation(districts: spec.districts.map(\.district), people: people, referenceDate: referenceDate)
    }

    private static let batchSize = 10_000
    private static let batchesInFlight = 2

    private func draw(
        _ status: TerritorialStatus, in district: DistrictID, ages: AgeDistribution, on referenceDate: Date,
        _ random: inout SimulationRandom
    ) -> PersonTraits {
        let age = ages.drawAge(using: &random)
        // age full years plus 2...363 days before the reference date: 365 days a year plus one
        // leap day in four is within a day of the calendar, so the calendar age is `age`.
        let days = age * 365 + age / 4 + random.integer(in: 2...363)
        let birthDate = referenceDate.addingTimeInterval(-Double(days) * 86_400)
        let hasAccount = random.integer(below: 1000) >= spec.withoutAccountPerMille
        return PersonTraits(districtID: district, status: status, age: age, birthDate: birthDate, hasAccount: hasAccount)
    }
}

/// A generated person's facts before they have a participant id.
public struct PersonTraits: Hashable, Sendable, Codable {
    public let districtID: DistrictID
    public let status: TerritorialStatus
    public let age: Int
    public let birthDate: Date
    public let hasAccount: Bool

    /// The profile the platform stores for them.
    public var profile: Profile { Profile(birthDate: birthDate, districtID: districtID, statuses: [status]) }

    func registered(index: Int, as id: ParticipantID) -> SimulatedPerson {
        SimulatedPerson(
            index: index, participantID: id, districtID: districtID, status: status, age: age, birthDate: birthDate,
            hasAccount: hasAccount)
    }
}
