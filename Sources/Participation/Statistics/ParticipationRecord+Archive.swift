extension ParticipationRecord {
    /// Every public act of participation in `process`, from a tenant archive: published
    /// propositions (attributed to the author who submitted them), comments, supports,
    /// opinions, petition signatures, questionnaire responses and counted ballots. Content the
    /// public may not see (``PublicView``: drafts, hidden or pending under moderation) is not
    /// counted, and neither are supports, opinions and comments on it, nor signatures of a
    /// hidden petition.
    public static func records(of process: ProcessID, in archive: TenantArchive, view: PublicView) -> [ParticipationRecord] {
        var records: [ParticipationRecord] = []
        var publicPropositions: Set<PropositionID> = []
        let publicPetitions = Set(archive.petitions.map(\.petition).filter { view.isPublic($0) }.map(\.id))
        for record in archive.propositions where record.proposition.processID == process && view.isPublic(record.proposition) {
            publicPropositions.insert(record.proposition.id)
            guard let author = record.proposition.authors.first else { continue }
            let offline = if case .transcribed = record.proposition.origin { true } else { false }
            records.append(ParticipationRecord(participantID: author, type: "proposition", isOffline: offline))
        }
        func isPublicSubject(_ subject: ContributionSubject) -> Bool {
            switch subject {
            case .process: true
            case .proposition(let id): publicPropositions.contains(id)
            case .petition(let id): publicPetitions.contains(id)
            }
        }
        for comment in archive.comments where comment.processID == process && view.isPublic(comment) && isPublicSubject(comment.subject) {
            records.append(ParticipationRecord(participantID: comment.authorID, type: "comment", isOffline: false))
        }
        for support in archive.supports where support.processID == process && publicPropositions.contains(support.propositionID) {
            records.append(ParticipationRecord(participantID: support.supporterID, type: "support", isOffline: false))
        }
        for opinion in archive.opinions
        where opinion.processID == process && publicPropositions.contains(opinion.propositionID) && view.isPublic(opinion) {
            records.append(ParticipationRecord(participantID: opinion.participantID, type: "opinion", isOffline: false))
        }
        for petition in archive.petitions where petition.petition.processID == process && publicPetitions.contains(petition.petition.id) {
            for signature in petition.signatures {
                records.append(ParticipationRecord(participantID: signature.signerID, type: "signature", isOffline: false))
            }
        }
        let questionnaires = Set(archive.questionnaires.filter { $0.processID == process }.map(\.id))
        for response in archive.questionnaireResponses where questionnaires.contains(response.questionnaireID) {
            records.append(ParticipationRecord(participantID: response.participantID, type: "questionnaire-response", isOffline: false))
        }
        for ballot in archive.ballots.sorted(by: { $0.id < $1.id }) where ballot.processID == process {
            let offline: Bool =
                switch ballot.channel {
                case .online, .kiosk: false
                case .paper, .assisted: true
                }
            records.append(
                ParticipationRecord(participantID: ballot.voterID, type: "ballot", channel: ballot.channel.name, isOffline: offline))
        }
        return records
    }
}
