#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation

// MARK: - TenantArchiveStorage

extension SQLiteStore {
    public func tenantArchive(of tenant: TenantID) async throws -> TenantArchive {
        try await read { db in try db.readTenantArchive(tenant) }
    }

    public func importTenantArchive(_ archive: TenantArchive) async throws {
        try archive.validate()
        try await write { db in try db.writeTenantArchive(archive) }
    }
}

extension SQLiteConnection {
    /// Every row of `tenantID`, inside the caller's read transaction.
    func readTenantArchive(_ tenantID: TenantID) throws -> TenantArchive {
        guard let tenant = try fetchValue(Tenant.self, sql: "SELECT value FROM tenant WHERE id = ?", arguments: [tenantID.argument])
        else { throw ParticipationError.notFound("tenant", tenantID) }
        let t: [SQLiteValue] = [tenantID.argument]
        func values<Value: Decodable>(_ type: Value.Type, _ sql: String, _ arguments: [SQLiteValue] = t) throws -> [Value] {
            try fetchValues(type, sql: sql, arguments: arguments)
        }
        var archive = TenantArchive(tenant: tenant)
        archive.participants = try values(Participant.self, "SELECT value FROM participant WHERE tenant_id = ?")
        archive.identityBindings = try fetchAll(sql: """
            SELECT identity_key, participant_id FROM participant_identity WHERE tenant_id = ?
            """, arguments: t) {
            TenantArchive.IdentityBinding(identityKey: $0.string(at: 0), participantID: ParticipantID(rawValue: $0.string(at: 1)))
        }
        archive.charters = try values(Charter.self, "SELECT value FROM charter WHERE tenant_id = ? ORDER BY version")
        archive.charterAcceptances = try fetchAll(sql: """
            SELECT participant_id, version, accepted_at FROM charter_acceptance WHERE tenant_id = ?
            """, arguments: t) {
            CharterAcceptance(
                tenantID: tenantID, participantID: ParticipantID(rawValue: $0.string(at: 0)), version: $0.int(at: 1),
                acceptedAt: Date(storedSeconds: $0.double(at: 2) ?? 0))
        }
        archive.processes = try values(ParticipatoryProcess.self, "SELECT value FROM process WHERE tenant_id = ?")
        archive.contributionRules = try values(ContributionRules.self, "SELECT value FROM contribution_rules WHERE tenant_id = ?")
        archive.propositions = try values(Proposition.self, "SELECT value FROM proposition WHERE tenant_id = ?").map { proposition in
            let key: [SQLiteValue] = [tenantID.argument, proposition.id.argument]
            return TenantArchive.PropositionRecord(
                proposition: proposition,
                versions: try values(PropositionVersion.self, """
                    SELECT value FROM proposition_version WHERE tenant_id = ? AND proposition_id = ? ORDER BY sequence
                    """, key),
                statusHistory: try values(StatusChange.self, """
                    SELECT value FROM proposition_status WHERE tenant_id = ? AND proposition_id = ? ORDER BY sequence
                    """, key),
                realisation: try values(RealisationEvent.self, """
                    SELECT value FROM realisation_event WHERE tenant_id = ? AND proposition_id = ? ORDER BY position
                    """, key))
        }
        archive.supports = try values(Support.self, "SELECT value FROM support WHERE tenant_id = ?")
        archive.opinions = try values(Opinion.self, "SELECT value FROM opinion WHERE tenant_id = ?")
        archive.comments = try values(ContributionComment.self, "SELECT value FROM comment WHERE tenant_id = ? ORDER BY sequence")
        archive.commentVotes = try values(CommentVote.self, "SELECT value FROM comment_vote WHERE tenant_id = ?")
        archive.officialAnswers = try values(OfficialAnswer.self, "SELECT value FROM official_answer WHERE tenant_id = ? ORDER BY sequence")
        archive.petitions = try values(Petition.self, "SELECT value FROM petition WHERE tenant_id = ?").map { petition in
            let key: [SQLiteValue] = [tenantID.argument, petition.id.argument]
            return TenantArchive.PetitionRecord(
                petition: petition,
                statusHistory: try values(PetitionStatusChange.self, """
                    SELECT value FROM petition_status WHERE tenant_id = ? AND petition_id = ? ORDER BY sequence
                    """, key),
                signatures: try fetchAll(sql: """
                    SELECT signer_id, signed_at FROM petition_signature WHERE tenant_id = ? AND petition_id = ?
                    """, arguments: key) {
                    PetitionSignature(
                        tenantID: tenantID, petitionID: petition.id, signerID: ParticipantID(rawValue: $0.string(at: 0)),
                        at: Date(storedSeconds: $0.double(at: 1) ?? 0))
                })
        }
        archive.votations = try values(Votation.self, "SELECT value FROM votation WHERE tenant_id = ?")
        archive.votationBallots = try values(VotationBallot.self, "SELECT value FROM votation_ballot WHERE tenant_id = ?")
        archive.questionnaires = try values(Questionnaire.self, "SELECT value FROM questionnaire WHERE tenant_id = ?")
        archive.questionnaireResponses = try values(QuestionnaireResponse.self, "SELECT value FROM questionnaire_response WHERE tenant_id = ?")
        let headers = try fetchAll(sql: """
            SELECT process_id, \(StoredBallot.headerColumns) FROM ballot WHERE tenant_id = ?
            """, arguments: t) { (ProcessID(rawValue: $0.string(at: 0)), try StoredBallot.header($0, at: 1)) }
        archive.ballots = try headers.map { process, header in
            header.ballot(tenant: tenantID, process: process, choices: try ballotChoices(sequence: header.sequence))
        }
        archive.retiredBallotIDs = try fetchAll(sql: """
            SELECT id FROM ballot_id WHERE tenant_id = ?1 AND id NOT IN (SELECT id FROM ballot WHERE tenant_id = ?1)
            """, arguments: t) { BallotID(rawValue: $0.string(at: 0)) }
        archive.ballotConflicts = try values(BallotConflict.self, "SELECT value FROM ballot_conflict WHERE tenant_id = ? ORDER BY sequence")
        archive.follows = try values(Follow.self, "SELECT value FROM follow WHERE tenant_id = ?")
        archive.notificationPreferences = try fetchAll(sql: """
            SELECT participant_id, frequency FROM notification_preference WHERE tenant_id = ?
            """, arguments: t) { row in
            let raw = row.string(at: 1)
            guard let frequency = NotificationFrequency(rawValue: raw) else {
                throw ParticipationError.storageFailure(diagnostic: "stored notification frequency '\(raw)' is unknown")
            }
            return TenantArchive.NotificationPreference(participantID: ParticipantID(rawValue: row.string(at: 0)), frequency: frequency)
        }
        archive.notifications = try values(Notification.self, "SELECT value FROM notification WHERE tenant_id = ? ORDER BY sequence")
        archive.newsPosts = try values(NewsPost.self, "SELECT value FROM news_post WHERE tenant_id = ? ORDER BY sequence")
        archive.syntheses = try values(Synthesis.self, "SELECT value FROM synthesis WHERE tenant_id = ?")
        archive.contributionTags = try values(ContributionTag.self, "SELECT value FROM contribution_tag WHERE tenant_id = ?")
        archive.moderationStates = try values(ModerationState.self, "SELECT value FROM moderation_state WHERE tenant_id = ?")
        archive.contentReports = try values(ContentReport.self, "SELECT value FROM content_report WHERE tenant_id = ? ORDER BY sequence")
        archive.participantBlocks = try values(ParticipantBlock.self, "SELECT value FROM participant_block WHERE tenant_id = ?")
        archive.auditLog = try values(AuditEntry.self, "SELECT value FROM audit_entry WHERE tenant_id = ? ORDER BY sequence")
        return archive.normalised()
    }

