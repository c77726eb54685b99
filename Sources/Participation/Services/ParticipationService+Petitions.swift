extension ParticipationService {
    /// Opens a petition in `processID`, while the phase allows `.submit`. Its threshold and
    /// threshold status come from the process's ``ContributionRules``.
    /// - Throws: `invalidInput` (title, body; a process with no petition threshold); the errors
    ///   of ``authorize(_:by:in:)``.
    public func createPetition(
        in processID: ProcessID, title: String, body: String, authorship: Authorship = .individual, by caller: Caller
    ) async throws -> Petition {
        try await authorizeAct(by: caller)
        let process = try await storage.process(processID, in: caller.tenantID)
        try await authorize(.submit, by: caller, in: process)
        let title = try Validate.text(title, field: "title")
        let body = try Validate.text(body, field: "body", maximumLength: 20_000)
        let rules = try await storage.contributionRules(of: processID, in: caller.tenantID)
        guard let threshold = rules.petitionThreshold else {
            throw ParticipationError.invalid("petitionThreshold", "process '\(processID)' sets no petition threshold")
        }
        let petition = Petition(
            id: PetitionID(rawValue: ids.next(prefix: "petition")), tenantID: caller.tenantID, processID: processID,
            authors: try await authors(for: authorship, by: caller), title: title, body: body, threshold: threshold,
            thresholdStatus: rules.petitionThresholdStatus, createdAt: clock.now())
        try await storage.insertPetition(
            petition,
            status: PetitionStatusChange(
                petitionID: petition.id, status: .open, justification: "opened for signatures", by: caller.participantID,
                at: clock.now()))
        try await holdForApproval(.petition(petition.id), in: process)
        return petition
    }

    /// Signs a petition. Only participants eligible for `.sign` (for example residents aged
    /// 16 or more) sign, so every counted signature is eligible; the threshold-th signature
    /// changes the petition's status in the same storage call.
    /// - Throws: `notEligible` naming the rule (nothing is counted); `duplicate` for a second
    ///   signature; `invalidTransition` once the authority decided; `notFound` (also for a
    ///   petition the public cannot see).
    public func signPetition(_ petitionID: PetitionID, by caller: Caller) async throws -> PublicSignatureReceipt {
        try await authorizeAct(by: caller)
        let view = try await publicPetition(petitionID, in: caller.tenantID).view
        try await authorize(.sign, by: caller, in: view.process)
        let receipt = try await storage.recordSignature(
            PetitionSignature(tenantID: caller.tenantID, petitionID: petitionID, signerID: caller.participantID, at: clock.now()))
        if let change = receipt.statusChange { try await announceThreshold(of: receipt.petition, change) }
        let display = try await authorDisplay(of: view.process, naming: receipt.petition.authors + [receipt.statusChange?.by].compactMap { $0 })
        // The petition was public before the signature, and a signature changes no visibility.
        return PublicSignatureReceipt(
            petition: view.petition(receipt.petition, authors: display)!,
            statusChange: receipt.statusChange.map { view.statusChange($0, authors: display) })
    }

    /// Records the authority's decision after the debate: adopt, reject, or send to votation,
    /// with a public justification in the status history. Administrators and officials; audited.
    /// - Throws: `invalidTransition` unless the petition reached its threshold and awaits a decision.
    public func decidePetition(
        _ petitionID: PetitionID, decision: PetitionDecision, justification: String, by caller: Caller
    ) async throws -> Petition {
        try await authorize(caller, for: .decidePetitions)
        let justification = try Validate.reason(justification, field: "justification")
        var petition = try await storage.petition(petitionID, in: caller.tenantID)
        guard petition.status == petition.thresholdStatus else {
            throw ParticipationError(
                .invalidTransition, "petition '\(petitionID)' is \(petition.status); a decision follows the debate (\(petition.thresholdStatus))")
        }
        petition.status = decision.status
        return try await storage.updatePetition(
            petition,
            status: PetitionStatusChange(
                petitionID: petitionID, status: decision.status, justification: justification, by: caller.participantID,
                at: clock.now()),
            audit: auditEntry(
                by: caller, action: "petition.decided", subject: "petition:\(petitionID)", reason: justification,
                details: ["decision": decision.rawValue]))
    }

    /// The petition as the public sees it: redacted, its authors shown as the process's
    /// ``DisplayPolicy`` says.
    /// - Throws: `notFound`, also while it is pending or hidden.
    public func petition(_ id: PetitionID, in tenant: TenantID) async throws -> PublicPetition {
        let (stored, view) = try await publicPetition(id, in: tenant)
        let display = try await authorDisplay(of: view.process, naming: stored.authors)
        // `publicPetition` returned it because the view finds it public.
        return view.petition(stored, authors: display)!
    }

    /// The petition's dated status history, with justifications.
    /// - Throws: `notFound`, also while it is pending or hidden.
    public func petitionStatusHistory(of id: PetitionID, in tenant: TenantID) async throws -> [PublicPetitionStatusChange] {
        let view = try await publicPetition(id, in: tenant).view
        let history = try await storage.petitionStatusHistory(of: id, in: tenant)
        let display = try await authorDisplay(of: view.process, naming: history.compactMap(\.by))
        return history.map { view.statusChange($0, authors: display) }
    }
}

