import Foundation
import HTTPTypes
import Participation
import Testing

@testable import demo_server

/// "Nothing is learnt from a refusal, and public reads show nothing hidden", proved by
/// comparison: three worlds differ only in what the public may not see (no secret content;
/// secret content that says "canary-a"; the same content, same ids, saying something longer),
/// and every request of every endpoint of the route table, generated from it, is sent to all
/// three by callers who may not see that content. Whatever it is (a read, a refused write, a
/// write that succeeds) and whatever it aims at (secret ids, public ids, ids of nothing),
/// the three answers must be the same status and the same body.
@Suite("Nothing is learnt from a refusal or a public read")
struct NothingIsLearntTests {
    /// Who may not see the secret content: no token, a citizen who wrote none of it, a citizen
    /// blocked by a moderator.
    enum Outsider: String, CaseIterable { case anonymous, citizen, blockedCitizen }

    @Test(arguments: Outsider.allCases)
    func everyEndpointAnswersAliceWhateverIsHidden(_ outsider: Outsider) async throws {
        let worlds = [
            try await TrustWorld(secrets: .none), try await TrustWorld(secrets: .a), try await TrustWorld(secrets: .b),
        ]
        for world in worlds where outsider == .blockedCitizen {
            _ = try await world.service.blockParticipant(
                TrustWorld.caller(world.seed, "Chloé").participantID, kind: .soft, justification: "insultes",
                by: TrustWorld.caller(world.seed, "Camille"))
        }
        let probes = ProbeRequests.all(aimingAt: worlds[0].secretTargets, accesses: [.public, .participant])
        #expect(probes.count > 300, "every endpoint is probed, most of them several times")
        let answers = try await withThrowingTaskGroup(of: (Int, [Answer]).self) { group in
            for (index, world) in worlds.enumerated() {
                group.addTask { (index, try await Self.answers(to: probes, in: world, as: outsider)) }
            }
            var answers: [[Answer]] = Array(repeating: [], count: worlds.count)
            for try await (index, list) in group { answers[index] = list }
            return answers
        }
        var differences = 0
        for (index, probe) in probes.enumerated() {
            let none = answers[0][index]
            for (world, other) in [(TrustWorld.Secrets.a, answers[1][index]), (.b, answers[2][index])] where other != none {
                differences += 1
                if differences <= 10 {
                    Issue.record(
                        """
                        \(outsider) learns something from \(probe):
                          without secrets: \(none)
                          with secrets \(world.rawValue): \(other)
                        """)
                }
            }
        }
        #expect(differences == 0, "\(differences) answers differ")
    }

    /// A status and body, as compared across worlds.
    struct Answer: Equatable, Sendable, CustomStringConvertible {
        let status: Int
        let body: String
        var description: String { "\(status) \(body.prefix(400))" }
    }

    /// `text` with every demo token masked: tokens are random in every world.
    static func withoutTokens(_ text: String) -> String {
        text.replacing(/demo_[0-9a-f]{48}/, with: "demo_<token>")
    }

    /// The answers of `world` to `probes`, in order, as `outsider`.
    static func answers(to probes: [ProbeRequest], in world: TrustWorld, as outsider: Outsider) async throws -> [Answer] {
        let token: String? =
            switch outsider {
            case .anonymous: nil
            case .citizen: world.token("Bilal")
            case .blockedCitizen: world.token("Chloé")
            }
        return try await world.test { client in
            var collected: [Answer] = []
            for probe in probes {
                let result = try await client.send(probe.method, probe.uri, token: token, json: probe.json)
                collected.append(Answer(status: Int(result.status.code), body: Self.withoutTokens(result.text)))
            }
            return collected
        }
    }
}
