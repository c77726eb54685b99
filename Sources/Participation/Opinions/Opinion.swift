#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A participant's opinion on a proposition: for, against or mixed, with an optional
/// argument. One per participant and proposition; giving another replaces it while the
/// phase allows opinions.
public struct Opinion: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let processID: ProcessID
    public let propositionID: PropositionID
    public let participantID: ParticipantID
    public let stance: OpinionStance
    /// Why ("vote argumenté"), if the participant said.
    public let argument: String?
    public let at: Date

    public init(
        tenantID: TenantID, processID: ProcessID, propositionID: PropositionID, participantID: ParticipantID,
        stance: OpinionStance, argument: String? = nil, at: Date
    ) {
        self.tenantID = tenantID
        self.processID = processID
        self.propositionID = propositionID
        self.participantID = participantID
        self.stance = stance
        self.argument = argument
        self.at = at
    }
}

/// Pour, contre, mitigé.
public enum OpinionStance: String, Hashable, Sendable, Codable, CaseIterable {
    case inFavour = "for", against, mixed
}

/// How many opinions of each stance a proposition has.
public struct OpinionSummary: Hashable, Sendable {
    public var inFavour = 0
    public var against = 0
    public var mixed = 0

    public init(_ stances: [OpinionStance] = []) {
        for stance in stances {
            switch stance {
            case .inFavour: inFavour += 1
            case .against: against += 1
            case .mixed: mixed += 1
            }
        }
    }
}