extension ParticipationService {
    /// Creates a votation in `processID` bundling `questions`, each adopted by `rule`.
    /// Questions that come from a petition must name one sent to votation. Administrators
    /// only; audited.
    public func createVotation(
        in processID: ProcessID, title: String, questions: [VotationQuestion], rule: VotationRule, by caller: Caller
    ) async throws -> Votation {
        try await authorize(caller, for: .manageProcess)
        let title = try Validate.text(title, field: "title")
        guard !questions.isEmpty else { throw ParticipationError.invalid("questions", "a votation needs at least one question") }
        guard Set(questions.map(\.id)).count == questions.count else {
            throw ParticipationError.invalid("questions", "question ids must be distinct")
        }
        guard rule.minimumInFavour >= 0 else {
            throw ParticipationError.invalid("rule.minimumInFavour", "the minimum in favour must not be negative")
        }
        var clean: [VotationQuestion] = []
        for question in questions {
            let text = try Validate.text(question.text, field: "questions.text", maximumLength: 2_000)
            if let petitionID = question.petitionID {
                let petition = try await storage.petition(petitionID, in: caller.tenantID)
                guard petition.status == .sentToVotation else {
                    throw ParticipationError.invalid("questions.petitionID", "petition '\(petitionID)' was not sent to votation")
                }
            }
            clean.append(VotationQuestion(id: question.id, text: text, petitionID: question.petitionID))
        }
        _ = try await storage.process(processID, in: caller.tenantID)
        let votation = Votation(
            id: VotationID(rawValue: ids.next(prefix: "votation")), tenantID: caller.tenantID, processID: processID,
            title: title, questions: clean, rule: rule, createdAt: clock.now())
        try await storage.insertVotation(
            votation, audit: auditEntry(by: caller, action: "votation.created", subject: "votation:\(votation.id)"))
        return votation
    }

    /// Votes yes or no on some or all of the votation's questions (one ballot per voter),
    /// while the phase allows `.vote` and the caller is eligible.
    /// - Throws: `invalidInput` (no answer, an unknown question); `duplicate` for a second ballot.
    public func voteInVotation(
        _ votationID: VotationID, answers: [VotationQuestionID: VotationAnswer], by caller: Caller
    ) async throws {
        try await authorizeAct(by: caller)
        let votation = try await storage.votation(votationID, in: caller.tenantID)
        guard !answers.isEmpty else { throw ParticipationError.invalid("answers", "answer at least one question") }
        if let unknown = answers.keys.first(where: { key in !votation.questions.contains { $0.id == key } }) {
            throw ParticipationError.invalid("answers", "the votation has no question '\(unknown)'")
        }
        let process = try await storage.process(votation.processID, in: caller.tenantID)
        try await authorize(.vote, by: caller, in: process)
        try await storage.castVotationBallot(
            VotationBallot(
                tenantID: caller.tenantID, votationID: votationID, voterID: caller.participantID, answers: answers,
                castAt: clock.now()))
    }

    /// The votation and its questions, readable by anyone of its tenant.
    /// - Throws: `notFound`.
    public func votation(_ id: VotationID, in tenant: TenantID) async throws -> Votation {
        try await storage.votation(id, in: tenant)
    }

    /// Each question's yes and no counts and whether the compound rule adopts it.
    public func votationResults(of votationID: VotationID, in tenant: TenantID) async throws -> [VotationResult] {
        let votation = try await storage.votation(votationID, in: tenant)
        return VotationResult.results(of: votation, counts: try await storage.votationCounts(of: votationID, in: tenant))
    }
}
