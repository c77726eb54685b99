import Foundation
import HTTPTypes
import Participation
import Testing

@testable import demo_server

/// Every account state holds through every credential and channel: an erased account's
/// tokens stop working everywhere, a blocked account acts nowhere but on its own account, and
/// what staff do for a citizen is in the audit log. Generated from the route table.
@Suite("Account states hold on every path")
struct AccountStateTests {
    /// What a blocked account may still do: read and manage its own account and data.
    static let ownAccount: Set<String> = [
        "PUT /tenants/{tenantID}/me/profile", "PUT /tenants/{tenantID}/me/consents",
        "PUT /tenants/{tenantID}/me/notification-frequency", "DELETE /tenants/{tenantID}/me/follows",
        "POST /tenants/{tenantID}/participants/{participantID}/erasure",
    ]

    /// Probes aimed at public content only, which an account in good standing may act on.
    static func publicTargets(_ world: TrustWorld, as firstName: String) -> ProbeTargets {
        var targets = world.secretTargets
        let own = TrustWorld.caller(world.seed, firstName).participantID.rawValue
        targets.parameters["propositionID"] = [world.publicProposition.rawValue]
        targets.parameters["commentID"] = [world.publicComment.rawValue]
        targets.parameters["petitionID"] = [world.seed.petitionID.rawValue]
        targets.parameters["participantID"] = [own]
        targets.items = ["proposition:\(world.publicProposition)", "comment:\(world.publicComment)", "petition:\(world.seed.petitionID)"]
        targets.fields["parentID"] = world.publicComment.rawValue
        targets.fields["participantID"] = own
        targets.fields["voterID"] = own
        return targets
    }

    @Test func aBlockedAccountActsNowhereButOnItsOwnAccount() async throws {
        let world = try await TrustWorld(secrets: .none)
        let chloe = TrustWorld.caller(world.seed, "Chloé")
        _ = try await world.service.blockParticipant(
            chloe.participantID, kind: .soft, justification: "insultes", by: TrustWorld.caller(world.seed, "Camille"))
        let writes = ProbeRequests.all(aimingAt: Self.publicTargets(world, as: "Chloé"), accesses: [.participant])
            .filter { $0.method != .get && !Self.ownAccount.contains("\($0.method) \($0.endpoint.path)") }
        let token = world.token("Chloé")
        let accepted = try await world.test { client in
            var accepted: [String] = []
            for write in writes {
                let result = try await client.send(write.method, write.uri, token: token, json: write.json)
                if (200..<300).contains(result.status.code) { accepted.append("\(write) → \(result.status.code)") }
            }
            return accepted
        }
        #expect(writes.count > 60)
        #expect(accepted.isEmpty, "a blocked account acted: \(accepted.prefix(5).joined(separator: "\n"))")
    }

    /// The control of the test above: the same writes by an account in good standing do
    /// succeed, so the refusals above are the block's, not the probes' mistakes.
    @Test func theSameWritesSucceedForAnAccountInGoodStanding() async throws {
        let world = try await TrustWorld(secrets: .none)
        let writes = ProbeRequests.all(aimingAt: Self.publicTargets(world, as: "Bilal"), accesses: [.participant])
            .filter { $0.method != .get && !Self.ownAccount.contains("\($0.method) \($0.endpoint.path)") }
        let token = world.token("Bilal")
        let accepted = try await world.test { client in
            var accepted = 0
            for write in writes where (200..<300).contains(try await client.send(write.method, write.uri, token: token, json: write.json).status.code) {
                accepted += 1
            }
            return accepted
        }
        #expect(accepted >= 8, "citizens' own acts (comment, support, opinion, sign, follow, draft…) go through")
    }

    @Test func anErasedAccountsCredentialsStopWorkingEverywhere() async throws {
        let world = try await TrustWorld(secrets: .none)
        let bilal = TrustWorld.caller(world.seed, "Bilal")
        let token = world.token("Bilal")
        let probes = ProbeRequests.all(aimingAt: Self.publicTargets(world, as: "Bilal"), accesses: [.participant])
        let answers = try await world.test { client in
            let erased = try await client.send(.post, "/tenants/demo/participants/\(bilal.participantID)/erasure", token: token)
            #expect(erased.status == .ok)
            var statuses: Set<Int> = []
            for probe in probes { statuses.insert(Int(try await client.send(probe.method, probe.uri, token: token, json: probe.json).status.code)) }
            return statuses
        }
        #expect(answers == [401], "every endpoint refuses the erased account's token")
        // The library refuses the account itself too, whatever credential a host would hold.
        await #expect(throws: ParticipationError(.forbidden, "this account was erased")) {
            _ = try await world.service.follow(.process(world.seed.budgetID), by: bilal)
        }
    }

    @Test func whatStaffDoForACitizenIsInTheAuditLog() async throws {
        let world = try await TrustWorld(secrets: .none)
        let admin = world.token("Camille")
        let official = world.token("Dominique")
        let alice = TrustWorld.caller(world.seed, "Alice").participantID
        let bilal = TrustWorld.caller(world.seed, "Bilal").participantID
        let budget = world.seed.budgetID
        let project = world.seed.projectIDs[0]
        let actions = try await world.test { client in
            #expect(try await client.send(.post, "/tenants/demo/participants/\(alice)/tokens", token: admin).status == .created)
            let assisted = try await client.send(
                .post, "/tenants/demo/processes/\(budget)/assisted-ballots", token: official,
                json: #"{"voterID":"\#(alice)","choices":[{"propositionID":"\#(project)"}]}"#)
            #expect(assisted.status == .created)
            let paper = try await client.send(
                .post, "/tenants/demo/processes/\(budget)/paper-batches", token: official,
                json: #"{"station":"Mairie","batch":"lot 1","ballots":[{"voterID":"\#(bilal)","choices":[{"propositionID":"\#(project)"}]}]}"#)
            #expect(paper.status == .ok)
            let log = try await client.send(.get, "/tenants/demo/audit?limit=200", token: admin)
            return log.json["items"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
        }
        for action in ["credential.issued", "ballot.recorded", "paper-batch.recorded"] {
            #expect(actions.contains(action), "\(action) is audited")
        }
    }
}
