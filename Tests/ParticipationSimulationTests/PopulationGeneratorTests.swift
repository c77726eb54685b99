import Foundation
import Participation
import ParticipationSimulation
import Testing

@Suite("Population generator")
struct PopulationGeneratorTests {
    static let referenceDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    static func town(seed: UInt64) throws -> PopulationGenerator {
        PopulationGenerator(
            spec: try .town(districts: 5, people: 10_000, nonResidentWorkers: 1_000, withoutAccountPerMille: 200, seed: seed),
            seed: seed)
    }

    @Test("sizes add up, and districts differ in size")
    func sizes() throws {
        let spec = try PopulationSpec.town(districts: 5, people: 10_000, seed: 3)
        #expect(spec.districts.map(\.residents).reduce(0, +) == 10_000)
        let sizes = spec.districts.map(\.residents)
        #expect(try #require(sizes.max()) > 2 * 10_000 / 5 / 2)
        #expect(Set(sizes).count > 1)
    }

    @Test("ages, statuses and accounts follow the spec")
    func traits() throws {
        let people = try Self.town(seed: 11).drawPeople(on: Self.referenceDate)
        #expect(people.count == 11_000)
        #expect(people.count(where: { $0.status == .worksThere }) == 1_000)
        let underSixteen = people.count(where: { $0.status == .resident && $0.age < 16 })
        #expect((450...750).contains(underSixteen), "about 6 % of 10 000 residents, got \(underSixteen)")
        #expect(people.filter { $0.status == .worksThere }.allSatisfy { (18...66).contains($0.age) })
        let withoutAccount = people.count(where: { !$0.hasAccount })
        #expect((2_000...2_400).contains(withoutAccount), "about 20 % of 11 000, got \(withoutAccount)")
    }

    @Test("a birth date gives back the drawn age on the reference date")
    func birthDatesMatchAges() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        for person in try Self.town(seed: 12).drawPeople(on: Self.referenceDate) {
            let age = calendar.dateComponents([.year], from: person.birthDate, to: Self.referenceDate).year
            #expect(age == person.age)
        }
    }

    @Test("the same seed draws the same people, another seed other people")
    func determinism() throws {
        let first = try Self.town(seed: 21).drawPeople(on: Self.referenceDate)
        #expect(first == (try Self.town(seed: 21).drawPeople(on: Self.referenceDate)))
        #expect(first != (try Self.town(seed: 22).drawPeople(on: Self.referenceDate)))
    }

    @Test("registration goes through the service and keeps the profiles")
    func registration() async throws {
        let service = ParticipationService(
            storage: InMemoryStorage(), clock: ManualClock(Self.referenceDate), ids: SequentialIdentifiers())
        let spec = try PopulationSpec.town(districts: 2, people: 50, nonResidentWorkers: 5, seed: 4)
        let tenant = try await service.createTenant(name: "Ville", kind: .commune, districts: spec.districts.map(\.district))
        let population = try await PopulationGenerator(spec: spec, seed: 4)
            .register(with: service, in: tenant.id, referenceDate: Self.referenceDate)
        #expect(population.people.count == 55)
        for person in population.people {
            let stored = try await service.storage.participant(person.participantID, in: tenant.id)
            #expect(stored.profile == person.profile)
        }
    }

    @Test("bad specs are refused with a typed error")
    func badSpecs() {
        #expect(throws: ParticipationError.self) { try PopulationSpec(districts: []) }
        #expect(throws: ParticipationError.self) {
            try PopulationSpec(districts: [.init("a", name: "A", residents: 1)], withoutAccountPerMille: 1_001)
        }
        #expect(throws: ParticipationError.self) {
            try PopulationSpec(districts: [.init("a", name: "A", residents: 1), .init("a", name: "A bis", residents: 2)])
        }
    }
}
