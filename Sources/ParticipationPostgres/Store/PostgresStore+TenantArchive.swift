#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Participation
import PostgresNIO

// MARK: - TenantArchiveStorage

extension PostgresStore {
    public func tenantArchive(of tenant: TenantID) async throws -> TenantArchive {
        try await read { db in try await db.readTenantArchive(tenant) }
    }

    public func importTenantArchive(_ archive: TenantArchive) async throws {
        try archive.validate()
        try await write { db in try await db.writeTenantArchive(archive) }
    }
}

extension PostgresTransaction {
    /// Every row of `tenantID`, inside the caller's read transaction (one snapshot).
    func readTenantArchive(_ tenantID: TenantID) async throws -> TenantArchive {
        let t = tenantID.rawValue
        guard let tenant = try await fetchValue(Tenant.self, "SELECT value::text FROM tenant WHERE id = \(t)") else {
            throw ParticipationError.notFound("tenant", tenantID)
        }
        var archive = TenantArchive(tenant: tenant)
        archive.participants = try await fetchValues(Participant.self, "SELECT value::text FROM participant WHERE tenant_id = \(t)")
        archive.identityBindings = try await fetchAll("""
            SELECT identity_key, participant_id FROM participant_identity WHERE tenant_id = \(t)
            """) { row in
            let (key, participant) = try row.decode((String, String).self)
            return TenantArchive.IdentityBinding(identityKey: key, participantID: ParticipantID(rawValue: participant))
        }
        archive.charters = try await fetchValues(Charter.self, "SELECT value::text FROM charter WHERE tenant_id = \(t) ORDER BY version")
        archive.charterAcceptances = try await fetchAll("""
            SELECT participant_id, version, accepted_at FROM charter_acceptance WHERE tenant_id = \(t)
            """) { row in
            let (participant, version, acceptedAt) = try row.decode((String, Int, Double).self)
            return CharterAcceptance(
                tenantID: tenantID, participantID: ParticipantID(rawValue: participant), version: version,
                acceptedAt: Date(storedSeconds: acceptedAt))
        }
        archive.processes = try await fetchValues(ParticipatoryProcess.self, "SELECT value::text FROM process WHERE tenant_id = \(t)")
        archive.contributionRules = try await fetchValues(
            ContributionRules.self, "SELECT value::text FROM contribution_rules WHERE tenant_id = \(t)")
        var propositions: [TenantArchive.PropositionRecord] = []
        for proposition in try await fetchValues(Proposition.self, "SELECT value::text FROM proposition WHERE tenant_id = \(t)") {
            let p = proposition.id.rawValue
            propositions.append(TenantArchive.PropositionRecord(
                proposition: proposition,
                versions: try await fetchValues(PropositionVersion.self, """
                    SELECT value::text FROM proposition_version WHERE tenant_id = \(t) AND proposition_id = \(p) ORDER BY sequence
                    """),
                statusHistory: try await fetchValues(StatusChange.self, """
                    SELECT value::text FROM proposition_status WHERE tenant_id = \(t) AND proposition_id = \(p) ORDER BY sequence
                    """),
                realisation: try await fetchValues(RealisationEvent.self, """
                    SELECT value::text FROM realisation_event WHERE tenant_id = \(t) AND proposition_id = \(p) ORDER BY position
                    """)))
        }
        archive.propositions = propositions
        archive.supports = try await fetchValues(Support.self, "SELECT value::text FROM support WHERE tenant_id = \(t)")
        archive.opinions = try await fetchValues(Opinion.self, "SELECT value::text FROM opinion WHERE tenant_id = \(t)")
        archive.comments = try await fetchValues(
            ContributionComment.self, "SELECT value::text FROM comment WHERE tenant_id = \(t) ORDER BY sequence")
        archive.commentVotes = try await fetchValues(CommentVote.self, "SELECT value::text FROM comment_vote WHERE tenant_id = \(t)")
        archive.officialAnswers = try await fetchValues(
            OfficialAnswer.self, "SELECT value::text FROM official_answer WHERE tenant_id = \(t) ORDER BY sequence")
        var petitions: [TenantArchive.PetitionRecord] = []
        for petition in try await fetchValues(Petition.self, "SELECT value::text FROM petition WHERE tenant_id = \(t)") {
            let p = petition.id.rawValue
            petitions.append(TenantArchive.PetitionRecord(
                petition: petition,
                statusHistory: try await fetchValues(PetitionStatusChange.self, """
                    SELECT value::text FROM petition_status WHERE tenant_id = \(t) AND petition_id = \(p) ORDER BY sequence
                    """),
                signatures: try await fetchAll("""
                    SELECT signer_id, signed_at FROM petition_signature WHERE tenant_id = \(t) AND petition_id = \(p)
                    """) { row in
                    let (signer, signedAt) = try row.decode((String, Double).self)
                    return PetitionSignature(
                        tenantID: tenantID, petitionID: petition.id, signerID: ParticipantID(rawValue: signer),
                        at: Date(storedSeconds: signedAt))
                }))
        }
        archive.petitions = petitions
        archive.votations = try await fetchValues(Votation.self, "SELECT value::text FROM votation WHERE tenant_id = \(t)")
        archive.votationBallots = try await fetchValues(VotationBallot.self, "SELECT value::text FROM votation_ballot WHERE tenant_id = \(t)")
        archive.questionnaires = try await fetchValues(Questionnaire.self, "SELECT value::text FROM questionnaire WHERE tenant_id = \(t)")
        archive.questionnaireResponses = try await fetchValues(
            QuestionnaireResponse.self, "SELECT value::text FROM questionnaire_response WHERE tenant_id = \(t)")
        let headers = try await fetchAll("""
            SELECT \(unescaped: BallotRow.columns), process_id FROM ballot WHERE tenant_id = \(t)
            """) { row in
            (try BallotRow(row), ProcessID(rawValue: try row.makeRandomAccess()[10].decode(String.self)))
        }
        var ballots: [Ballot] = []
        for (header, process) in headers {
            ballots.append(header.ballot(tenant: tenantID, process: process, choices: try await ballotChoices(sequence: header.sequence)))
        }
        archive.ballots = ballots
        archive.retiredBallotIDs = try await fetchAll("""
            SELECT id FROM ballot_id WHERE tenant_id = \(t) AND id NOT IN (SELECT id FROM ballot WHERE tenant_id = \(t))
            """) { BallotID(rawValue: try $0.decode(String.self)) }
        archive.ballotConflicts = try await fetchValues(
            BallotConflict.self, "SELECT value::text FROM ballot_conflict WHERE tenant_id = \(t) ORDER BY sequence")
        archive.follows = try await fetchValues(Follow.self, "SELECT value::text FROM follow WHERE tenant_id = \(t)")
        archive.notificationPreferences = try await fetchAll("""
            SELECT participant_id, frequency FROM notification_preference WHERE tenant_id = \(t)
            """) { row in
            let (participant, raw) = try row.decode((String, String).self)
            guard let frequency = NotificationFrequency(rawValue: raw) else {
                throw ParticipationError.storageFailure(diagnostic: "stored notification frequency '\(raw)' is unknown")
            }
            return TenantArchive.NotificationPreference(participantID: ParticipantID(rawValue: participant), frequency: frequency)
        }
        archive.notifications = try await fetchValues(
            Notification.self, "SELECT value::text FROM notification WHERE tenant_id = \(t) ORDER BY sequence")
        archive.newsPosts = try await fetchValues(NewsPost.self, "SELECT value::text FROM news_post WHERE tenant_id = \(t) ORDER BY sequence")
        archive.syntheses = try await fetchValues(Synthesis.self, "SELECT value::text FROM synthesis WHERE tenant_id = \(t)")
        archive.contributionTags = try await fetchValues(
            ContributionTag.self, "SELECT value::text FROM contribution_tag WHERE tenant_id = \(t)")
        archive.moderationStates = try await fetchValues(
            ModerationState.self, "SELECT value::text FROM moderation_state WHERE tenant_id = \(t)")
        archive.contentReports = try await fetchValues(
            ContentReport.self, "SELECT value::text FROM content_report WHERE tenant_id = \(t) ORDER BY sequence")
        archive.participantBlocks = try await fetchValues(
            ParticipantBlock.self, "SELECT value::text FROM participant_block WHERE tenant_id = \(t)")
        archive.auditLog = try await fetchValues(AuditEntry.self, "SELECT value::text FROM audit_entry WHERE tenant_id = \(t) ORDER BY sequence")
        return archive.normalised()
    }

