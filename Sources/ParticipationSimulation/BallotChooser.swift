import Participation

/// Fills ballots for voters who share a behaviour and a district: the weights are computed
/// once, then each ballot is a few binary searches, which is what lets the scale benchmark
/// fill a million ballots quickly.
public struct BallotChooser: Sendable {
    /// The candidates, sorted by id so that the outcome does not depend on the order they
    /// were listed in.
    public let candidates: [BallotCandidate]
    private let cumulative: [Int]

    /// Prepares the weights of `behaviour` for voters of `district`.
    public init(candidates: [BallotCandidate], behaviour: VotingBehaviour, voterDistrict district: DistrictID) {
        let sorted = candidates.sorted { $0.id < $1.id }
        self.candidates = sorted
        var running = 0
        cumulative = behaviour.weights(for: sorted, voterDistrict: district).map { weight in
            running += weight
            return running
        }
    }

    /// `count` distinct projects (or every project, if there are fewer), each drawn in
    /// proportion to its weight among those not yet chosen.
    public func approvals(_ count: Int, using random: inout SimulationRandom) -> [PropositionID] {
        indices(count, using: &random).map { candidates[$0].id }
    }

    /// Projects drawn by weight and kept while their total cost stays within `envelope`,
    /// until `misses` drawn projects in a row did not fit: a knapsack ballot.
    public func knapsack(within envelope: Int64, misses: Int = 3, using random: inout SimulationRandom) -> [PropositionID] {
        var chosen: [PropositionID] = []
        var total: Int64 = 0
        var missed = 0
        for index in indices(candidates.count, using: &random) {
            let candidate = candidates[index]
            if total + candidate.cost <= envelope {
                chosen.append(candidate.id)
                total += candidate.cost
                missed = 0
            } else {
                missed += 1
                if missed >= misses { break }
            }
        }
        return chosen
    }

    /// Distinct candidate indices by weight. Draws with replacement and skips repeats, which
    /// is the same distribution as drawing without replacement and much faster when `count`
    /// is small; once half the candidates are taken it switches to exact removal so that it
    /// cannot loop long on a few heavy projects.
    func indices(_ count: Int, using random: inout SimulationRandom) -> [Int] {
        let wanted = min(count, candidates.count)
        guard let total = cumulative.last, total > 0, wanted > 0 else { return [] }
        var picked: [Int] = []
        picked.reserveCapacity(wanted)
        var attempts = 0
        while picked.count < wanted, attempts < 8 * wanted + 16 {
            attempts += 1
            let index = lowerBound(of: random.integer(below: total))
            if !picked.contains(index) { picked.append(index) }
        }
        if picked.count < wanted {
            var weights = cumulative.enumerated().map { index, sum in sum - (index > 0 ? cumulative[index - 1] : 0) }
            for index in picked { weights[index] = 0 }
            picked += random.weightedSample(weights, count: wanted - picked.count)
        }
        return picked
    }

    /// The first index whose cumulative weight exceeds `ticket`.
    private func lowerBound(of ticket: Int) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > ticket { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
