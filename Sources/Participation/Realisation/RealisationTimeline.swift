#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The public follow-up of one retained project: its dated events, the progress reached and
/// the money spent against the estimate, all in integer cents.
///
/// The rules a timeline keeps, checked by ``appending(_:)``: events are in date order, nothing
/// follows delivery or abandonment, progress stays within 0...100 and never goes back, spending
/// is cumulative and never negative, and delivery means 100 %.
public struct RealisationTimeline: Hashable, Sendable, Codable {
    public let propositionID: PropositionID
    /// The project's estimated cost in cents, from the proposition.
    public let estimatedCost: Int64?
    /// The events, oldest first.
    public private(set) var events: [RealisationEvent]

    public init(propositionID: PropositionID, estimatedCost: Int64?, events: [RealisationEvent] = []) {
        self.propositionID = propositionID
        self.estimatedCost = estimatedCost
        self.events = events
    }

    /// Where the project stands.
    public var state: RealisationState {
        switch events.last?.kind {
        case nil: .notStarted
        case .delivered: .delivered
        case .abandoned: .abandoned
        default: .underway
        }
    }

    /// The latest progress reported, 100 once delivered, 0 before any report.
    public var progressPercent: Int {
        if state == .delivered { return 100 }
        return events.last(where: { $0.progressPercent != nil })?.progressPercent ?? 0
    }

    /// The latest cumulative spending reported, in cents (0 before any report).
    public var spent: Int64 { events.last(where: { $0.spentToDate != nil })?.spentToDate ?? 0 }

    /// Spending minus the estimate, in cents: positive for an overrun, negative while under
    /// it; nil without an estimate.
    public var differenceFromEstimate: Int64? { estimatedCost.map { spent - $0 } }

    /// The timeline with `event` appended, or an error saying which rule it breaks.
    /// - Throws: `invalidTransition` after a final event; `invalidInput` (naming the field) for
    ///   a date before the last event, progress outside 0...100 or going back, negative or
    ///   decreasing spending, delivery below 100 %, or an abandonment without a reason.
    public func appending(_ event: RealisationEvent) throws -> RealisationTimeline {
        if let last = events.last {
            guard !last.kind.isFinal else {
                throw ParticipationError(
                    .invalidTransition, "the project is already \(last.kind.rawValue); its timeline is closed", field: "kind")
            }
            guard event.on >= last.on else {
                throw ParticipationError.invalid("on", "an event cannot be dated before the previous one")
            }
        }
        if let progress = event.progressPercent {
            guard (0...100).contains(progress) else {
                throw ParticipationError.invalid("progressPercent", "progress must be within 0...100")
            }
            guard progress >= progressPercent else {
                throw ParticipationError.invalid("progressPercent", "progress cannot go back from \(progressPercent) %")
            }
        }
        if let spentToDate = event.spentToDate {
            _ = try Validate.cents(spentToDate, field: "spentToDate")
            guard spentToDate >= spent else {
                throw ParticipationError.invalid(
                    "spentToDate", "spending is cumulative and cannot fall below \(Money.format(spent))")
            }
        }
        if event.kind == .delivered, let progress = event.progressPercent, progress != 100 {
            throw ParticipationError.invalid("progressPercent", "a delivered project is at 100 %")
        }
        if event.kind == .abandoned, Validate.trimmed(event.note).isEmpty {
            throw ParticipationError.invalid("note", "an abandonment must give its reason")
        }
        guard event.propositionID == propositionID else {
            throw ParticipationError.invalid("propositionID", "the event belongs to another project")
        }
        var next = self
        next.events.append(event)
        return next
    }
}

/// Where a project's realisation stands.
public enum RealisationState: String, Hashable, Sendable, Codable {
    case notStarted, underway, delivered, abandoned
}
