import HTTPTypes
import Testing

@testable import demo_server

@Suite struct AuditTests {
    @Test func staffReadTheLogPageByPage() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let all = try await client.send(.get, "/tenants/demo/audit", token: server.official)
            #expect(all.status == .ok)
            let count = try #require(all.json["items"]?.arrayValue?.count)
            #expect(count >= 6)
            let first = try await client.send(.get, "/tenants/demo/audit?limit=2", token: server.admin)
            let next = try #require(first.string("next"))
            let second = try await client.send(.get, "/tenants/demo/audit?limit=2&after=\(next)", token: server.admin)
            #expect(second.json["items"]?.arrayValue?.first != first.json["items"]?.arrayValue?.first)
            let subject = try await client.send(
                .get, "/tenants/demo/audit?subject=process:\(server.seed.budgetID)", token: server.admin)
            #expect(subject.json["items"]?.arrayValue?.allSatisfy { $0["subject"]?.stringValue == "process:\(server.seed.budgetID)" } == true)
        }
    }

    @Test func pagingErrorsAndCitizens() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let response1 = try await client.send(.get, "/tenants/demo/audit", token: server.alice)
            #expect(response1.status == .forbidden)
            let zero = try await client.send(.get, "/tenants/demo/audit?limit=0", token: server.admin)
            #expect(zero.status == .badRequest)
            #expect(zero.errorField == "limit")
            let response2 = try await client.send(.get, "/tenants/demo/audit?limit=abc", token: server.admin)
            #expect(response2.status == .badRequest)
            let response3 = try await client.send(.get, "/tenants/demo/audit?limit=500", token: server.admin)
            #expect(response3.status == .badRequest)
            let response4 = try await client.send(.get, "/tenants/demo/audit?after=nope", token: server.admin)
            #expect(response4.status == .badRequest)
        }
    }
}
