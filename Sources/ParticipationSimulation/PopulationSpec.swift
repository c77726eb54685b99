import Participation

/// The shape of a simulated town: its districts and how many residents each has, how many
/// people work there without living there, and how many take part without an account.
public struct PopulationSpec: Hashable, Sendable, Codable {
    /// One district and its resident count.
    public struct DistrictSize: Hashable, Sendable, Codable {
        public var district: District
        public var residents: Int

        public init(_ id: DistrictID, name: String, residents: Int) {
            district = District(id: id, name: name)
            self.residents = residents
        }
    }

    /// The districts, in the order they are generated.
    public var districts: [DistrictSize]
    /// People who work in the town but live elsewhere, spread over districts by size.
    public var nonResidentWorkers: Int
    /// Per mille of people with no online account: they vote on paper at a polling station
    /// or on an agent's tablet, and submit ideas on paper forms.
    public var withoutAccountPerMille: Int
    /// Ages of residents.
    public var residentAges: AgeDistribution
    /// Ages of non-resident workers.
    public var workerAges: AgeDistribution

    /// Creates a spec.
    /// - Throws: `invalidInput` for no districts, a negative count, a repeated district or a
    ///   share outside 0...1000.
    public init(
        districts: [DistrictSize], nonResidentWorkers: Int = 0, withoutAccountPerMille: Int = 150,
        residentAges: AgeDistribution = .participatingFrench, workerAges: AgeDistribution = .workingAge
    ) throws {
        guard !districts.isEmpty else { throw ParticipationError.invalid("districts", "a population needs at least one district") }
        guard districts.allSatisfy({ $0.residents >= 0 }), nonResidentWorkers >= 0 else {
            throw ParticipationError.invalid("residents", "counts must not be negative")
        }
        guard Set(districts.map(\.district.id)).count == districts.count else {
            throw ParticipationError.invalid("districts", "a district appears twice")
        }
        guard (0...1000).contains(withoutAccountPerMille) else {
            throw ParticipationError.invalid("withoutAccountPerMille", "a share per mille is within 0...1000")
        }
        self.districts = districts
        self.nonResidentWorkers = nonResidentWorkers
        self.withoutAccountPerMille = withoutAccountPerMille
        self.residentAges = residentAges
        self.workerAges = workerAges
    }

    /// Residents plus workers.
    public var totalPeople: Int { districts.reduce(nonResidentWorkers) { $0 + $1.residents } }

    /// `count` districts named "Quartier 1"… with sizes that vary the way a town's do: the
    /// largest about three times the smallest. Deterministic in `seed`.
    public static func town(
        districts count: Int, people: Int, nonResidentWorkers: Int = 0, withoutAccountPerMille: Int = 150, seed: UInt64
    ) throws -> PopulationSpec {
        guard count > 0, people >= count else {
            throw ParticipationError.invalid("districts", "a town needs at least one district and one person per district")
        }
        var random = SimulationRandom(seed: seed).stream("district-sizes")
        let weights = (0..<count).map { _ in random.integer(in: 10...30) }
        let total = weights.reduce(0, +)
        var sizes = weights.map { people * $0 / total }
        sizes[0] += people - sizes.reduce(0, +)  // rounding leftovers go to the first district
        let digits = String(count).count
        let districts = sizes.enumerated().map { index, size in
            let number = String(index + 1)
            let padded = String(repeating: "0", count: digits - number.count) + number
            return DistrictSize(DistrictID(rawValue: "d\(padded)"), name: "Quartier \(index + 1)", residents: size)
        }
        return try PopulationSpec(
            districts: districts, nonResidentWorkers: nonResidentWorkers, withoutAccountPerMille: withoutAccountPerMille)
    }
}
