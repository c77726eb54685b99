import Foundation
import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct PabulibTests {
    static let election = """
        META
        key;value
        description;Essai
        country;France
        unit;Démo
        instance;2026
        num_projects;3
        num_votes;2
        budget;1000
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;name
        1;600;Parc
        2;300;Piste cyclable
        3;200;Bancs
        VOTES
        voter_id;vote
        1;1,2
        2;2,3

        """

    /// The import body: the election's text as a JSON string.
    static func body(_ text: String) throws -> String {
        String(decoding: try JSONCoding.encoder().encode(PabulibImportBody(pabulib: text)), as: UTF8.self)
    }

    /// A budget whose vote phase has not opened, with no projects; returns its path.
    static func emptyBudget(_ server: TestServer, _ client: APIClient) async throws -> String {
        let created = try await client.send(
            .post, "/tenants/demo/processes", token: server.admin,
            json: #"{"kind":"participatoryBudget","title":"Import","requiresCharter":false,"phases":[{"id":"vote","name":"Vote","kind":"vote","allowedActions":["vote"]}]}"#)
        #expect(created.status == .created)
        return "/tenants/demo/processes/\(created.string("id") ?? "")"
    }

    @Test func importThenCountAndExport() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let base = try await Self.emptyBudget(server, client)
            let imported = try await client.send(.post, "\(base)/pabulib", token: server.admin, json: try Self.body(Self.election))
            #expect(imported.status == .created)
            #expect(imported.json["projects"] == .number(3))
            #expect(imported.json["ballots"] == .number(2))
            let projects = try await client.send(.get, "\(base)/propositions")
            #expect(Set(projects.json["items"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []) == ["Parc", "Piste cyclable", "Bancs"])
            let process = try await client.send(.get, base)
            #expect(process.json["budget"]?["envelope"] == .number(100_000))

            try await client.send(.post, "\(base)/phases/vote/open", token: server.admin)
            try await client.send(.post, "\(base)/phases/vote/close", token: server.admin)
            let counted = try await client.send(.get, "\(base)/count?rule=greedy-cost", token: server.admin)
            let scope = try #require(counted.json["scopes"]?.arrayValue?.first)
            #expect(scope["ballots"] == .number(2))
            let processID = String(base.split(separator: "/").last ?? "")
            #expect(scope["selected"]?.arrayValue?.contains(.string("\(processID)/2")) == true)
            let exported = try await client.send(.get, "\(base)/pabulib", token: server.admin)
            let again = try PabulibParser.parse(try #require(exported.string("pabulib")))
            #expect(again.projects.map(\.cost).sorted() == [200, 300, 600])
            #expect(again.ballots.count == 2)
        }
    }

    @Test func refusalsChangeNothing() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let base = try await Self.emptyBudget(server, client)
            let body = try Self.body(Self.election)
            let anonymous = try await client.send(.post, "\(base)/pabulib", json: body)
            #expect(anonymous.status == .unauthorized)
            let citizen = try await client.send(.post, "\(base)/pabulib", token: server.alice, json: body)
            #expect(citizen.status == .forbidden)
            let nowhere = try await client.send(.post, "/tenants/demo/processes/nowhere/pabulib", token: server.admin, json: body)
            #expect(nowhere.status == .notFound)
            let malformed = try await client.send(
                .post, "\(base)/pabulib", token: server.admin, json: try Self.body("META\nkey;value\nbudget;abc\n"))
            #expect(malformed.status == .unprocessableContent)
            #expect(malformed.errorCode == "malformed_pabulib")
            #expect(malformed.errorField == "budget")
            let notText = try await client.send(.post, "\(base)/pabulib", token: server.admin, json: #"{"pabulib":42}"#)
            #expect(notText.status == .badRequest)
            #expect(notText.errorField == "pabulib")
            let petitions = try await client.send(
                .post, "/tenants/demo/processes/\(server.seed.petitionProcessID)/pabulib", token: server.admin, json: body)
            #expect(petitions.errorField == "kind")
            #expect(try await client.send(.get, "\(base)/propositions").json["items"] == .array([]))

            try await client.send(.post, "\(base)/pabulib", token: server.admin, json: body)
            let twice = try await client.send(.post, "\(base)/pabulib", token: server.admin, json: body)
            #expect(twice.status == .conflict)
            #expect(try await client.send(.get, "\(base)/propositions").json["items"]?.arrayValue?.count == 3)
        }
    }

    @Test func aFileOverTheBodyLimitIs413() async throws {
        let server = try await TestServer(bodyLimit: 256)
        try await server.test { client in
            let base = try await Self.emptyBudget(server, client)
            let large = Self.election + String(repeating: "\n", count: 300)
            let response = try await client.send(.post, "\(base)/pabulib", token: server.admin, json: try Self.body(large))
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "body_too_large")
            #expect(try await client.send(.get, "\(base)/propositions").json["items"] == .array([]))
        }
    }
}
