/// The events the contribution services announce through the notification outbox. Each is
/// published after the write it reports has succeeded.
extension ParticipationService {
    /// Authors follow their own propositions from the start.
    func followAsAuthors(_ proposition: Proposition) async throws {
        for author in proposition.authors {
            try await storage.insertFollow(
                Follow(tenantID: proposition.tenantID, participantID: author, target: .proposition(proposition.id), since: clock.now()))
        }
    }

    /// A reviewed proposition's new status, with its justification, to its followers, the
    /// followers of its process, themes and district, and its authors.
    func announceStatusChange(of proposition: Proposition, _ change: StatusChange) async throws {
        var targets: [FollowTarget] = [.proposition(proposition.id), .process(proposition.processID)]
        targets += proposition.themes.sorted().map { FollowTarget.theme($0) }
        if let district = proposition.districtID { targets.append(.district(district)) }
        var details = [
            "proposition": proposition.id.rawValue, "status": change.status.rawValue, "justification": change.justification,
        ]
        if let reason = change.reason { details["reason"] = reason.rawValue }
        let view = try await publicView(of: try await storage.process(proposition.processID, in: proposition.tenantID))
        let isPublic = view.isPublic(proposition)
        // Followers read the title as the public does; authors too (it is one notification).
        let title = view.redacted(proposition.title, of: .proposition(proposition.id))
        try await publish(
            .propositionStatusChanged, "\(title): \(change.status) — \(change.justification)",
            in: proposition.tenantID, targets: targets, directRecipients: proposition.authors, isPublic: isPublic,
            details: details)
    }

    /// A reply, to the author of the comment it answers (not to themselves).
    func announceReply(_ reply: ContributionComment) async throws {
        guard let parentID = reply.parentID else { return }
        let parent = try await storage.comment(parentID, in: reply.tenantID)
        guard parent.authorID != reply.authorID else { return }
        // A pending reply is announced when a moderator approves it.
        let view = try await publicView(of: try await storage.process(reply.processID, in: reply.tenantID))
        guard view.isPublic(reply) else { return }
        try await publish(
            .commentReplied, "A reply to your comment", in: reply.tenantID, targets: [], directRecipients: [parent.authorID],
            details: ["comment": reply.id.rawValue, "parent": parentID.rawValue])
    }

    /// An official answer, to the followers of what it answers and of its process.
    func announce(_ answer: OfficialAnswer) async throws {
        var targets: [FollowTarget] = [.process(answer.processID)]
        if case .proposition(let id) = answer.subject { targets.append(.proposition(id)) }
        let isPublic = (try? await requirePublic(answer.subject, of: answer.processID, in: answer.tenantID)) != nil
        try await publish(
            .officialAnswerPosted, "An official answer\(answer.onBehalfOf.map { " from \($0)" } ?? "")",
            in: answer.tenantID, targets: targets, isPublic: isPublic, details: ["answer": answer.id.rawValue, "subject": answer.subject.description])
    }

    /// A petition reaching its threshold, to the followers of its process and its authors.
    func announceThreshold(of petition: Petition, _ change: PetitionStatusChange) async throws {
        let view = try await publicView(of: try await storage.process(petition.processID, in: petition.tenantID))
        try await publish(
            .petitionThresholdReached,
            "\(view.redacted(petition.title, of: .petition(petition.id))): \(petition.threshold) signatures — \(change.status)",
            in: petition.tenantID, targets: [.process(petition.processID)], directRecipients: petition.authors,
            isPublic: view.isPublic(petition),
            details: ["petition": petition.id.rawValue, "status": change.status.rawValue])
    }
}
