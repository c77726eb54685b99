extension ParticipationRecord {
    /// Every public act of participation in `process`, from a tenant archive: published
    /// propositions (attributed to the author who submitted them), comments, supports,
    /// opinions, petition signatures, questionnaire responses and counted ballots. Content the
    /// public may not see (drafts, ``PublicVisibility``; hidden or pending under moderation,
    /// `view`) is not counted, and neither are supports and opinions on it, nor signatures of a
    /// hidden petition.
    public static func records(of process: ProcessID, in archive: TenantArchive, view: ModerationView) -> [ParticipationRecord] {
        var records: [ParticipationRecord] = []
        var publicPropositions: Set<PropositionID> = []
        for record in archive.propositions
        where record.proposition.processID == process && PublicVisibility.isPublic(record.proposition)
            && view.publicProposition(record.proposition) != nil
        {
            publicPropositions.insert(record.proposition.id)
            guard let author = record.proposition.authors.first else { continue }
            let offline = if case .transcribed = record.proposition.origin { true } else { false }
            records.append(ParticipationRecord(participantID: author, type: "proposition", isOffline: offline))
        }
        for comment in archive.comments
        where comment.processID == process && PublicVisibility.isPublic(comment) && view.publicComment(comment) != nil {
            records.append(ParticipationRecord(participantID: comment.authorID, type: "comment", isOffline: false))
        }
        for support in archive.supports where support.processID == process && publicPropositions.contains(support.propositionID) {
            records.append(ParticipationRecord(participantID: support.supporterID, type: "support", isOffline: false))
        }
        for opinion in archive.opinions
        where opinion.processID == process && publicPropositions.contains(opinion.propositionID) && view.publicOpinion(opinion) != nil {
            records.append(ParticipationRecord(participantID: opinion.participantID, type: "opinion", isOffline: false))
        }
        for petition in archive.petitions where petition.petition.processID == process && view.publicPetition(petition.petition) != nil {
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
