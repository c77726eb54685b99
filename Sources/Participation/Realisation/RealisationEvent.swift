#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One dated step in carrying out a retained project: a study, a tender, works starting,
/// delivery, or abandonment with its reason. Citizens read these as a timeline
/// ("frise chronologique"); staff record them.
public struct RealisationEvent: Hashable, Sendable, Codable, Identifiable {
    public let id: RealisationEventID
    public let tenantID: TenantID
    public let propositionID: PropositionID
    public let kind: RealisationEventKind
    /// The day the step happened (or is reported for), which may be earlier than ``recordedAt``.
    public let on: Date
    /// A public note; for ``RealisationEventKind/abandoned`` the reason, which is required.
    public let note: String
    /// The progress reached, 0...100, when the step reports one.
    public let progressPercent: Int?
    /// The money spent so far in integer cents (cumulative), when the step reports it.
    public let spentToDate: Int64?
    public let recordedBy: ParticipantID
    public let recordedAt: Date

    public init(
        id: RealisationEventID, tenantID: TenantID, propositionID: PropositionID, kind: RealisationEventKind, on: Date,
        note: String = "", progressPercent: Int? = nil, spentToDate: Int64? = nil, recordedBy: ParticipantID,
        recordedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.propositionID = propositionID
        self.kind = kind
        self.on = on
        self.note = note
        self.progressPercent = progressPercent
        self.spentToDate = spentToDate
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A realisation event's id.
public typealias RealisationEventID = Identifier<RealisationEvent>

/// The kinds of step a realisation goes through.
public enum RealisationEventKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A technical or feasibility study.
    case study
    /// A call for tenders (marché public).
    case tender
    /// Works have started.
    case worksStarted
    /// A progress or spending update with no milestone.
    case progressUpdate
    /// The project is delivered; the timeline ends.
    case delivered
    /// The project is abandoned, with a public reason; the timeline ends.
    case abandoned

    /// Whether the timeline ends with this step.
    public var isFinal: Bool { self == .delivered || self == .abandoned }
}
