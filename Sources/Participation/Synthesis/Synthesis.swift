#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The collectivité's synthesis of a consultation: what it heard, point by point, each point
/// citing the contributions it draws on. Written by staff as a draft, validated by an élu,
/// then published; only published syntheses are public.
public struct Synthesis: Hashable, Sendable, Codable, Identifiable {
    public let id: SynthesisID
    public let tenantID: TenantID
    public let processID: ProcessID
    public var title: String
    public var introduction: String
    public var points: [SynthesisPoint]
    public var state: SynthesisState
    /// The official who validated the current text, and when; cleared when a validated draft is edited.
    public var validatedBy: ParticipantID?
    public var validatedAt: Date?
    public var publishedAt: Date?
    /// Incremented by storage on every update; writers pass the revision they read.
    public var revision: Int
    public let createdBy: ParticipantID
    public let createdAt: Date

    public init(
        id: SynthesisID, tenantID: TenantID, processID: ProcessID, title: String, introduction: String = "",
        points: [SynthesisPoint] = [], state: SynthesisState = .draft, validatedBy: ParticipantID? = nil,
        validatedAt: Date? = nil, publishedAt: Date? = nil, revision: Int = 0, createdBy: ParticipantID, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.title = title
        self.introduction = introduction
        self.points = points
        self.state = state
        self.validatedBy = validatedBy
        self.validatedAt = validatedAt
        self.publishedAt = publishedAt
        self.revision = revision
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// The points that cite `contribution`.
    public func points(citing contribution: ContributionReference) -> [SynthesisPoint] {
        points.filter { $0.citations.contains(contribution) }
    }
}

/// A synthesis's id.
public typealias SynthesisID = Identifier<Synthesis>

/// One point of a synthesis: a theme heard, what the collectivité draws from it, and the
/// contributions it rests on.
public struct SynthesisPoint: Hashable, Sendable, Codable, Identifiable {
    public let id: String
    public var title: String
    public var body: String
    /// The cited contributions, in the order the point gives them; never empty.
    public var citations: [ContributionReference]

    public init(id: String, title: String, body: String, citations: [ContributionReference]) {
        self.id = id
        self.title = title
        self.body = body
        self.citations = citations
    }
}

/// Where a synthesis is in its workflow: draft → validated (by an élu) → published.
public enum SynthesisState: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, validated, published
}

/// One published synthesis point that cites a contribution: "what became of my contribution".
public struct SynthesisCitation: Hashable, Sendable {
    public let synthesisID: SynthesisID
    public let synthesisTitle: String
    public let point: SynthesisPoint
    public let publishedAt: Date

    public init(synthesisID: SynthesisID, synthesisTitle: String, point: SynthesisPoint, publishedAt: Date) {
        self.synthesisID = synthesisID
        self.synthesisTitle = synthesisTitle
        self.point = point
        self.publishedAt = publishedAt
    }
}
