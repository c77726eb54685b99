/// Greedy selection as pabutools' `greedy_utilitarian_welfare` computes it (additive path).
///
/// Projects are ordered by decreasing density, ties to the smaller id, then taken while they
/// fit. Scored rules order by a score summed over the ballots — supporters (cost
/// satisfaction), points, Borda scores — which is the density of the additive satisfaction
/// "score × cost"; a zero-cost project, or one whose score is not positive, has density zero.
/// With cardinality satisfaction the density is supporters per unit of cost (infinite for a
/// supported zero-cost project). Projects of density zero come last, still taken if they fit.
enum GreedyRule {
    enum Density {
        /// A score per project, summed over the ballots.
        case score([Rational])
        case supportersPerCost
    }

    static func select(
        _ profile: ProjectTable, density: Density, stopAtFirstMisfit: Bool, minimumScore: Rational?
    ) -> [Int] {
        var eligible = Array(0..<profile.projectCount)
        if let minimumScore {
            eligible.removeAll { profile.projectScores[$0] < minimumScore }
        }
        let supporters = profile.supporterCounts
        let costs = profile.costs
        let rank = profile.identifierRank
        let order: [Int]
        switch density {
        case .score(let score):
            let key = (0..<profile.projectCount).map { costs[$0].isZero || score[$0] <= .zero ? .zero : score[$0] }
            order = eligible.sorted { a, b in
                key[a] != key[b] ? key[a] > key[b] : rank[a] < rank[b]
            }
        case .supportersPerCost:
            order = eligible.sorted { a, b in
                let comparison = compareCardinalityDensity(a, b, supporters: supporters, costs: costs)
                return comparison != 0 ? comparison > 0 : rank[a] < rank[b]
            }
        }
        var remaining = profile.budget
        var selected: [Int] = []
        for project in order {
            if costs[project] <= remaining {
                selected.append(project)
                remaining -= costs[project]
            } else if stopAtFirstMisfit {
                break
            }
        }
        return selected
    }

    /// Compares supporters/cost densities exactly: 1 if `a` is denser, -1 if `b` is, 0 if equal.
    private static func compareCardinalityDensity(_ a: Int, _ b: Int, supporters: [Int], costs: [BigInt]) -> Int {
        func category(_ p: Int) -> Int {
            if supporters[p] == 0 { return 0 }
            return costs[p].isZero ? 2 : 1
        }
        let (ca, cb) = (category(a), category(b))
        if ca != cb { return ca > cb ? 1 : -1 }
        guard ca == 1 else { return 0 }
        let left = BigInt(supporters[a]) * costs[b]
        let right = BigInt(supporters[b]) * costs[a]
        return left == right ? 0 : (left > right ? 1 : -1)
    }
}
