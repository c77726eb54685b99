import Foundation
import HTTPTypes
import Participation
import Testing

@testable import demo_server

/// Every read of the API, walked with content in every state, and searched for what must not
/// be there: no text of a draft, of hidden content or of a redacted fragment, no id of secret
/// content; and, where a process shows no names, no participant id or name, and no handle
/// that links a person's contributions across processes.
@Suite("Public reads show nothing they must not")
struct PublicReadsTests {
    /// Every read (public, and a citizen's) of a world with secret content.
    @Test func noReadShowsASecretTextOrId() async throws {
        let world = try await TrustWorld(secrets: .a)
        let reads = ProbeRequests.all(aimingAt: world.secretTargets, accesses: [.public, .participant]).filter { $0.method == .get }
        #expect(reads.count > 100)
        let bilal = world.token("Bilal")
        let leaks = try await world.test { client in
            var leaks: [String] = []
            var answered = 0
            for read in reads {
                for token in [nil, bilal] {
                    let result = try await client.send(read.method, read.uri, token: token)
                    guard (200..<300).contains(result.status.code) else { continue }
                    answered += 1
                    let text = result.text.lowercased()
                    for secret in ["canary-a", "secret-proposition", "secret-comment", "secret-petition"] where text.contains(secret) {
                        leaks.append("\(read.uri) (\(token == nil ? "anonymous" : "citizen")) shows '\(secret)'")
                    }
                }
            }
            #expect(answered > 80, "the walk reads real content, not only refusals")
            return leaks
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(10).joined(separator: "\n"))")
    }

    /// Every read of the processes that show no names, by another citizen and anonymously.
    @Test func processesThatShowNoNamesShowNoParticipantIdNorName() async throws {
        let world = try await TrustWorld(secrets: .none)
        let citizens = ["Alice", "Bilal"].map { TrustWorld.caller(world.seed, $0).participantID.rawValue }
        let names = ["Alice Martin", "Bilal Haddad"]
        let reader = world.token("Chloé")
        for contributed in [world.anonymousProcess] + world.pseudonymProcesses {
            let reads = ProbeRequests.all(aimingAt: world.namelessTargets(contributed), accesses: [.public, .participant])
                .filter { $0.method == .get }
            let (leaks, answered) = try await world.test { client in
                var leaks: [String] = []
                var answered = 0
                for read in reads {
                    for token in [nil, reader] {
                        let result = try await client.send(read.method, read.uri, token: token)
                        guard (200..<300).contains(result.status.code) else { continue }
                        answered += 1
                        for secret in citizens + names where result.text.contains(secret) {
                            leaks.append("\(read.uri) shows '\(secret)'")
                        }
                    }
                }
                return (leaks, answered)
            }
            #expect(answered > 20, "the walk reads real content of \(contributed.process)")
            #expect(leaks.isEmpty, "\(contributed.process): \(leaks.prefix(10).joined(separator: "\n"))")
        }
    }

    /// Under anonymity nothing links two contributions of one person; under pseudonyms a
    /// person keeps one pseudonym within a process and has another in every other process.
    @Test func pseudonymsDifferPerProcessAndAnonymityHasNoHandle() async throws {
        let world = try await TrustWorld(secrets: .none)
        try await world.test { client in
            func authors(of contributed: TrustWorld.Contributed) async throws -> [JSONValue] {
                var authors: [JSONValue] = []
                for id in contributed.propositions {
                    let read = try await client.send(.get, "/tenants/demo/propositions/\(id)")
                    authors += read.json["authors"]?.arrayValue ?? []
                }
                return authors
            }
            let anonymous = try await authors(of: world.anonymousProcess)
            #expect(anonymous.count == 2)
            #expect(anonymous.allSatisfy { $0["handle"] == nil && $0["name"] == .string(PublicAuthor.anonymousName) })

            let first = try await authors(of: world.pseudonymProcesses[0])
            let second = try await authors(of: world.pseudonymProcesses[1])
            #expect(Set(first.compactMap { $0["handle"]?.stringValue }).count == 2, "two people, two pseudonyms")
            for (one, other) in zip(first, second) {
                #expect(one["handle"] != other["handle"], "the same person has another handle in another process")
                #expect(one["name"] != other["name"], "and another pseudonym")
            }
            // Within a process, the same person's comment carries the pseudonym of their proposition.
            let process = world.pseudonymProcesses[0]
            let threads = try await client.send(
                .get, "/tenants/demo/processes/\(process.process)/comments?subject=proposition:\(process.propositions[0])")
            let commenter = threads.json["items"]?.arrayValue?.first?["comment"]?["author"]
            #expect(commenter != nil && commenter == first.first, "one handle per person within the process")
        }
    }
}
