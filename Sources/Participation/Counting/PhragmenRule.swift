/// Sequential Phragmén as pabutools' `sequential_phragmen` computes it.
///
/// Voters start with load 0. In each round every remaining project `p` (only those costing at
/// most the budget take part) gets `new_load(p) = (Σ_{i∈S(p)} load_i + cost(p)) / |S(p)|`, infinite
/// when unsupported. Let `T` be the projects attaining the minimum: if any of them does not fit
/// the remaining budget the rule stops; otherwise the one with the smallest id is bought and its
/// supporters' loads become that minimum. Unsupported projects (all tied at infinity) therefore
/// come last, and only while every one of them still fits.
///
/// ## How it stays exact and fast
/// Voters whose loads are equal form a class: the voters who paid for the same last winner. Each
/// project keeps the sum of its supporters' loads in `Double` with a rigorous error bound, updated
/// only for the ballots of each winner's supporters. A round's minimum is decided in floating
/// point when one project's interval is clear of all others; otherwise the contenders' new loads
/// are computed exactly, from the exact loads of the classes of their supporters. A class's exact
/// load is rebuilt on demand from the classes its voters came from, which each class records when
/// it is made; nothing exact is computed unless a near-tie asks for it.
enum PhragmenRule {
    private static let epsilon = 0x1p-52

    private struct Classes {
        var approx: [Double] = [0]
        var error: [Double] = [0]
        /// The exact load of each class, once computed; class 0 is load 0.
        var exact: [Rational?] = [.zero]
        /// The winner whose supporters form the class, and the classes (with voter counts) they
        /// came from: `load = (cost(winner) + Σ count · load(class)) / supporters(winner)`.
        var winner: [Int] = [-1]
        var sources: [[(class: Int32, count: Int)]] = [[]]

        mutating func exactLoad(_ budgetClass: Int, _ profile: CountingProfile) -> Rational {
            if let known = exact[budgetClass] { return known }
            var sum = Rational(profile.costs[winner[budgetClass]])
            for (source, count) in sources[budgetClass] where source != 0 {
                sum += exactLoad(Int(source), profile) * Rational(count)
            }
            let load = sum / Rational(profile.supporterCounts[winner[budgetClass]])
            exact[budgetClass] = load
            return load
        }
    }

