extension InMemoryStorage {
    public func tenantArchive(of tenantID: TenantID) throws -> TenantArchive {
        var archive = TenantArchive(tenant: try tenant(tenantID))
        func mine<ID>(_ key: Scoped<ID>) -> Bool { key.tenant == tenantID }
        archive.participants = participantsByKey.filter { mine($0.key) }.map(\.value)
        archive.identityBindings = identityKeys.filter { mine($0.key) }.map {
            TenantArchive.IdentityBinding(identityKey: $0.key.id, participantID: $0.value)
        }
        archive.charters = charters[tenantID] ?? []
        archive.charterAcceptances = acceptances.filter { mine($0.key) }.map(\.value)
        archive.processes = processesByKey.filter { mine($0.key) }.map(\.value)
        archive.contributionRules = contributions.rules.filter { mine($0.key) }.map(\.value)
        archive.propositions = propositionsByKey.filter { mine($0.key) }.map { key, proposition in
            TenantArchive.PropositionRecord(
                proposition: proposition, versions: versionsByKey[key] ?? [], statusHistory: statusesByKey[key] ?? [],
                realisation: realisationByKey[key] ?? [])
        }
        archive.supports = contributions.supports.values.filter { $0.tenantID == tenantID }
        archive.opinions = contributions.opinions.values.filter { $0.tenantID == tenantID }
        archive.comments = (contributions.commentOrder[tenantID] ?? []).compactMap {
            contributions.comments[Scoped(tenant: tenantID, id: $0)]
        }
        archive.commentVotes = contributions.commentVotes.values.filter { $0.tenantID == tenantID }
        archive.officialAnswers = contributions.answers[tenantID] ?? []
        archive.petitions = contributions.petitions.filter { mine($0.key) }.map { key, petition in
            TenantArchive.PetitionRecord(
                petition: petition, statusHistory: contributions.petitionHistory[key] ?? [],
                signatures: contributions.signatures.values.filter { $0.tenantID == tenantID && $0.petitionID == petition.id })
        }
        archive.votations = contributions.votations.filter { mine($0.key) }.map(\.value)
        archive.votationBallots = contributions.votationBallots.values.filter { $0.tenantID == tenantID }
        archive.questionnaires = contributions.questionnaires.filter { mine($0.key) }.map(\.value)
        archive.questionnaireResponses = contributions.responses.values.filter { $0.tenantID == tenantID }
        archive.ballots = ballotsByVoter.values.filter { $0.tenantID == tenantID }
        let counted = Set(archive.ballots.map(\.id))
        archive.retiredBallotIDs = ballotIDs.filter { mine($0) && !counted.contains($0.id) }.map(\.id)
        archive.ballotConflicts = conflicts.filter { mine($0.key) }.sorted { $0.key.id < $1.key.id }.flatMap(\.value)
        archive.follows = followsByKey.filter { mine($0.key) }.map(\.value)
        archive.notificationPreferences = frequencies.filter { mine($0.key) }.map {
            TenantArchive.NotificationPreference(participantID: $0.key.id, frequency: $0.value)
        }
        archive.notifications = outbox.filter { $0.tenantID == tenantID }
        archive.newsPosts = newsByProcess.filter { mine($0.key) }.sorted { $0.key.id < $1.key.id }.flatMap(\.value)
        archive.syntheses = synthesesByKey.filter { mine($0.key) }.map(\.value)
        archive.contributionTags = tagsByKey.filter { mine($0.key) }.map(\.value)
        archive.moderationStates = moderation.states.filter { mine($0.key) }.map(\.value)
        archive.contentReports = moderation.reports.filter { mine($0.key) }.flatMap(\.value)
        archive.participantBlocks = moderation.blocks.filter { mine($0.key) }.map(\.value)
        archive.auditLog = audit[tenantID] ?? []
        return archive.normalised()
    }

