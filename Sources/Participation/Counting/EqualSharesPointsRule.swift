/// The method of equal shares with additive point satisfaction, as pabutools'
/// `method_of_equal_shares` computes it with `Additive_Cardinal_Sat` on cumulative and scoring
/// ballots.
///
/// Every voter starts with `B/n`. A voter supports a project she gave positive points `u`;
/// candidates are projects with a positive cost and positive total points (a supported free
/// project is selected up front, as pabutools does). In each round a candidate's ρ is the
/// smallest factor such that its supporters, each paying `min(budget, ρ·u)`, cover its cost —
/// supporters sorted by `budget / u`, the first who can pay `ρ·u` in full fixing ρ — and the
/// candidate with the smallest ρ wins, exact ties to the smallest id; candidates whose supporters
/// cannot afford them are dropped for good. Candidates are re-evaluated in increasing order of
/// their previous ρ, which never decreases, until one exceeds the best ρ of the round.
///
/// Everything is computed in exact rationals, on the distinct ballots with their multiplicities
/// (voters who cast identical ballots keep identical budgets).
enum EqualSharesPointsRule {
    private struct Supporter {
        var ballot: Int
        var points: Rational
        /// Points times the number of voters who cast the ballot.
        var weightedPoints: Rational
    }

    static func select(_ election: CompactElection, _ projects: ProjectTable) -> [Int] {
        guard projects.voterCount > 0 else { return [] }
        let ballots = DistinctBallotTable(merging: election)
        var supporters = [[Supporter]](repeating: [], count: projects.projectCount)
        for ballot in ballots.weights.indices {
            let weight = Rational(ballots.weights[ballot])
            for position in ballots.offsets[ballot]..<ballots.offsets[ballot + 1] where ballots.points[position] > .zero {
                let points = ballots.points[position]
                supporters[Int(ballots.members[position])].append(Supporter(ballot: ballot, points: points, weightedPoints: points * weight))
            }
        }
        let totals = supporters.map { $0.reduce(Rational.zero) { $0 + $1.weightedPoints } }
        let byIdentifier = (0..<projects.projectCount).sorted { projects.identifierRank[$0] < projects.identifierRank[$1] }
        var selected = byIdentifier.filter { projects.costs[$0].isZero && totals[$0] > .zero }
        var remaining = byIdentifier.filter { !projects.costs[$0].isZero && totals[$0] > .zero }
        // pabutools' initial affordability: cost over total points, a lower bound on every ρ.
        var previous = (0..<projects.projectCount).map { totals[$0] > .zero ? Rational(projects.costs[$0]) / totals[$0] : .zero }
        var budget = [Rational](repeating: Rational(projects.budget) / Rational(projects.voterCount), count: ballots.weights.count)
        let weights = ballots.weights.map { Rational($0) }

        while !remaining.isEmpty {
            remaining.sort { previous[$0] != previous[$1] ? previous[$0] < previous[$1] : projects.identifierRank[$0] < projects.identifierRank[$1] }
            var best: Rational?
            var tied: [Int] = []
            var dropped: [Int] = []
            for project in remaining {
                let cost = Rational(projects.costs[project])
                let available = supporters[project].reduce(Rational.zero) { $0 + budget[$1.ballot] * weights[$1.ballot] }
                if available < cost {
                    dropped.append(project)
                    continue
                }
                if let best, previous[project] > best { break }
                let rho = affordability(cost, supporters[project], budget, weights)
                previous[project] = rho
                if best == nil || rho < best! {
                    best = rho
                    tied = [project]
                } else if rho == best! {
                    tied.append(project)
                }
            }
            remaining.removeAll { dropped.contains($0) }
            guard let rho = best else { break }
            // `tied` holds at least the project that set `best`.
            let winner = tied.min { projects.identifierRank[$0] < projects.identifierRank[$1] }!
            for supporter in supporters[winner] {
                let payment = rho * supporter.points
                budget[supporter.ballot] = budget[supporter.ballot] < payment ? .zero : budget[supporter.ballot] - payment
            }
            selected.append(winner)
            remaining.removeAll { $0 == winner }
        }
        return selected
    }

    /// The smallest ρ such that `Σ min(budget, ρ·points)` over the supporters covers `cost`
    /// (which they can afford).
    private static func affordability(_ cost: Rational, _ supporters: [Supporter], _ budget: [Rational], _ weights: [Rational]) -> Rational {
        let ordered = supporters.sorted { budget[$0.ballot] * $1.points < budget[$1.ballot] * $0.points }
        var paid = Rational.zero
        var points = ordered.reduce(Rational.zero) { $0 + $1.weightedPoints }
        for (position, supporter) in ordered.enumerated() {
            let rho = (cost - paid) / points
            // The supporters can afford the cost, so the last one can pay the rest.
            if rho * supporter.points <= budget[supporter.ballot] || position == ordered.count - 1 { return rho }
            paid += budget[supporter.ballot] * weights[supporter.ballot]
            points -= supporter.weightedPoints
        }
        return .zero
    }
}
