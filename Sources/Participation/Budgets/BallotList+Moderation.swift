extension BallotList {
    /// The same ballot with only the projects in `shown`: the public list leaves out projects
    /// the public cannot see (hidden, pending).
    public func keeping(_ shown: Set<PropositionID>) -> BallotList {
        BallotList(
            scope: scope, envelope: envelope, costs: costs.filter { shown.contains($0.key) },
            elsewhere: elsewhere.filter { shown.contains($0.key) })
    }

    init(scope: DistrictID?, envelope: Int64, costs: [PropositionID: Int64], elsewhere: [PropositionID: DistrictID?]) {
        self.scope = scope
        self.envelope = envelope
        self.costs = costs
        self.elsewhere = elsewhere
    }
}

extension BallotTally {
    /// The counts of the projects in `shown` only: ballots and channels stay whole, a hidden
    /// project's supporters and points are left out.
    public func keeping(_ shown: Set<PropositionID>) -> BallotTally {
        var kept = self
        kept.supporters = supporters.filter { shown.contains($0.key) }
        kept.points = points.filter { shown.contains($0.key) }
        return kept
    }
}

extension BudgetResult {
    /// The result with the projects in `shown` only: a hidden project's support and selection are left out.
    public func keeping(_ shown: Set<PropositionID>) -> BudgetResult {
        var kept = self
        kept.scopes = scopes.map { scope in
            var scope = scope
            scope.supporters = scope.supporters.filter { shown.contains($0.key) }
            scope.selected = scope.selected.filter { shown.contains($0) }
            return scope
        }
        return kept
    }
}

extension Ballot {
    /// The ballot with only the choices in `shown`, for public exports: a choice of a hidden
    /// project is left out, so that its votes cannot be counted from the export.
    public func keeping(_ shown: Set<PropositionID>) -> Ballot {
        Ballot(
            id: id, tenantID: tenantID, processID: processID, voterID: voterID, scope: scope, channel: channel,
            choices: choices.filter { shown.contains($0.propositionID) }, castAt: castAt)
    }
}
