#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A yes/no votation bundling one or more questions (Grenoble's yearly "votation
/// citoyenne"), each adopted by its ``rule``.
public struct Votation: Hashable, Sendable, Codable, Identifiable {
    public let id: VotationID
    public let tenantID: TenantID
    /// The process whose phases open and close the vote and whose eligibility rule for
    /// `.vote` says who votes.
    public let processID: ProcessID
    public let title: String
    public let questions: [VotationQuestion]
    public let rule: VotationRule
    public let createdAt: Date

    public init(
        id: VotationID, tenantID: TenantID, processID: ProcessID, title: String, questions: [VotationQuestion],
        rule: VotationRule, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.processID = processID
        self.title = title
        self.questions = questions
        self.rule = rule
        self.createdAt = createdAt
    }
}

/// A votation's id.
public typealias VotationID = Identifier<Votation>

/// One yes/no question of a votation, optionally born from a petition sent to votation.
public struct VotationQuestion: Hashable, Sendable, Codable, Identifiable {
    public let id: VotationQuestionID
    public let text: String
    public let petitionID: PetitionID?

    public init(id: VotationQuestionID, text: String, petitionID: PetitionID? = nil) {
        self.id = id
        self.text = text
        self.petitionID = petitionID
    }
}

/// A votation question's id, unique within its votation.
public typealias VotationQuestionID = Identifier<VotationQuestion>

/// Yes or no.
public enum VotationAnswer: String, Hashable, Sendable, Codable, CaseIterable {
    case yes, no
}

/// One voter's answers to a votation: one ballot per voter and votation. A question left out
/// is a blank for that question.
public struct VotationBallot: Hashable, Sendable, Codable {
    public let tenantID: TenantID
    public let votationID: VotationID
    public let voterID: ParticipantID
    public let answers: [VotationQuestionID: VotationAnswer]
    public let castAt: Date

    public init(
        tenantID: TenantID, votationID: VotationID, voterID: ParticipantID, answers: [VotationQuestionID: VotationAnswer],
        castAt: Date
    ) {
        self.tenantID = tenantID
        self.votationID = votationID
        self.voterID = voterID
        self.answers = answers
        self.castAt = castAt
    }
}

/// The count of one question and whether the rule adopts it.
public struct VotationResult: Hashable, Sendable {
    public let question: VotationQuestion
    public let inFavour: Int
    public let against: Int
    public let adopted: Bool

    public init(question: VotationQuestion, inFavour: Int, against: Int, adopted: Bool) {
        self.question = question
        self.inFavour = inFavour
        self.against = against
        self.adopted = adopted
    }

    /// The results of `votation` from its per-question counts, question by question in its order.
    public static func results(of votation: Votation, counts: [VotationQuestionID: VotationCount]) -> [VotationResult] {
        votation.questions.map { question in
            let count = counts[question.id] ?? VotationCount()
            return VotationResult(
                question: question, inFavour: count.inFavour, against: count.against,
                adopted: votation.rule.isAdopted(for: count.inFavour, against: count.against))
        }
    }
}

/// The yes and no answers one question received.
public struct VotationCount: Hashable, Sendable, Codable {
    public var inFavour: Int
    public var against: Int

    public init(inFavour: Int = 0, against: Int = 0) {
        self.inFavour = inFavour
        self.against = against
    }
}
