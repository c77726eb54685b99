#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The phase state machine, as pure functions on a process value.
///
/// Phases run in order: a phase opens only when no phase is open, every earlier phase is closed
/// and its preconditions hold; it then closes; a closed phase can be reopened, with a reason,
/// only while the next phase has not opened. Every function returns the changed process or
/// throws ``ParticipationError/Code/invalidTransition`` saying why, leaving the value as it was.
extension ParticipatoryProcess {
    /// The process with `phaseID` opened at `date`.
    public func openingPhase(_ phaseID: PhaseID, at date: Date, facts: PhaseFacts) throws -> ParticipatoryProcess {
        try requireWritable()
        let index = try phaseIndex(phaseID)
        let phase = phases[index]
        guard phase.state == .upcoming else {
            throw transitionError("phase '\(phase.name)' is \(phase.state.rawValue); only an upcoming phase opens (reopen a closed one)")
        }
        if let open = currentPhase {
            throw transitionError("phase '\(open.name)' is still open; close it first")
        }
        if let earlier = phases[..<index].first(where: { $0.state != .closed }) {
            throw transitionError("phase '\(earlier.name)' comes first and has not run")
        }
        for precondition in phase.preconditions.sorted(by: { $0.rawValue < $1.rawValue }) {
            switch precondition {
            case .allPropositionsReviewed where facts.unreviewedPropositions > 0:
                throw transitionError("\(facts.unreviewedPropositions) proposition(s) still await review")
            case .voteRulesSet where voteRules == nil:
                throw transitionError("the vote rules are not set")
            default: continue
            }
        }
        var changed = self
        changed.phases[index].state = .open
        changed.phases[index].openedAt = date
        changed.phases[index].closedAt = nil
        return changed
    }

    /// The process with the open phase `phaseID` closed at `date`.
    public func closingPhase(_ phaseID: PhaseID, at date: Date) throws -> ParticipatoryProcess {
        try requireWritable()
        let index = try phaseIndex(phaseID)
        guard phases[index].state == .open else {
            throw transitionError("phase '\(phases[index].name)' is not open")
        }
        var changed = self
        changed.phases[index].state = .closed
        changed.phases[index].closedAt = date
        return changed
    }

    /// The process with the closed phase `phaseID` open again at `date`. The caller logs the
    /// reason; a reopen is refused once a later phase has opened.
    public func reopeningPhase(_ phaseID: PhaseID, at date: Date) throws -> ParticipatoryProcess {
        try requireWritable()
        let index = try phaseIndex(phaseID)
        let phase = phases[index]
        guard phase.state == .closed else {
            throw transitionError("phase '\(phase.name)' is \(phase.state.rawValue); only a closed phase reopens")
        }
        if let open = currentPhase {
            throw transitionError("phase '\(open.name)' is open; close it first")
        }
        if let later = phases[(index + 1)...].first(where: { $0.openedAt != nil }) {
            throw transitionError("phase '\(later.name)' has already opened after it")
        }
        var changed = self
        changed.phases[index].state = .open
        changed.phases[index].closedAt = nil
        return changed
    }

    private func phaseIndex(_ id: PhaseID) throws -> Int {
        guard let index = phases.firstIndex(where: { $0.id == id }) else { throw ParticipationError.notFound("phase", id) }
        return index
    }

    private func transitionError(_ message: String) -> ParticipationError {
        ParticipationError(.invalidTransition, message, field: "phase")
    }
}
