extension TenantArchive {
    /// Checks what an import relies on: this format, every row in the archive's tenant, and
    /// every reference pointing at a row of the archive.
    /// - Throws: `invalidInput` naming the first problem found.
    public func validate() throws {
        guard format == Self.currentFormat else {
            throw ParticipationError.invalid("format", "archive format \(format) is not supported (expected \(Self.currentFormat))")
        }
        let tenantID = tenant.id
        func requireTenant(_ id: TenantID, _ what: String) throws {
            guard id == tenantID else {
                throw ParticipationError.invalid(what, "a \(what) belongs to tenant '\(id)', not '\(tenantID)'")
            }
        }
        let participantIDs = Set(participants.map(\.id))
        let processIDs = Set(processes.map(\.id))
        let propositionIDs = Set(propositions.map(\.proposition.id))
        let commentIDs = Set(comments.map(\.id))
        let petitionIDs = Set(petitions.map(\.petition.id))
        let votationIDs = Set(votations.map(\.id))
        let questionnaireIDs = Set(questionnaires.map(\.id))
        func require<ID: Hashable>(_ id: ID, in ids: Set<ID>, _ what: String) throws {
            guard ids.contains(id) else { throw ParticipationError.invalid(what, "\(what) '\(id)' is not in the archive") }
        }
        for participant in participants { try requireTenant(participant.tenantID, "participant") }
        guard participantIDs.count == participants.count else { throw ParticipationError.invalid("participant", "duplicate participant ids") }
        for binding in identityBindings { try require(binding.participantID, in: participantIDs, "participant") }
        for (index, charter) in charters.enumerated() {
            try requireTenant(charter.tenantID, "charter")
            guard charter.version == index + 1 else { throw ParticipationError.invalid("charter", "charter versions must be 1, 2, 3…") }
        }
        for acceptance in charterAcceptances {
            try requireTenant(acceptance.tenantID, "charter acceptance")
            try require(acceptance.participantID, in: participantIDs, "participant")
            guard (1...max(1, charters.count)).contains(acceptance.version), !charters.isEmpty else {
                throw ParticipationError.invalid("charter acceptance", "charter version \(acceptance.version) is not in the archive")
            }
        }
        for process in processes { try requireTenant(process.tenantID, "process") }
        for rules in contributionRules {
            try requireTenant(rules.tenantID, "contribution rules")
            try require(rules.processID, in: processIDs, "process")
        }
        for record in propositions {
            try requireTenant(record.proposition.tenantID, "proposition")
            try require(record.proposition.processID, in: processIDs, "process")
            for event in record.realisation { try requireTenant(event.tenantID, "realisation event") }
        }
        for support in supports {
            try requireTenant(support.tenantID, "support")
            try require(support.propositionID, in: propositionIDs, "proposition")
            try require(support.supporterID, in: participantIDs, "participant")
        }
        for opinion in opinions {
            try requireTenant(opinion.tenantID, "opinion")
            try require(opinion.propositionID, in: propositionIDs, "proposition")
            try require(opinion.participantID, in: participantIDs, "participant")
        }
        var earlierComments: Set<CommentID> = []
        for comment in comments {
            try requireTenant(comment.tenantID, "comment")
            try require(comment.processID, in: processIDs, "process")
            try require(comment.authorID, in: participantIDs, "participant")
            switch comment.subject {
            case .process: break
            case .proposition(let id): try require(id, in: propositionIDs, "proposition")
            case .petition(let id): try require(id, in: petitionIDs, "petition")
            }
            if let parent = comment.parentID { try require(parent, in: earlierComments, "parent comment") }
            earlierComments.insert(comment.id)
        }
        for vote in commentVotes {
            try requireTenant(vote.tenantID, "comment vote")
            try require(vote.commentID, in: commentIDs, "comment")
            try require(vote.voterID, in: participantIDs, "participant")
        }
        for answer in officialAnswers {
            try requireTenant(answer.tenantID, "official answer")
            try require(answer.processID, in: processIDs, "process")
        }
        for record in petitions {
            try requireTenant(record.petition.tenantID, "petition")
            try require(record.petition.processID, in: processIDs, "process")
            for signature in record.signatures {
                try requireTenant(signature.tenantID, "signature")
                guard signature.petitionID == record.petition.id else {
                    throw ParticipationError.invalid("signature", "a signature is filed under another petition")
                }
                try require(signature.signerID, in: participantIDs, "participant")
            }
        }
        for votation in votations {
            try requireTenant(votation.tenantID, "votation")
            try require(votation.processID, in: processIDs, "process")
        }
        for ballot in votationBallots {
            try requireTenant(ballot.tenantID, "votation ballot")
            try require(ballot.votationID, in: votationIDs, "votation")
            try require(ballot.voterID, in: participantIDs, "participant")
        }
        for questionnaire in questionnaires {
            try requireTenant(questionnaire.tenantID, "questionnaire")
            try require(questionnaire.processID, in: processIDs, "process")
        }
        for response in questionnaireResponses {
            try requireTenant(response.tenantID, "questionnaire response")
            try require(response.questionnaireID, in: questionnaireIDs, "questionnaire")
            try require(response.participantID, in: participantIDs, "participant")
        }
        var voters: Set<String> = []
        for ballot in ballots {
            try requireTenant(ballot.tenantID, "ballot")
            try require(ballot.processID, in: processIDs, "process")
            try require(ballot.voterID, in: participantIDs, "participant")
            guard voters.insert("\(ballot.processID)\u{0}\(ballot.voterID)").inserted else {
                throw ParticipationError.invalid(
                    "ballot", "participant '\(ballot.voterID)' has two counted ballots in process '\(ballot.processID)'")
            }
        }
        guard Set(ballots.map(\.id)).isDisjoint(with: retiredBallotIDs) else {
            throw ParticipationError.invalid("ballot", "a counted ballot's id is listed as retired")
        }
        for conflict in ballotConflicts {
            try requireTenant(conflict.tenantID, "ballot conflict")
            try require(conflict.processID, in: processIDs, "process")
        }
        for follow in follows {
            try requireTenant(follow.tenantID, "follow")
            try require(follow.participantID, in: participantIDs, "participant")
        }
        for preference in notificationPreferences { try require(preference.participantID, in: participantIDs, "participant") }
        for notification in notifications { try requireTenant(notification.tenantID, "notification") }
        for post in newsPosts {
            try requireTenant(post.tenantID, "news post")
            try require(post.processID, in: processIDs, "process")
        }
        for synthesis in syntheses {
            try requireTenant(synthesis.tenantID, "synthesis")
            try require(synthesis.processID, in: processIDs, "process")
        }
        for tag in contributionTags {
            try requireTenant(tag.tenantID, "contribution tag")
            try require(tag.processID, in: processIDs, "process")
            try require(tag.taggedBy, in: participantIDs, "participant")
            switch tag.contribution {
            case .proposition(let id): try require(id, in: propositionIDs, "proposition")
            case .comment(let id): try require(id, in: commentIDs, "comment")
            }
        }
        for state in moderationStates {
            try requireTenant(state.tenantID, "moderation state")
            try require(state.processID, in: processIDs, "process")
        }
        for report in contentReports {
            try requireTenant(report.tenantID, "content report")
            try require(report.reporterID, in: participantIDs, "participant")
        }
        for block in participantBlocks {
            try requireTenant(block.tenantID, "participant block")
            try require(block.participantID, in: participantIDs, "participant")
        }
        for entry in auditLog { try requireTenant(entry.tenantID, "audit entry") }
    }
}
