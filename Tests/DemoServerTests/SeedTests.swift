import HTTPTypes
import Foundation
import Participation
import Testing

@testable import demo_server

@Suite struct SeedTests {
    @Test func seedLeavesABudgetInItsVotingPhaseAndUsableTokens() async throws {
        let server = try await TestServer()
        #expect(server.seed.accounts.count == 5)
        let budget = try await server.storage.process(server.seed.budgetID, in: DemoSeed.tenantID)
        #expect(budget.currentPhase?.id == "vote")
        #expect(budget.isVoteLocked)
        let value1 = try await DemoSeed.isEmpty(server.storage)
        #expect(!value1)
        try await server.test { client in
            for account in server.seed.accounts {
                let response2 = try await client.send(.get, "/tenants/demo/me", token: account.token)
                #expect(response2.status == .ok)
            }
        }
    }

    @Test func seedSubmitsAndReviewsProjectsThroughTheServiceAndOpensAPetition() async throws {
        let server = try await TestServer()
        let citizens = Set(server.seed.accounts.filter { $0.roles == [.citizen] }.map(\.participantID))
        for id in server.seed.projectIDs {
            let project = try await server.storage.proposition(id, in: DemoSeed.tenantID)
            #expect(project.status == .admissible)
            #expect(project.authors.allSatisfy(citizens.contains))
            let history = try await server.storage.statusHistory(of: id, in: DemoSeed.tenantID)
            #expect(history.map(\.status) == [.draft, .submitted, .admissible])
        }
        let audit = await server.storage.auditEntries(in: DemoSeed.tenantID, subject: nil)
        #expect(audit.filter { $0.action == "proposition.reviewed" }.count == server.seed.projectIDs.count)
        let petition = try await server.storage.petition(server.seed.petitionID, in: DemoSeed.tenantID)
        #expect(petition.signatureCount == 1)
        #expect(petition.threshold == 3)
        let process = try await server.storage.process(server.seed.petitionProcessID, in: DemoSeed.tenantID)
        #expect(process.currentPhase?.allowedActions.contains(.sign) == true)
    }

    @Test func tokensPersistInTheirFile() async throws {
        let file = URL.temporaryDirectory.appending(path: "tokens-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let caller = Caller(tenantID: "demo", participantID: "p-1")
        let token = try TokenRegistry(file: file).issue(for: caller)
        #expect(try TokenRegistry(file: file).caller(forToken: token) == caller)
    }
}
