import Participation

/// One attempt to vote the simulation will make: who, on which channel, which day, choosing what.
struct PlannedVote: Sendable {
    let person: SimulatedPerson
    let channel: PlannedChannel
    /// 0-based day of the vote.
    let day: Int
    /// Ties within a day are broken by this draw, so channels interleave as they would.
    let order: UInt64
    let choices: [BallotChoice]
    /// A second attempt on another channel, which the platform must refuse.
    let isSecondAttempt: Bool
}

/// Plans who votes, where, when and for what, from the population and the projects on the ballot.
struct VotePlanner {
    let scenario: BudgetScenario
    let population: SimulatedPopulation
    let candidates: [BallotCandidate]
    /// The ballot's envelope, for knapsack ballots.
    let envelope: Int64

    func plan(seed random: SimulationRandom) -> [PlannedVote] {
        var turnoutDraws = random.stream("turnout")
        let channels = scenario.channels
        let turnout: [DistrictID: Int] = Dictionary(
            uniqueKeysWithValues: population.districts.map { district in
                let spread = channels.turnoutSpreadPerMille
                let rate = channels.turnoutPerMille + (spread > 0 ? turnoutDraws.integer(in: -spread...spread) : 0)
                return (district.id, max(0, min(1000, rate)))
            })
        var choosers: [String: BallotChooser] = [:]
        var draws = random.stream("votes")
        var votes: [PlannedVote] = []
        for person in population.people {
            if person.age < 16 {
                // Curious teenagers try on the first day; the platform must refuse them.
                if person.hasAccount, draws.integer(below: 1000) < channels.underageAttemptPerMille {
                    let choices = ballot(for: person, choosers: &choosers, using: &draws)
                    votes.append(
                        PlannedVote(person: person, channel: .online, day: 0, order: draws.nextBits(), choices: choices, isSecondAttempt: false))
                }
                continue
            }
            // Every district has a turnout: the map holds every district of the population.
            guard draws.integer(below: 1000) < turnout[person.districtID]! else { continue }
            let channel = channels.drawChannel(hasAccount: person.hasAccount, using: &draws)
            let day = draws.integer(below: scenario.votingDays)
            let choices = ballot(for: person, choosers: &choosers, using: &draws)
            votes.append(PlannedVote(person: person, channel: channel, day: day, order: draws.nextBits(), choices: choices, isSecondAttempt: false))
            if draws.integer(below: 1000) < channels.secondAttemptPerMille {
                let second = channels.drawSecondChannel(after: channel, hasAccount: person.hasAccount, using: &draws)
                let later = draws.integer(in: day...(scenario.votingDays - 1))
                let otherChoices = ballot(for: person, choosers: &choosers, using: &draws)
                votes.append(
                    PlannedVote(person: person, channel: second, day: later, order: draws.nextBits(), choices: otherChoices, isSecondAttempt: true))
            }
        }
        // Chronological; a second attempt the same day always comes after the first.
        return votes.sorted { lhs, rhs in
            if lhs.day != rhs.day { return lhs.day < rhs.day }
            if lhs.isSecondAttempt != rhs.isSecondAttempt { return !lhs.isSecondAttempt }
            return lhs.order < rhs.order
        }
    }

    private func ballot(for person: SimulatedPerson, choosers: inout [String: BallotChooser], using random: inout SimulationRandom)
        -> [BallotChoice]
    {
        let behaviour = scenario.behaviours.draw(using: &random)
        let key = "\(behaviour)|\(person.districtID.rawValue)"
        let chooser =
            choosers[key]
            ?? BallotChooser(candidates: candidates, behaviour: behaviour, voterDistrict: person.districtID)
        choosers[key] = chooser
        let ids: [PropositionID]
        switch scenario.ballot {
        case .approval(let minimum, let maximum):
            // People tend to use most of their choices: k is drawn with weight k.
            let sizes = Array(max(1, minimum)...max(1, minimum, maximum))
            ids = chooser.approvals(sizes[random.weightedIndex(sizes)], using: &random)
        case .knapsack:
            ids = chooser.knapsack(within: envelope, using: &random)
        case .cumulative, .ranked:
            ids = chooser.approvals(1, using: &random)
        }
        return ids.map { BallotChoice($0) }
    }
}