    /// Inserts every row of a validated archive, inside the caller's write transaction, in
    /// the order foreign keys and triggers need (charters by version, ballots before their
    /// retired ids…).
    /// - Throws: `duplicate` if the tenant exists; `notFound` if its parent does not.
    func writeTenantArchive(_ archive: TenantArchive) async throws {
        let tenant = archive.tenant
        let t = tenant.id.rawValue
        if try await tenantExists(tenant.id) { throw ParticipationError.duplicate("tenant", tenant.id) }
        if let parent = tenant.parentID, try await !tenantExists(parent) { throw ParticipationError.notFound("tenant", parent) }
        func json(_ value: some Encodable) throws -> String { try StoredDocument.encode(value) }
        try await execute("INSERT INTO tenant (id, parent_id, value) VALUES (\(t), \(tenant.parentID?.rawValue), \(try json(tenant))::jsonb)")
        for participant in archive.participants { try await insertParticipant(participant, value: try json(participant)) }
        for binding in archive.identityBindings {
            try await execute("""
                INSERT INTO participant_identity (tenant_id, identity_key, participant_id)
                VALUES (\(t), \(binding.identityKey), \(binding.participantID.rawValue))
                """)
        }
        for charter in archive.charters {
            try await execute("INSERT INTO charter (tenant_id, version, value) VALUES (\(t), \(charter.version), \(try json(charter))::jsonb)")
        }
        for acceptance in archive.charterAcceptances {
            try await execute("""
                INSERT INTO charter_acceptance (tenant_id, participant_id, version, accepted_at)
                VALUES (\(t), \(acceptance.participantID.rawValue), \(acceptance.version), \(acceptance.acceptedAt.storedSeconds))
                """)
        }
        for process in archive.processes {
            try await execute("""
                INSERT INTO process (tenant_id, id, revision, value) VALUES (\(t), \(process.id.rawValue), \(process.revision), \(try json(process))::jsonb)
                """)
        }
        for rules in archive.contributionRules {
            try await execute("""
                INSERT INTO contribution_rules (tenant_id, process_id, value) VALUES (\(t), \(rules.processID.rawValue), \(try json(rules))::jsonb)
                """)
        }
        for record in archive.propositions {
            let proposition = record.proposition
            let p = proposition.id.rawValue
            try await execute("""
                INSERT INTO proposition (tenant_id, id, process_id, awaits_review, revision, value)
                VALUES (\(t), \(p), \(proposition.processID.rawValue), \(proposition.awaitsReview), \(proposition.revision),
                    \(try json(proposition))::jsonb)
                """)
            for version in record.versions {
                try await execute("INSERT INTO proposition_version (tenant_id, proposition_id, value) VALUES (\(t), \(p), \(try json(version))::jsonb)")
            }
            for status in record.statusHistory {
                try await execute("INSERT INTO proposition_status (tenant_id, proposition_id, value) VALUES (\(t), \(p), \(try json(status))::jsonb)")
            }
            for (position, event) in record.realisation.enumerated() {
                try await execute("""
                    INSERT INTO realisation_event (tenant_id, proposition_id, position, id, value)
                    VALUES (\(t), \(p), \(position), \(event.id.rawValue), \(try json(event))::jsonb)
                    """)
            }
        }
        for support in archive.supports {
            try await execute("""
                INSERT INTO support (tenant_id, process_id, proposition_id, supporter_id, value)
                VALUES (\(t), \(support.processID.rawValue), \(support.propositionID.rawValue), \(support.supporterID.rawValue),
                    \(try json(support))::jsonb)
                """)
        }
        for opinion in archive.opinions {
            try await execute("""
                INSERT INTO opinion (tenant_id, proposition_id, participant_id, value)
                VALUES (\(t), \(opinion.propositionID.rawValue), \(opinion.participantID.rawValue), \(try json(opinion))::jsonb)
                """)
        }
        for comment in archive.comments {
            try await execute("""
                INSERT INTO comment (tenant_id, id, process_id, subject, parent_id, value)
                VALUES (\(t), \(comment.id.rawValue), \(comment.processID.rawValue), \(comment.subject.description),
                    \(comment.parentID?.rawValue), \(try json(comment))::jsonb)
                """)
        }
        for vote in archive.commentVotes {
            try await execute("""
                INSERT INTO comment_vote (tenant_id, comment_id, voter_id, vote, value)
                VALUES (\(t), \(vote.commentID.rawValue), \(vote.voterID.rawValue), \(vote.value.rawValue), \(try json(vote))::jsonb)
                """)
        }
        for answer in archive.officialAnswers {
            try await execute("""
                INSERT INTO official_answer (tenant_id, id, process_id, subject, value)
                VALUES (\(t), \(answer.id.rawValue), \(answer.processID.rawValue), \(answer.subject.description), \(try json(answer))::jsonb)
                """)
        }
        for record in archive.petitions {
            let petition = record.petition
            let p = petition.id.rawValue
            try await execute("""
                INSERT INTO petition (tenant_id, id, process_id, revision, value)
                VALUES (\(t), \(p), \(petition.processID.rawValue), \(petition.revision), \(try json(petition))::jsonb)
                """)
            for status in record.statusHistory {
                try await appendPetitionStatus(petition.id, in: tenant.id, value: try json(status))
            }
            for signature in record.signatures {
                try await execute("""
                    INSERT INTO petition_signature (tenant_id, petition_id, signer_id, signed_at)
                    VALUES (\(t), \(p), \(signature.signerID.rawValue), \(signature.at.storedSeconds))
                    """)
            }
        }
        for votation in archive.votations {
            try await execute("""
                INSERT INTO votation (tenant_id, id, process_id, value)
                VALUES (\(t), \(votation.id.rawValue), \(votation.processID.rawValue), \(try json(votation))::jsonb)
                """)
        }
        for ballot in archive.votationBallots {
            let (v, voter) = (ballot.votationID.rawValue, ballot.voterID.rawValue)
            try await execute("INSERT INTO votation_ballot (tenant_id, votation_id, voter_id, value) VALUES (\(t), \(v), \(voter), \(try json(ballot))::jsonb)")
            for (question, answer) in ballot.answers.sorted(by: { $0.key < $1.key }) {
                try await execute("""
                    INSERT INTO votation_answer (tenant_id, votation_id, voter_id, question_id, answer)
                    VALUES (\(t), \(v), \(voter), \(question.rawValue), \(answer.rawValue))
                    """)
            }
        }
        for questionnaire in archive.questionnaires {
            try await execute("""
                INSERT INTO questionnaire (tenant_id, id, process_id, value)
                VALUES (\(t), \(questionnaire.id.rawValue), \(questionnaire.processID.rawValue), \(try json(questionnaire))::jsonb)
                """)
        }
        for response in archive.questionnaireResponses {
            try await execute("""
                INSERT INTO questionnaire_response (tenant_id, questionnaire_id, participant_id, value)
                VALUES (\(t), \(response.questionnaireID.rawValue), \(response.participantID.rawValue), \(try json(response))::jsonb)
                """)
        }
        for ballot in archive.ballots { try await insertBallot(ballot) }
        for id in archive.retiredBallotIDs { try await execute("INSERT INTO ballot_id (tenant_id, id) VALUES (\(t), \(id.rawValue))") }
        for conflict in archive.ballotConflicts {
            try await execute("""
                INSERT INTO ballot_conflict (tenant_id, process_id, value) VALUES (\(t), \(conflict.processID.rawValue), \(try json(conflict))::jsonb)
                """)
        }
        for follow in archive.follows {
            try await execute("""
                INSERT INTO follow (tenant_id, participant_id, target, value)
                VALUES (\(t), \(follow.participantID.rawValue), \(follow.target.description), \(try json(follow))::jsonb)
                """)
        }
        for preference in archive.notificationPreferences {
            try await execute("""
                INSERT INTO notification_preference (tenant_id, participant_id, frequency)
                VALUES (\(t), \(preference.participantID.rawValue), \(preference.frequency.rawValue))
                """)
        }
        for notification in archive.notifications {
            try await execute("""
                INSERT INTO notification (tenant_id, id, event_id, recipient_id, due_at, delivered_at, value)
                VALUES (\(t), \(notification.id.rawValue), \(notification.eventID.rawValue), \(notification.recipientID.rawValue),
                    \(notification.dueAt.storedSeconds), \(notification.deliveredAt?.storedSeconds), \(try json(notification))::jsonb)
                """)
        }
        for post in archive.newsPosts {
            try await execute("""
                INSERT INTO news_post (tenant_id, id, process_id, value)
                VALUES (\(t), \(post.id.rawValue), \(post.processID.rawValue), \(try json(post))::jsonb)
                """)
        }
        for synthesis in archive.syntheses { try await insertSynthesis(synthesis, value: try json(synthesis)) }
        for tag in archive.contributionTags { try await insertContributionTag(tag, value: try json(tag)) }
        for state in archive.moderationStates { try await storeModerationState(state) }
        for report in archive.contentReports {
            let item = report.item
            try await execute("""
                INSERT INTO content_report (tenant_id, item_kind, item_id, item_owner, reporter_id, value)
                VALUES (\(t), \(item.kind), \(item.id), \(item.owner), \(report.reporterID.rawValue), \(try json(report))::jsonb)
                """)
        }
        for block in archive.participantBlocks {
            try await execute("""
                INSERT INTO participant_block (tenant_id, participant_id, value)
                VALUES (\(t), \(block.participantID.rawValue), \(try json(block))::jsonb)
                """)
        }
        for entry in archive.auditLog { try await insertAudit(entry) }
    }
}
