/// Sequential Phragmén as pabutools' `sequential_phragmen` computes it.
///
/// Voters start with load 0. In each round every remaining project `p` (only those costing at
/// most the budget take part) gets `new_load(p) = (Σ_{i∈S(p)} load_i + cost(p)) / |S(p)|`, infinite
/// when unsupported. Let `T` be the projects attaining the minimum: if any of them does not fit
/// the remaining budget the rule stops; otherwise the one with the smallest id is bought and its
/// supporters' loads become that minimum. Unsupported projects (all tied at infinity) therefore
/// come last, and only while every one of them still fits.
///
/// Loads are tracked in `Double` with an error bound; rounds where two projects come within the
/// bound are settled with exact rational loads (a voter's load is the exact load of the last
/// project she paid for), so the outcome is exact.
enum PhragmenRule {
    private static let epsilon = 0x1p-52

    static func select(_ profile: CountingProfile) -> [Int] {
        let projectCount = profile.projectCount
        var remaining = (0..<projectCount).filter { profile.costs[$0] <= profile.budget }
        let classCapacity = remaining.count + 1
        // counts[p * classCapacity + c]: supporters of p whose load is the load of class c.
        var counts = [Int](repeating: 0, count: projectCount * classCapacity)
        for project in 0..<projectCount {
            counts[project * classCapacity] = profile.supporterCounts[project]
        }
        var classExact: [Rational] = [.zero]
        var classApprox: [Double] = [0]
        var classError: [Double] = [0]
        var sumApprox = [Double](repeating: 0, count: projectCount)
        var sumError = [Double](repeating: 0, count: projectCount)
        var classOfBallot = [Int32](repeating: 0, count: profile.ballotCount)
        let costDouble = profile.costs.map(\.doubleValue)
        let costError = profile.costs.map { $0.bitWidth <= 53 ? 0 : abs($0.doubleValue) * epsilon }
        var spent = BigInt.zero
        var selected: [Int] = []

        func exactLoad(_ project: Int) -> Rational {
            var sum = Rational(profile.costs[project])
            for budgetClass in 1..<classExact.count {
                let count = counts[project * classCapacity + budgetClass]
                if count != 0 { sum += classExact[budgetClass] * Rational(count) }
            }
            return sum / Rational(profile.supporterCounts[project])
        }

        while !remaining.isEmpty {
            var tied: [Int]
            var winningLoad: Rational?
            var lows: [(project: Int, lower: Double)] = []
            var minimumUpper = Double.infinity
            for project in remaining where profile.supporterCounts[project] > 0 {
                let supporters = Double(profile.supporterCounts[project])
                let numerator = sumApprox[project] + costDouble[project]
                let load = numerator / supporters
                let error = 4 * ((sumError[project] + costError[project] + abs(numerator) * epsilon) / supporters + abs(load) * epsilon)
                    + abs(load) * 1e-14
                lows.append((project, load - error))
                minimumUpper = min(minimumUpper, load + error)
            }
            if lows.isEmpty {
                tied = remaining
            } else {
                let contenders = lows.filter { $0.lower <= minimumUpper }.map(\.project)
                if contenders.count == 1 {
                    tied = contenders
                    winningLoad = exactLoad(contenders[0])
                } else {
                    tied = []
                    for project in contenders {
                        let load = exactLoad(project)
                        if winningLoad == nil || load < winningLoad! {
                            winningLoad = load
                            tied = [project]
                        } else if load == winningLoad! {
                            tied.append(project)
                        }
                    }
                }
            }
            if tied.contains(where: { spent + profile.costs[$0] > profile.budget }) { break }
            // `tied` is non-empty: `remaining` is, and so is the set of contenders.
            let winner = tied.min { profile.identifierRank[$0] < profile.identifierRank[$1] }!
            selected.append(winner)
            spent += profile.costs[winner]
            remaining.removeAll { $0 == winner }
            guard let load = winningLoad else { continue }

            let newClass = classExact.count
            classExact.append(load)
            let loadApprox = load.doubleValue
            let loadError = abs(loadApprox) * epsilon
            classApprox.append(loadApprox)
            classError.append(loadError)
            for position in profile.supporterOffsets[winner]..<profile.supporterOffsets[winner + 1] {
                let ballot = Int(profile.supporterBallots[position])
                let weight = profile.ballotWeights[ballot]
                let oldClass = Int(classOfBallot[ballot])
                let delta = loadApprox - classApprox[oldClass]
                let deltaError = loadError + classError[oldClass] + abs(delta) * epsilon
                for member in profile.ballotOffsets[ballot]..<profile.ballotOffsets[ballot + 1] {
                    let project = Int(profile.ballotProjects[member])
                    counts[project * classCapacity + oldClass] -= weight
                    counts[project * classCapacity + newClass] += weight
                    sumApprox[project] += Double(weight) * delta
                    sumError[project] += Double(weight) * deltaError + abs(sumApprox[project]) * epsilon * 2
                }
                classOfBallot[ballot] = Int32(newClass)
            }
        }
        return selected
    }
}
