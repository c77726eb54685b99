import Foundation
import HTTPTypes
import Hummingbird
import Logging
import HummingbirdTesting
import Participation
import Testing

@testable import demo_server

/// Ids `secret-<prefix>-1`, `secret-<prefix>-2`, …: the ids of the content only some worlds hold,
/// so that the content every world holds gets the same ids in all of them.
final class SecretIdentifiers: IdentifierSource {
    private let base = SequentialIdentifiers()
    func next(prefix: String) -> String { "secret-" + base.next(prefix: prefix) }
}

/// A demo server over in-memory storage whose every id, time and pseudonym is deterministic,
/// seeded with the demo tenant and with content in every state the public may or may not see.
///
/// Worlds differ only in what the public may not see (``Secrets``): drafts, hidden content, the
/// redacted fragment of a public text. Whatever a caller without rights asks, every world must
/// answer alike; the adversarial suites compare them.
struct TrustWorld {
    /// What the world holds beyond the content every world holds.
    enum Secrets: String, CaseIterable, Sendable {
        /// No secret content at all.
        case none
        /// Secret content whose texts say "canary-a".
        case a
        /// The same secret content (same ids) whose texts say "canary-b", longer.
        case b

        /// The marker in every secret text of the world.
        var canary: String {
            switch self {
            case .none, .a: "canary-a"
            case .b: "canary-b-longer"
            }
        }

        /// The fragment redacted from a public proposition (the world's own).
        var redactedFragment: String { "\(canary)-phone 06 12 34 56 78" }
    }

    static let hostToken = "trust-host-token"

    let storage = InMemoryStorage()
    let service: ParticipationService
    let tokens: TokenRegistry
    let seed: DemoSeed.Result
    let configuration: ServerConfiguration
    let secrets: Secrets

    /// The content every world holds.
    let publicProposition: PropositionID
    let redactedProposition: PropositionID
    let publicComment: CommentID
    /// Processes that show no names, and the contributions their citizens made.
    let anonymousProcess: Contributed
    let pseudonymProcesses: [Contributed]

    /// A process where citizens contributed: its propositions and comments.
    struct Contributed: Sendable {
        let process: ProcessID
        let propositions: [PropositionID]
        let comments: [CommentID]
    }

    /// The ids of the secret content (present in worlds `a` and `b`, absent in `none`).
    static let draft: PropositionID = "secret-proposition-1"
    static let hiddenProposition: PropositionID = "secret-proposition-2"
    static let hiddenComment: CommentID = "secret-comment-3"
    static let hiddenPetition: PetitionID = "secret-petition-4"

    init(secrets: Secrets) async throws {
        self.secrets = secrets
        let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
        // The demo seed's ages are read on this date.
        let ids = SequentialIdentifiers()
        let secret = try PseudonymSecret("the trust suite's fixed secret")
        service = ParticipationService(storage: storage, clock: clock, ids: ids, pseudonymSecret: secret)
        tokens = try TokenRegistry()
        seed = try await DemoSeed.run(service: service, tokens: tokens)
        var configuration = ServerConfiguration()
        configuration.hostToken = Self.hostToken
        self.configuration = configuration

        let admin = Self.caller(seed, "Camille")
        let alice = Self.caller(seed, "Alice")
        let bilal = Self.caller(seed, "Bilal")
        let petitions = seed.petitionProcessID

        // Shared: a public proposition, a comment on it, and a public proposition with a redacted phone number.
        let pub = try await service.draftProposition(
            in: petitions, PropositionDraft(title: "Un composteur public", body: "Au pied de chaque immeuble."), by: bilal)
        publicProposition = try await service.publishProposition(pub.id, by: bilal).id
        publicComment = try await service.postComment(
            on: .proposition(publicProposition), of: petitions, body: "Bonne idée", by: alice
        ).id
        let red = try await service.draftProposition(
            in: petitions, PropositionDraft(title: "Un atelier vélo", body: "Appelez-moi au \(secrets.redactedFragment)."),
            by: alice)
        redactedProposition = try await service.publishProposition(red.id, by: alice).id
        _ = try await service.redact(
            .proposition(redactedProposition), fragment: secrets.redactedFragment, reason: "données personnelles", by: admin)
        _ = try await service.tagContribution(.proposition(publicProposition), in: petitions, tag: "dechets", by: admin)

        // Shared: processes that show no names, where the same citizens contribute.
        anonymousProcess = try await Self.contributedProcess("Anonyme", policy: .anonymous, service: service, admin: admin, by: [alice, bilal])
        pseudonymProcesses = [
            try await Self.contributedProcess("Pseudonymes 1", policy: .pseudonym, service: service, admin: admin, by: [alice, bilal]),
            try await Self.contributedProcess("Pseudonymes 2", policy: .pseudonym, service: service, admin: admin, by: [alice, bilal]),
        ]

        guard secrets != .none else { return }
        // Secret, written by another service over the same storage so that shared ids stay aligned.
        let hidden = ParticipationService(storage: storage, clock: clock, ids: SecretIdentifiers(), pseudonymSecret: secret)
        let canary = secrets.canary
        let draft = try await hidden.draftProposition(
            in: petitions, PropositionDraft(title: "\(canary) draft", body: "\(canary) private draft text"), by: alice)
        let shown = try await hidden.draftProposition(
            in: petitions, PropositionDraft(title: "\(canary) hidden", body: "\(canary) hidden text"), by: alice)
        _ = try await hidden.publishProposition(shown.id, by: alice)
        let comment = try await hidden.postComment(
            on: .proposition(publicProposition), of: petitions, body: "\(canary) hidden comment", by: alice)
        let petition = try await hidden.createPetition(in: petitions, title: "\(canary) petition", body: "\(canary) petition text", by: alice)
        _ = try await hidden.giveOpinion(on: publicProposition, stance: .against, argument: "\(canary) opinion", by: alice)
        _ = try await hidden.tagContribution(.proposition(shown.id), in: petitions, tag: "\(canary)-tag", by: admin)
        for item in [ModeratedItem.proposition(shown.id), .comment(comment.id), .petition(petition.id), .opinion(publicProposition, by: alice.participantID)] {
            _ = try await hidden.hide(item, reason: "\(canary) reason", by: admin)
        }
        precondition(draft.id == Self.draft && shown.id == Self.hiddenProposition && comment.id == Self.hiddenComment && petition.id == Self.hiddenPetition)
    }