    static func select(_ profile: CountingProfile) -> [Int] {
        let projectCount = profile.projectCount
        var remaining = (0..<projectCount).filter { profile.costs[$0] <= profile.budget }
        var classes = Classes()
        var sumApprox = [Double](repeating: 0, count: projectCount)
        var sumError = [Double](repeating: 0, count: projectCount)
        var classOfBallot = [Int32](repeating: 0, count: profile.ballotCount)
        let costDouble = profile.costs.map(\.doubleValue)
        let costError = profile.costs.map { $0.bitWidth <= 53 ? 0 : abs($0.doubleValue) * epsilon }
        var histogram = [Int](repeating: 0, count: projectCount + 2)
        var spent = BigInt.zero
        var selected: [Int] = []

        /// The exact new load of `project` from its supporters' classes (one pass over them).
        func exactNewLoad(_ project: Int) -> Rational {
            var counts: [Int32: Int] = [:]
            for position in profile.supporterOffsets[project]..<profile.supporterOffsets[project + 1] {
                let ballot = Int(profile.supporterBallots[position])
                counts[classOfBallot[ballot], default: 0] += profile.ballotWeights[ballot]
            }
            var sum = Rational(profile.costs[project])
            for (budgetClass, count) in counts where budgetClass != 0 {
                sum += classes.exactLoad(Int(budgetClass), profile) * Rational(count)
            }
            return sum / Rational(profile.supporterCounts[project])
        }

        while !remaining.isEmpty {
            var lows: [(project: Int, lower: Double)] = []
            var minimumUpper = Double.infinity
            var best = (project: -1, load: Double.infinity, error: 0.0)
            for project in remaining where profile.supporterCounts[project] > 0 {
                let supporters = Double(profile.supporterCounts[project])
                let numerator = sumApprox[project] + costDouble[project]
                let load = numerator / supporters
                // The propagated bound, kept as it is for the class the load may become; decisions
                // widen it by a safety factor that is never compounded from round to round.
                let error = (sumError[project] + costError[project] + abs(numerator) * epsilon) / supporters + abs(load) * epsilon
                let margin = 2 * error + abs(load) * 1e-14
                lows.append((project, load - margin))
                if load + margin < minimumUpper {
                    minimumUpper = load + margin
                    best = (project, load, error)
                }
            }
            // The projects attaining the minimum new load; exact loads only when intervals overlap.
            var tied: [Int]
            var winningLoad: (approx: Double, error: Double, exact: Rational?)?
            if lows.isEmpty {
                tied = remaining
            } else {
                let contenders = lows.filter { $0.lower <= minimumUpper }.map(\.project)
                if contenders.count == 1 {
                    tied = contenders
                    winningLoad = (best.load, best.error, nil)
                } else {
                    tied = []
                    var minimum: Rational?
                    for project in contenders {
                        let load = exactNewLoad(project)
                        if minimum == nil || load < minimum! {
                            minimum = load
                            tied = [project]
                        } else if load == minimum! {
                            tied.append(project)
                        }
                    }
                    // `contenders` is not empty, so `minimum` was set.
                    let exact = minimum!
                    winningLoad = (exact.doubleValue, abs(exact.doubleValue) * epsilon, exact)
                }
            }
            if tied.contains(where: { spent + profile.costs[$0] > profile.budget }) { break }
            // `tied` is not empty: either `remaining` is, or the contenders are.
            let winner = tied.min { profile.identifierRank[$0] < profile.identifierRank[$1] }!
            selected.append(winner)
            spent += profile.costs[winner]
            remaining.removeAll { $0 == winner }
            guard let load = winningLoad else { continue }

            // The winner's supporters form a new class at the winning load.
            let newClass = classes.approx.count
            var sources: [(class: Int32, count: Int)] = []
            let start = profile.supporterOffsets[winner]
            let end = profile.supporterOffsets[winner + 1]
            for position in start..<end {
                let ballot = Int(profile.supporterBallots[position])
                let oldClass = Int(classOfBallot[ballot])
                if histogram[oldClass] == 0 { sources.append((Int32(oldClass), 0)) }
                histogram[oldClass] += profile.ballotWeights[ballot]
            }
            for index in sources.indices {
                let oldClass = Int(sources[index].class)
                sources[index].count = histogram[oldClass]
                histogram[oldClass] = 0
            }
            classes.approx.append(load.approx)
            classes.error.append(load.error)
            classes.exact.append(load.exact)
            classes.winner.append(winner)
            classes.sources.append(sources)

            profile.ballotOffsets.withUnsafeBufferPointer { offsets in
                profile.ballotProjects.withUnsafeBufferPointer { members in
                    sumApprox.withUnsafeMutableBufferPointer { sums in
                        sumError.withUnsafeMutableBufferPointer { errors in
                            for position in start..<end {
                                let ballot = Int(profile.supporterBallots[position])
                                let weight = Double(profile.ballotWeights[ballot])
                                let oldClass = Int(classOfBallot[ballot])
                                let delta = load.approx - classes.approx[oldClass]
                                let change = weight * delta
                                let changeError = weight * (load.error + classes.error[oldClass]) + abs(change) * 2 * epsilon
                                for member in offsets[ballot]..<offsets[ballot + 1] {
                                    let project = Int(members[member])
                                    sums[project] += change
                                    errors[project] += changeError + abs(sums[project]) * epsilon
                                }
                                classOfBallot[ballot] = Int32(newClass)
                            }
                        }
                    }
                }
            }
        }
        return selected
    }
}
