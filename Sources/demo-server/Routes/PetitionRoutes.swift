import HTTPTypes
import Participation

/// Petitions (opening, signing, the authority's decision, status history) and votations
/// (creation, voting, results).
enum PetitionRoutes {
    static let endpoints: [Endpoint] = [
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/petitions",
            summary: "Open a petition (threshold from the process's contribution rules)", tag: "petitions",
            access: .participant, request: CreatePetitionBody.schema, status: .created, response: PetitionBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CreatePetitionBody.self)
            let petition = try await request.service.createPetition(
                in: try request.id("processID"), title: body.title, body: body.body,
                authorship: try AuthorshipFields.authorship(coAuthors: body.coAuthors, collectiveID: body.collectiveID),
                by: try request.caller())
            return .json(PetitionBody(petition), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/petitions/{petitionID}", summary: "Read a petition, with its signature count",
            tag: "petitions", access: .public, response: PublicPetitionBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(PublicPetitionBody(try await request.service.petition(try request.id("petitionID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/petitions/{petitionID}/signatures",
            summary: "Sign a petition (eligible participants; the threshold changes its status)", tag: "petitions",
            access: .participant, status: .created, response: SignatureReceiptBody.schema, errors: ErrorStatuses.write
        ) { request in
            let receipt = try await request.service.signPetition(try request.id("petitionID"), by: try request.caller())
            return .json(SignatureReceiptBody(receipt), status: .created)
        },
        Endpoint(
            .post, "/tenants/{tenantID}/petitions/{petitionID}/decision",
            summary: "Record the authority's decision after the debate (administrators, officials)", tag: "petitions",
            access: .participant, request: PetitionDecisionBody.schema, response: PetitionBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(PetitionDecisionBody.self)
            let petition = try await request.service.decidePetition(
                try request.id("petitionID"), decision: body.decision, justification: body.justification,
                by: try request.caller())
            return .json(PetitionBody(petition))
        },
        Endpoint(
            .get, "/tenants/{tenantID}/petitions/{petitionID}/status-history",
            summary: "The petition's dated status history, with justifications", tag: "petitions", access: .public,
            query: .paging, response: Page<PetitionStatusChangeBody>.schema(of: PetitionStatusChangeBody.schema),
            errors: ErrorStatuses.read
        ) { request in
            let history = try await request.service.petitionStatusHistory(
                of: try request.id("petitionID"), in: try request.tenantID())
            return .json(try request.page().page(ofPositions: history).map(PetitionStatusChangeBody.init))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/processes/{processID}/votations",
            summary: "Create a votation of yes/no questions (administrators)", tag: "votations", access: .participant,
            request: CreateVotationBody.schema, status: .created, response: VotationBody.schema, errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(CreateVotationBody.self)
            let votation = try await request.service.createVotation(
                in: try request.id("processID"), title: body.title, questions: try body.questions.map { try $0.question() },
                rule: VotationRule(minimumInFavour: body.minimumInFavour), by: try request.caller())
            return .json(VotationBody(votation), status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/votations/{votationID}", summary: "Read a votation", tag: "votations",
            access: .public, response: VotationBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(VotationBody(try await request.service.votation(try request.id("votationID"), in: try request.tenantID())))
        },
        Endpoint(
            .post, "/tenants/{tenantID}/votations/{votationID}/ballots",
            summary: "Vote yes or no on some or all questions (one ballot per voter)", tag: "votations",
            access: .participant, request: VotationBallotBody.schema, status: .created, response: DoneBody.schema,
            errors: ErrorStatuses.write
        ) { request in
            let body = try await request.body(VotationBallotBody.self)
            try await request.service.voteInVotation(try request.id("votationID"), answers: try body.answerMap(), by: try request.caller())
            return .json(DoneBody.ok, status: .created)
        },
        Endpoint(
            .get, "/tenants/{tenantID}/votations/{votationID}/results",
            summary: "Each question's yes and no counts and whether it is adopted", tag: "votations", access: .public,
            response: VotationResultsBody.schema, errors: ErrorStatuses.read
        ) { request in
            .json(VotationResultsBody(try await request.service.votationResults(of: try request.id("votationID"), in: try request.tenantID())))
        },
    ]
}
