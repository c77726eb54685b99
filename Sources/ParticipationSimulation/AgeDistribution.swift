import Participation

/// How old the people who take part are: age brackets with integer weights.
///
/// Weights are integers so that drawing an age is exact on every machine.
public struct AgeDistribution: Hashable, Sendable, Codable {
    /// One bracket: ages `youngest...oldest`, drawn uniformly, with a relative weight.
    public struct Bracket: Hashable, Sendable, Codable {
        public var youngest: Int
        public var oldest: Int
        public var weight: Int

        public init(youngest: Int, oldest: Int, weight: Int) {
            self.youngest = youngest
            self.oldest = oldest
            self.weight = weight
        }
    }

    public var brackets: [Bracket]

    /// Creates a distribution.
    /// - Throws: `invalidInput` when a bracket is empty, has a negative weight, or no weight is positive.
    public init(brackets: [Bracket]) throws {
        guard brackets.allSatisfy({ $0.youngest >= 0 && $0.youngest <= $0.oldest && $0.weight >= 0 }),
            brackets.contains(where: { $0.weight > 0 })
        else {
            throw ParticipationError.invalid("ageDistribution", "brackets need youngest <= oldest, non-negative weights, one positive")
        }
        self.brackets = brackets
    }

    /// People who register on a French city's participation platform, per mille.
    ///
    /// Not the census pyramid: small children do not take part, pupils of 11 to 15 do (school
    /// classes submit projects, and some try to vote), and the 30–59 year olds are the core,
    /// as platform statistics usually show. About 6 % are under 16.
    public static let participatingFrench = AgeDistribution(
        checked: [
            Bracket(youngest: 11, oldest: 15, weight: 60),
            Bracket(youngest: 16, oldest: 17, weight: 30),
            Bracket(youngest: 18, oldest: 29, weight: 170),
            Bracket(youngest: 30, oldest: 44, weight: 250),
            Bracket(youngest: 45, oldest: 59, weight: 230),
            Bracket(youngest: 60, oldest: 74, weight: 180),
            Bracket(youngest: 75, oldest: 95, weight: 80),
        ])

    /// People in work: workers who live elsewhere are 18 to 66.
    public static let workingAge = AgeDistribution(
        checked: [
            Bracket(youngest: 18, oldest: 29, weight: 25),
            Bracket(youngest: 30, oldest: 49, weight: 45),
            Bracket(youngest: 50, oldest: 66, weight: 30),
        ])

    /// For the constants above, whose brackets are valid by inspection.
    private init(checked brackets: [Bracket]) { self.brackets = brackets }

    /// Draws an age.
    public func drawAge(using random: inout SimulationRandom) -> Int {
        let bracket = brackets[random.weightedIndex(brackets.map(\.weight))]
        return random.integer(in: bracket.youngest...bracket.oldest)
    }
}
