#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A version of a proposition's text, kept on every edit so citizens can compare the original
/// with the reworked text.
public struct PropositionVersion: Hashable, Sendable, Codable {
    public let propositionID: PropositionID
    public let number: Int
    public let title: String
    public let body: String
    public let estimatedCost: Int64?
    public let editedBy: ParticipantID
    public let at: Date
    /// Why it changed ("rewritten with the author after the workshop").
    public let note: String?

    public init(
        propositionID: PropositionID, number: Int, title: String, body: String, estimatedCost: Int64?,
        editedBy: ParticipantID, at: Date, note: String? = nil
    ) {
        self.propositionID = propositionID
        self.number = number
        self.title = title
        self.body = body
        self.estimatedCost = estimatedCost
        self.editedBy = editedBy
        self.at = at
        self.note = note
    }
}

/// A dated entry of a proposition's public status history, with its justification.
public struct StatusChange: Hashable, Sendable, Codable {
    public let propositionID: PropositionID
    public let status: PropositionStatus
    /// The standard or tenant reason, for review decisions.
    public let reason: ReviewReason?
    /// The public justification.
    public let justification: String
    public let by: ParticipantID
    public let at: Date

    public init(
        propositionID: PropositionID, status: PropositionStatus, reason: ReviewReason? = nil, justification: String,
        by: ParticipantID, at: Date
    ) {
        self.propositionID = propositionID
        self.status = status
        self.reason = reason
        self.justification = justification
        self.by = by
        self.at = at
    }
}

/// Why a reviewing body decided as it did. The standard reasons come from the survey; a tenant
/// may add its own.
public struct ReviewReason: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let outsideCompetence = Self(rawValue: "outside-competence")
    public static let illegal = Self(rawValue: "illegal")
    public static let alreadyExists = Self(rawValue: "already-exists-or-planned")
    public static let tooExpensive = Self(rawValue: "too-expensive")
    public static let notRetained = Self(rawValue: "not-retained")
    public static let retained = Self(rawValue: "retained")
}