    /// A consultation under `policy` where each of `authors` writes a proposition, comments and opines.
    private static func contributedProcess(
        _ title: String, policy: DisplayPolicy, service: ParticipationService, admin: Caller, by authors: [Caller]
    ) async throws -> Contributed {
        let process = try await service.createProcess(
            kind: .consultation, title: title,
            phases: [Phase(id: "open", name: "Ouvert", kind: .consultation, allowedActions: [.submit, .comment, .opine, .support])],
            displayPolicy: policy, requiresCharter: false, by: admin)
        _ = try await service.openPhase("open", of: process.id, by: admin)
        var propositions: [PropositionID] = []
        var comments: [CommentID] = []
        for author in authors {
            let draft = try await service.draftProposition(in: process.id, PropositionDraft(title: "Idée", body: "Une idée"), by: author)
            let published = try await service.publishProposition(draft.id, by: author)
            comments.append(try await service.postComment(on: .proposition(published.id), of: process.id, body: "Un avis", by: author).id)
            if let previous = propositions.last {
                _ = try await service.giveOpinion(on: previous, stance: .inFavour, argument: "D'accord", by: author)
                comments.append(
                    try await service.postComment(
                        on: .proposition(previous), of: process.id, body: "Une réponse", replyingTo: comments[0], by: author
                    ).id)
            }
            _ = try await service.editProposition(published.id, PropositionDraft(title: "Idée", body: "Une idée revue"), by: author)
            propositions.append(published.id)
        }
        _ = try await service.tagContribution(.proposition(propositions[0]), in: process.id, tag: "idee", by: admin)
        return Contributed(process: process.id, propositions: propositions, comments: comments)
    }

    static func caller(_ seed: DemoSeed.Result, _ firstName: String) -> Caller {
        // The seed creates these accounts; a missing one is a test bug worth crashing on.
        let account = seed.accounts.first { $0.name.hasPrefix(firstName) }!
        return Caller(tenantID: seed.tenantID, participantID: account.participantID)
    }

    func token(_ firstName: String) -> String { seed.accounts.first { $0.name.hasPrefix(firstName) }!.token }

    /// The secret content first, then public content and ids of nothing: what the
    /// "nothing is learnt" probes aim at.
    var secretTargets: ProbeTargets {
        let alice = Self.caller(seed, "Alice").participantID.rawValue
        return ProbeTargets(
            parameters: [
                "tenantID": [seed.tenantID.rawValue],
                "processID": [seed.petitionProcessID.rawValue, seed.budgetID.rawValue, anonymousProcess.process.rawValue, "secret-process-0"],
                "propositionID": [
                    Self.draft.rawValue, Self.hiddenProposition.rawValue, redactedProposition.rawValue, publicProposition.rawValue,
                    "secret-proposition-0",
                ],
                "commentID": [Self.hiddenComment.rawValue, publicComment.rawValue],
                "petitionID": [Self.hiddenPetition.rawValue, seed.petitionID.rawValue],
                "participantID": [alice, Self.caller(seed, "Bilal").participantID.rawValue],
                "phaseID": ["signatures", "vote"],
            ],
            items: [
                "proposition:\(Self.hiddenProposition)", "proposition:\(Self.draft)", "comment:\(Self.hiddenComment)",
                "petition:\(Self.hiddenPetition)", "opinion:\(publicProposition)/\(alice)", "proposition:\(redactedProposition)",
                "proposition:\(publicProposition)",
            ],
            fields: [
                "fragment": Secrets.a.canary, "parentID": Self.hiddenComment.rawValue, "propositionID": Self.hiddenProposition.rawValue,
                "petitionID": Self.hiddenPetition.rawValue, "participantID": alice, "voterID": alice, "scope": "centre",
                "districtID": "centre", "tag": "dechets",
            ])
    }

    /// The contributions of the processes that show no names: what the display-policy walk reads.
    func namelessTargets(_ contributed: Contributed) -> ProbeTargets {
        ProbeTargets(
            parameters: [
                "tenantID": [seed.tenantID.rawValue], "processID": [contributed.process.rawValue],
                "propositionID": contributed.propositions.map(\.rawValue), "commentID": contributed.comments.map(\.rawValue),
            ],
            items: contributed.propositions.map { "proposition:\($0)" } + contributed.comments.map { "comment:\($0)" },
            fields: ["tag": "idee"])
    }

    /// Runs `body` with a client of the world's server and returns what it returns.
    func test<Value: Sendable>(_ body: @escaping @Sendable (APIClient) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "trust-world")
        logger.logLevel = .warning
        let app = try buildApplication(configuration: configuration, service: service, tokens: tokens, logger: logger)
        return try await app.test(.router) { client in try await body(APIClient(client: client)) }
    }
}
