import Participation

/// Contribution values the checks store on top of ``Fixture/populate(_:)``.
enum ContributionFixture {
    static let tenant = Fixture.tenantA.id

    /// Populates, then stores published propositions `p-1`…`p-<count>` in bp-1 and people
    /// `c1`…`c<people>`.
    static func populate(_ storage: any ParticipationStorage, propositions count: Int = 3, people: Int = 0) async throws {
        try await Fixture.populate(storage)
        for index in 0..<count {
            let proposition = Fixture.proposition(PropositionID(rawValue: "p-\(index + 1)"))
            try await storage.insertProposition(
                proposition, version: Fixture.firstVersion(of: proposition), status: Fixture.submitted(proposition))
        }
        for index in 0..<people {
            try await storage.insertParticipant(Fixture.person(ParticipantID(rawValue: "c\(index + 1)")))
        }
    }

    static func support(_ proposition: PropositionID, by supporter: ParticipantID = "alice") -> Support {
        Support(tenantID: tenant, processID: "bp-1", propositionID: proposition, supporterID: supporter, at: Fixture.date)
    }

    static func petition(_ id: PetitionID = "pet-1", threshold: Int) -> Petition {
        Petition(
            id: id, tenantID: tenant, processID: "bp-1", authors: ["alice"], title: "Petition \(id)", body: "Body",
            threshold: threshold, createdAt: Fixture.date)
    }

    static func opened(_ petition: Petition) -> PetitionStatusChange {
        PetitionStatusChange(petitionID: petition.id, status: .open, justification: "opened", by: "alice", at: Fixture.date)
    }

    static func signature(_ petition: PetitionID = "pet-1", by signer: ParticipantID) -> PetitionSignature {
        PetitionSignature(tenantID: tenant, petitionID: petition, signerID: signer, at: Fixture.date)
    }

    static func comment(
        _ id: CommentID, on subject: ContributionSubject = .proposition("p-1"), parent: CommentID? = nil,
        by author: ParticipantID = "alice"
    ) -> ContributionComment {
        ContributionComment(
            id: id, tenantID: tenant, processID: "bp-1", subject: subject, parentID: parent, authorID: author,
            body: "Comment \(id)", stance: .inFavour, createdAt: Fixture.date)
    }
}
