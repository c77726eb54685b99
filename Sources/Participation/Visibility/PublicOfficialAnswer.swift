#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An official answer as the public sees it: the official shown as ``AuthorDisplay`` shows staff.
public struct PublicOfficialAnswer: Hashable, Sendable, Identifiable {
    public let id: OfficialAnswerID
    public let processID: ProcessID
    public let subject: ContributionSubject
    public let author: PublicAuthor
    public let role: Role
    public let onBehalfOf: String?
    public let body: String
    public let at: Date

    init(_ answer: OfficialAnswer, authors: AuthorDisplay) {
        id = answer.id
        processID = answer.processID
        subject = answer.subject
        author = authors.author(answer.authorID)
        role = answer.role
        onBehalfOf = answer.onBehalfOf
        body = answer.body
        at = answer.at
    }
}
