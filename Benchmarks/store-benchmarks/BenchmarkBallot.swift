/// The synthetic ballot both benchmark paths write: deterministic, so runs compare.
struct BenchmarkBallot {
    /// Lines on each ballot: a participatory-budget ballot choosing five projects.
    static let linesPerBallot = 5
    /// Projects on offer in the synthetic vote.
    static let projectCount = 40

    let number: Int

    var voterID: String { "voter-\(number)" }

    /// The project chosen on line `position` (0-based); distinct within a ballot.
    func projectID(at position: Int) -> String {
        "project-\((number * 7 + position * 3) % Self.projectCount)"
    }
}
