#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An idea or project submitted to a process: a proposition in a consultation, a project in a
/// participatory budget.
public struct Proposition: Hashable, Sendable, Codable, Identifiable {
    public let id: PropositionID
    public let tenantID: TenantID
    public let processID: ProcessID
    /// The authors: one participant, several co-authors, or a collective participant (whose
    /// representative acted for it). The first author submitted it.
    public var authors: [ParticipantID]
    /// Where it came from: online, or transcribed by an agent from paper.
    public var origin: PropositionOrigin
    public var title: String
    public var body: String
    /// The estimated cost in integer cents, if any (entered by the author, adjusted by review).
    public var estimatedCost: Int64?
    /// The district the project is for, in district budgets.
    public var districtID: DistrictID?
    public var themes: Set<String>
    public var location: GeoPoint?
    /// References (URLs or storage keys) to attached files; the library stores no file.
    public var attachments: [String]
    /// Draft, published or withdrawn.
    public var lifecycle: PropositionLifecycle
    /// The public status (submitted, admissible, retained…), with its history kept apart.
    public var status: PropositionStatus
    /// The number of the latest version; 1 on creation.
    public var version: Int
    /// Incremented by storage on every update; writers pass the revision they read.
    public var revision: Int
    public let createdAt: Date

    public init(
        id: PropositionID, tenantID: TenantID, processID: ProcessID, authors: [ParticipantID],
        origin: PropositionOrigin = .online, title: String, body: String, estimatedCost: Int64? = nil,
        districtID: DistrictID? = nil, themes: Set<String> = [], location: GeoPoint? = nil,
        attachments: [String] = [], lifecycle: PropositionLifecycle = .draft, status: PropositionStatus = .draft,
        version: Int = 1, revision: Int = 0, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.authors = authors
        self.origin = origin
        self.title = title
        self.body = body
        self.estimatedCost = estimatedCost
        self.districtID = districtID
        self.themes = themes
        self.location = location
        self.attachments = attachments
        self.lifecycle = lifecycle
        self.status = status
        self.version = version
        self.revision = revision
        self.createdAt = createdAt
    }

    /// Whether it awaits a review decision (published, not yet judged).
    public var awaitsReview: Bool {
        lifecycle == .published && (status == .submitted || status == .underReview)
    }
}

/// A proposition's id.
public typealias PropositionID = Identifier<Proposition>

/// Where a proposition came from.
public enum PropositionOrigin: Hashable, Sendable, Codable {
    /// Typed in by its author online.
    case online
    /// Transcribed by an agent from an offline source.
    case transcribed(OfflineSource, agentID: ParticipantID, place: String?)
}

/// The offline sources the survey's cities collect ideas from.
public enum OfflineSource: String, Hashable, Sendable, Codable, CaseIterable {
    case paperForm, labelledVenue, marketStand, workshop
}

/// A point on the map (WGS 84 degrees).
public struct GeoPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    /// Creates a point, refusing coordinates outside the globe.
    public init(latitude: Double, longitude: Double) throws {
        guard (-90...90).contains(latitude) else { throw ParticipationError.invalid("latitude", "latitude must be within -90...90") }
        guard (-180...180).contains(longitude) else {
            throw ParticipationError.invalid("longitude", "longitude must be within -180...180")
        }
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A proposition's lifecycle, as its author sees it.
public enum PropositionLifecycle: String, Hashable, Sendable, Codable {
    case draft, published, withdrawn
}

/// The public status of a proposition. The standard statuses cover the survey's "code
/// couleur"; a tenant may add its own.
public struct PropositionStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let draft = Self(rawValue: "draft")
    public static let submitted = Self(rawValue: "submitted")
    public static let underReview = Self(rawValue: "under-review")
    /// Judged admissible: goes on to co-construction or the ballot.
    public static let admissible = Self(rawValue: "admissible")
    /// Judged not admissible; the history says why.
    public static let inadmissible = Self(rawValue: "inadmissible")
    /// Won the vote, or retained by the collectivité.
    public static let retained = Self(rawValue: "retained")
    /// Lost the vote, or not retained.
    public static let notRetained = Self(rawValue: "not-retained")
    public static let withdrawn = Self(rawValue: "withdrawn")
    public static let inProgress = Self(rawValue: "in-progress")
    public static let realised = Self(rawValue: "realised")
}
