/// How a process handles contributions: who reviews its propositions, the tenant's own
/// review reasons and public statuses, and the rules of supports. Set by an administrator;
/// a process without rules uses ``ContributionRules/init(processID:tenantID:)``'s defaults.
public struct ContributionRules: Hashable, Sendable, Codable {
    public let processID: ProcessID
    public let tenantID: TenantID
    /// The body that decides admissibility (technical services, élus, a joint committee).
    public var reviewingBody: ReviewingBody
    /// Review reasons the tenant adds to ``ReviewReason/standard``.
    public var tenantReasons: [ReviewReason]
    /// Public statuses the tenant adds to ``PropositionStatus/standard``.
    public var tenantStatuses: [PropositionStatus]
    /// Quota, minimum and maximum of supports.
    public var supports: SupportRules
    /// The number of eligible signatures that sends a petition of the process to debate
    /// (Grenoble: 2,000); nil when the process takes no petitions.
    public var petitionThreshold: Int?
    /// The status a petition takes by itself at the threshold.
    public var petitionThresholdStatus: PetitionStatus

    public init(
        processID: ProcessID, tenantID: TenantID, reviewingBody: ReviewingBody = ReviewingBody(kind: .technicalServices),
        tenantReasons: [ReviewReason] = [], tenantStatuses: [PropositionStatus] = [], supports: SupportRules = SupportRules(),
        petitionThreshold: Int? = nil, petitionThresholdStatus: PetitionStatus = .toBeDebated
    ) {
        self.processID = processID
        self.tenantID = tenantID
        self.reviewingBody = reviewingBody
        self.tenantReasons = tenantReasons
        self.tenantStatuses = tenantStatuses
        self.supports = supports
        self.petitionThreshold = petitionThreshold
        self.petitionThresholdStatus = petitionThresholdStatus
    }

    /// Whether `reason` is a standard reason or one the tenant added.
    public func accepts(_ reason: ReviewReason) -> Bool {
        ReviewReason.standard.contains(reason) || tenantReasons.contains(reason)
    }

    /// Whether a reviewer may set `status`: a standard or tenant status other than those the
    /// author's lifecycle sets (draft, submitted, withdrawn).
    public func accepts(_ status: PropositionStatus) -> Bool {
        if [.draft, .submitted, .withdrawn].contains(status) { return false }
        return PropositionStatus.standard.contains(status) || tenantStatuses.contains(status)
    }
}

/// Who judges a process's propositions.
public struct ReviewingBody: Hashable, Sendable, Codable {
    /// The kinds of reviewing body the survey's cities use.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The collectivité's technical services.
        case technicalServices
        /// Élus.
        case electedOfficials
        /// A joint committee of élus and volunteer citizens ("commission paritaire").
        case jointCommittee
    }

    public var kind: Kind
    /// The body's public name ("Commission paritaire du budget participatif"), if any.
    public var name: String?

    public init(kind: Kind, name: String? = nil) {
        self.kind = kind
        self.name = name
    }
}

extension ReviewReason {
    /// The survey's standard reasons.
    public static let standard: [ReviewReason] = [
        .outsideCompetence, .illegal, .alreadyExists, .tooExpensive, .notRetained, .retained,
    ]
}

extension PropositionStatus {
    /// The standard statuses, in lifecycle order.
    public static let standard: [PropositionStatus] = [
        .draft, .submitted, .underReview, .admissible, .inadmissible, .retained, .notRetained, .withdrawn,
        .inProgress, .realised,
    ]
}