    public func importTenantArchive(_ archive: TenantArchive) throws {
        let tenantID = archive.tenant.id
        if tenantsByID[tenantID] != nil { throw ParticipationError.duplicate("tenant", tenantID) }
        if let parent = archive.tenant.parentID { try requireTenant(parent) }
        try archive.validate()
        // Nothing of this tenant exists (ids are scoped by tenant), and the archive is valid:
        // from here on nothing can fail, so the import is whole.
        tenantsByID[tenantID] = archive.tenant
        func key<ID>(_ id: ID) -> Scoped<ID> { Scoped(tenant: tenantID, id: id) }
        for participant in archive.participants { participantsByKey[key(participant.id)] = participant }
        for binding in archive.identityBindings { identityKeys[key(binding.identityKey)] = binding.participantID }
        if !archive.charters.isEmpty { charters[tenantID] = archive.charters }
        for acceptance in archive.charterAcceptances { acceptances[key(acceptance.participantID)] = acceptance }
        for process in archive.processes { processesByKey[key(process.id)] = process }
        for rules in archive.contributionRules { contributions.rules[key(rules.processID)] = rules }
        for record in archive.propositions {
            let id = key(record.proposition.id)
            propositionsByKey[id] = record.proposition
            versionsByKey[id] = record.versions
            statusesByKey[id] = record.statusHistory
            if !record.realisation.isEmpty { realisationByKey[id] = record.realisation }
            for event in record.realisation { realisationEventIDs.insert(key(event.id)) }
        }
        for support in archive.supports {
            contributions.supports[Pair(tenant: tenantID, first: support.propositionID, second: support.supporterID)] = support
        }
        for opinion in archive.opinions {
            contributions.opinions[Pair(tenant: tenantID, first: opinion.propositionID, second: opinion.participantID)] = opinion
        }
        for comment in archive.comments {
            contributions.comments[key(comment.id)] = comment
            contributions.commentOrder[tenantID, default: []].append(comment.id)
        }
        for vote in archive.commentVotes {
            contributions.commentVotes[Pair(tenant: tenantID, first: vote.commentID, second: vote.voterID)] = vote
        }
        if !archive.officialAnswers.isEmpty { contributions.answers[tenantID] = archive.officialAnswers }
        for record in archive.petitions {
            contributions.petitions[key(record.petition.id)] = record.petition
            contributions.petitionHistory[key(record.petition.id)] = record.statusHistory
            for signature in record.signatures {
                contributions.signatures[Pair(tenant: tenantID, first: signature.petitionID, second: signature.signerID)] = signature
            }
        }
        for votation in archive.votations { contributions.votations[key(votation.id)] = votation }
        for ballot in archive.votationBallots {
            contributions.votationBallots[Pair(tenant: tenantID, first: ballot.votationID, second: ballot.voterID)] = ballot
        }
        for questionnaire in archive.questionnaires { contributions.questionnaires[key(questionnaire.id)] = questionnaire }
        for response in archive.questionnaireResponses {
            contributions.responses[Pair(tenant: tenantID, first: response.questionnaireID, second: response.participantID)] =
                response
        }
        for ballot in archive.ballots {
            ballotsByVoter[VoterKey(tenant: tenantID, process: ballot.processID, voter: ballot.voterID)] = ballot
            ballotIDs.insert(key(ballot.id))
        }
        for id in archive.retiredBallotIDs { ballotIDs.insert(key(id)) }
        for conflict in archive.ballotConflicts { conflicts[key(conflict.processID), default: []].append(conflict) }
        for follow in archive.follows { followsByKey[key("\(follow.participantID)|\(follow.target)")] = follow }
        for preference in archive.notificationPreferences { frequencies[key(preference.participantID)] = preference.frequency }
        outbox.append(contentsOf: archive.notifications)
        outboxKeys.formUnion(archive.notifications.map(\.idempotencyKey))
        for post in archive.newsPosts { newsByProcess[key(post.processID), default: []].append(post) }
        for synthesis in archive.syntheses { synthesesByKey[key(synthesis.id)] = synthesis }
        for tag in archive.contributionTags { tagsByKey[key(tag.key)] = tag }
        for state in archive.moderationStates { moderation.states[key(state.item)] = state }
        for report in archive.contentReports { moderation.reports[key(report.item), default: []].append(report) }
        for block in archive.participantBlocks { moderation.blocks[key(block.participantID)] = block }
        if !archive.auditLog.isEmpty { audit[tenantID] = archive.auditLog }
        for entry in archive.auditLog { auditIDs.insert(key(entry.id)) }
    }
}
