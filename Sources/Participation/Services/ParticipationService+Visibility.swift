/// The reads every public path shares: the process's ``PublicView``, the ``AuthorDisplay`` of
/// the people an output names, and targets resolved only as far as the caller may see them.
extension ParticipationService {
    /// What the public may see of `process`.
    public func publicView(of process: ParticipatoryProcess) async throws -> PublicView {
        PublicView(
            process: process, states: try await storage.moderationStates(of: process.id, in: process.tenantID),
            blocks: try await storage.blocks(in: process.tenantID))
    }

    /// The display of `process` for the participants in `ids`, read in one storage call.
    func authorDisplay(of process: ParticipatoryProcess, naming ids: some Sequence<ParticipantID>) async throws -> AuthorDisplay {
        let standings = try await storage.participantStandings(Array(Set(ids)).sorted(), in: process.tenantID)
        return AuthorDisplay(process: process, secret: pseudonymSecret, participants: standings.mapValues(\.participant))
    }

    /// The stored proposition and its process, if the public may see it; `notFound` otherwise,
    /// exactly as for an id that names nothing.
    func publicProposition(_ id: PropositionID, in tenant: TenantID) async throws
        -> (proposition: Proposition, view: PublicView)
    {
        guard let stored = try? await storage.proposition(id, in: tenant) else { throw ParticipationError.notFound("proposition", id) }
        let view = try await publicView(of: try await storage.process(stored.processID, in: tenant))
        guard view.isPublic(stored) else { throw ParticipationError.notFound("proposition", id) }
        return (stored, view)
    }

    /// The stored petition and its process's view, if the public may see it; `notFound` otherwise.
    func publicPetition(_ id: PetitionID, in tenant: TenantID) async throws -> (petition: Petition, view: PublicView) {
        guard let stored = try? await storage.petition(id, in: tenant) else { throw ParticipationError.notFound("petition", id) }
        let view = try await publicView(of: try await storage.process(stored.processID, in: tenant))
        guard view.isPublic(stored) else { throw ParticipationError.notFound("petition", id) }
        return (stored, view)
    }

    /// The stored comment, if the public may see it and what it is about; `notFound` otherwise.
    func publicComment(_ id: CommentID, in tenant: TenantID) async throws -> (comment: ContributionComment, view: PublicView) {
        guard let stored = try? await storage.comment(id, in: tenant) else { throw ParticipationError.notFound("comment", id) }
        let view = try await publicView(of: try await storage.process(stored.processID, in: tenant))
        guard view.isPublic(stored), (try? await requirePublic(stored.subject, of: stored.processID, in: tenant)) != nil else {
            throw ParticipationError.notFound("comment", id)
        }
        return (stored, view)
    }

    /// Throws `notFound` unless the public may see `subject` as a subject of `processID`.
    func requirePublic(_ subject: ContributionSubject, of processID: ProcessID, in tenant: TenantID) async throws {
        switch subject {
        case .process:
            _ = try await storage.process(processID, in: tenant)
        case .proposition(let id):
            guard try await publicProposition(id, in: tenant).proposition.processID == processID else {
                throw ParticipationError.notFound("proposition", id)
            }
        case .petition(let id):
            guard try await publicPetition(id, in: tenant).petition.processID == processID else {
                throw ParticipationError.notFound("petition", id)
            }
        }
    }

    /// The stored proposition, if `caller` may see it: its authors always; staff who review,
    /// moderate or act for others once it is published, hidden or not; anyone else only while
    /// the public may. `notFound` otherwise, exactly as for an id that names nothing, so that
    /// a refusal tells nothing of drafts and hidden content.
    func proposition(_ id: PropositionID, visibleTo caller: Caller) async throws -> Proposition {
        guard let stored = try? await storage.proposition(id, in: caller.tenantID) else {
            throw ParticipationError.notFound("proposition", id)
        }
        if try await isAuthor(caller, of: stored.authors) { return stored }
        guard stored.lifecycle != .draft else { throw ParticipationError.notFound("proposition", id) }
        if try await holdsAny(caller, of: [.reviewPropositions, .moderateContent, .actForOthers]) { return stored }
        let view = try await publicView(of: try await storage.process(stored.processID, in: caller.tenantID))
        guard view.isPublic(stored) else { throw ParticipationError.notFound("proposition", id) }
        return stored
    }

    /// Whether the caller holds a role that allows one of `operations` (and may act at all).
    func holdsAny(_ caller: Caller, of operations: [StaffOperation]) async throws -> Bool {
        guard let participant = try? await storage.participant(caller.participantID, in: caller.tenantID), !participant.isErased
        else { return false }
        return operations.contains { $0.isAllowed(for: participant.roles) }
    }

    /// Refuses an account that may not read or manage its own records (an erased one).
    @discardableResult
    func authorizeOwnRead(by caller: Caller) async throws -> Participant {
        try await authorize(.ownAccount, by: caller, in: nil)
    }

    /// Refuses an account that may take no new action (erased, blocked): the first check of an
    /// operation that then resolves its target, so the refusal does not depend on the target.
    @discardableResult
    func authorizeAct(by caller: Caller) async throws -> Participant {
        try await authorize(.act, by: caller, in: nil)
    }
}