    /// Inserts every row of a validated archive, inside the caller's write transaction.
    /// - Throws: `duplicate` if the tenant exists; `notFound` if its parent does not.
    func writeTenantArchive(_ archive: TenantArchive) throws {
        let tenant = archive.tenant
        let t = tenant.id.argument
        try execute(sql: "INSERT INTO tenant (id, parent_id, value) VALUES (?, ?, ?)",
            arguments: [t, tenant.parentID.argument(), .text(try StoredValue.encode(tenant))]
        ) { code in
            switch code {
            case .constraintPrimaryKey: .duplicate("tenant", tenant.id)
            case .constraintForeignKey: .notFound("tenant", tenant.parentID ?? tenant.id)
            default: nil
            }
        }
        func insert(_ sql: String, _ arguments: [SQLiteValue]) throws { try execute(sql: sql, arguments: arguments) }
        func json(_ value: some Encodable) throws -> SQLiteValue { .text(try StoredValue.encode(value)) }
        for participant in archive.participants { try insertParticipant(participant, value: try StoredValue.encode(participant)) }
        for binding in archive.identityBindings {
            try insert("INSERT INTO participant_identity (tenant_id, identity_key, participant_id) VALUES (?, ?, ?)",
                [t, .text(binding.identityKey), binding.participantID.argument])
        }
        for charter in archive.charters {
            try insert("INSERT INTO charter (tenant_id, version, value) VALUES (?, ?, ?)",
                [t, .integer(Int64(charter.version)), try json(charter)])
        }
        for acceptance in archive.charterAcceptances {
            try insert("INSERT INTO charter_acceptance (tenant_id, participant_id, version, accepted_at) VALUES (?, ?, ?, ?)",
                [t, acceptance.participantID.argument, .integer(Int64(acceptance.version)), .real(acceptance.acceptedAt.storedSeconds)])
        }
        for process in archive.processes {
            try insert("INSERT INTO process (tenant_id, id, revision, value) VALUES (?, ?, ?, ?)",
                [t, process.id.argument, .integer(Int64(process.revision)), try json(process)])
        }
        for rules in archive.contributionRules {
            try insert("INSERT INTO contribution_rules (tenant_id, process_id, value) VALUES (?, ?, ?)",
                [t, rules.processID.argument, try json(rules)])
        }
        for record in archive.propositions {
            let proposition = record.proposition
            try insert("""
                INSERT INTO proposition (tenant_id, id, process_id, awaits_review, revision, value) VALUES (?, ?, ?, ?, ?, ?)
                """, [
                    t, proposition.id.argument, proposition.processID.argument, .integer(proposition.awaitsReview ? 1 : 0),
                    .integer(Int64(proposition.revision)), try json(proposition),
                ])
            for version in record.versions {
                try insert("INSERT INTO proposition_version (tenant_id, proposition_id, value) VALUES (?, ?, ?)",
                    [t, proposition.id.argument, try json(version)])
            }
            for status in record.statusHistory {
                try insert("INSERT INTO proposition_status (tenant_id, proposition_id, value) VALUES (?, ?, ?)",
                    [t, proposition.id.argument, try json(status)])
            }
            for (position, event) in record.realisation.enumerated() {
                try insert("INSERT INTO realisation_event (tenant_id, proposition_id, position, id, value) VALUES (?, ?, ?, ?, ?)",
                    [t, proposition.id.argument, .integer(Int64(position)), event.id.argument, try json(event)])
            }
        }
        for support in archive.supports {
            try insert("INSERT INTO support (tenant_id, process_id, proposition_id, supporter_id, value) VALUES (?, ?, ?, ?, ?)",
                [t, support.processID.argument, support.propositionID.argument, support.supporterID.argument, try json(support)])
        }
        for opinion in archive.opinions {
            try insert("INSERT INTO opinion (tenant_id, proposition_id, participant_id, value) VALUES (?, ?, ?, ?)",
                [t, opinion.propositionID.argument, opinion.participantID.argument, try json(opinion)])
        }
        for comment in archive.comments {
            try insert("INSERT INTO comment (tenant_id, id, process_id, subject, parent_id, value) VALUES (?, ?, ?, ?, ?, ?)",
                [t, comment.id.argument, comment.processID.argument, .text(comment.subject.description), comment.parentID.argument(), try json(comment)])
        }
        for vote in archive.commentVotes {
            try insert("INSERT INTO comment_vote (tenant_id, comment_id, voter_id, vote, value) VALUES (?, ?, ?, ?, ?)",
                [t, vote.commentID.argument, vote.voterID.argument, .text(vote.value.rawValue), try json(vote)])
        }
        for answer in archive.officialAnswers {
            try insert("INSERT INTO official_answer (tenant_id, id, process_id, subject, value) VALUES (?, ?, ?, ?, ?)",
                [t, answer.id.argument, answer.processID.argument, .text(answer.subject.description), try json(answer)])
        }
        for record in archive.petitions {
            let petition = record.petition
            try insert("INSERT INTO petition (tenant_id, id, process_id, revision, value) VALUES (?, ?, ?, ?, ?)",
                [t, petition.id.argument, petition.processID.argument, .integer(Int64(petition.revision)), try json(petition)])
            for status in record.statusHistory {
                try insert("INSERT INTO petition_status (tenant_id, petition_id, value) VALUES (?, ?, ?)",
                    [t, petition.id.argument, try json(status)])
            }
            for signature in record.signatures {
                try insert("INSERT INTO petition_signature (tenant_id, petition_id, signer_id, signed_at) VALUES (?, ?, ?, ?)",
                    [t, petition.id.argument, signature.signerID.argument, .real(signature.at.storedSeconds)])
            }
        }
        for votation in archive.votations {
            try insert("INSERT INTO votation (tenant_id, id, process_id, value) VALUES (?, ?, ?, ?)",
                [t, votation.id.argument, votation.processID.argument, try json(votation)])
        }
        for ballot in archive.votationBallots {
            try insert("INSERT INTO votation_ballot (tenant_id, votation_id, voter_id, value) VALUES (?, ?, ?, ?)",
                [t, ballot.votationID.argument, ballot.voterID.argument, try json(ballot)])
            for (question, answer) in ballot.answers.sorted(by: { $0.key < $1.key }) {
                try insert("""
                    INSERT INTO votation_answer (tenant_id, votation_id, voter_id, question_id, answer) VALUES (?, ?, ?, ?, ?)
                    """, [t, ballot.votationID.argument, ballot.voterID.argument, question.argument, .text(answer.rawValue)])
            }
        }
        for questionnaire in archive.questionnaires {
            try insert("INSERT INTO questionnaire (tenant_id, id, process_id, value) VALUES (?, ?, ?, ?)",
                [t, questionnaire.id.argument, questionnaire.processID.argument, try json(questionnaire)])
        }
        for response in archive.questionnaireResponses {
            try insert("INSERT INTO questionnaire_response (tenant_id, questionnaire_id, participant_id, value) VALUES (?, ?, ?, ?)",
                [t, response.questionnaireID.argument, response.participantID.argument, try json(response)])
        }
        for ballot in archive.ballots { try insertBallot(ballot) }
        for id in archive.retiredBallotIDs { try insert("INSERT INTO ballot_id (tenant_id, id) VALUES (?, ?)", [t, id.argument]) }
        for conflict in archive.ballotConflicts {
            try insert("INSERT INTO ballot_conflict (tenant_id, process_id, value) VALUES (?, ?, ?)",
                [t, conflict.processID.argument, try json(conflict)])
        }
        for follow in archive.follows {
            try insert("INSERT INTO follow (tenant_id, participant_id, target, value) VALUES (?, ?, ?, ?)",
                [t, follow.participantID.argument, .text(follow.target.description), try json(follow)])
        }
        for preference in archive.notificationPreferences {
            try insert("INSERT INTO notification_preference (tenant_id, participant_id, frequency) VALUES (?, ?, ?)",
                [t, preference.participantID.argument, .text(preference.frequency.rawValue)])
        }
        for notification in archive.notifications {
            try insert("""
                INSERT INTO notification (tenant_id, id, event_id, recipient_id, due_at, delivered_at, value) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [
                    t, notification.id.argument, notification.eventID.argument, notification.recipientID.argument,
                    .real(notification.dueAt.storedSeconds), notification.deliveredAt.map { .real($0.storedSeconds) } ?? .null,
                    try json(notification),
                ])
        }
        for post in archive.newsPosts {
            try insert("INSERT INTO news_post (tenant_id, id, process_id, value) VALUES (?, ?, ?, ?)",
                [t, post.id.argument, post.processID.argument, try json(post)])
        }
        for synthesis in archive.syntheses { try insertSynthesis(synthesis, value: try StoredValue.encode(synthesis)) }
        for tag in archive.contributionTags { try insertContributionTag(tag, value: try StoredValue.encode(tag)) }
        for state in archive.moderationStates { try storeModerationState(state) }
        for report in archive.contentReports {
            try insert("""
                INSERT INTO content_report (tenant_id, item_kind, item_id, item_owner, reporter_id, value) VALUES (?, ?, ?, ?, ?, ?)
                """, [t] + report.item.arguments + [report.reporterID.argument, try json(report)])
        }
        for block in archive.participantBlocks {
            try insert("INSERT INTO participant_block (tenant_id, participant_id, value) VALUES (?, ?, ?)",
                [t, block.participantID.argument, try json(block)])
        }
        for entry in archive.auditLog { try insertAudit(entry) }
    }
}
