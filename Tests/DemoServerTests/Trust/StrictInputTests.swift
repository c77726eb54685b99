import Foundation
import HTTPTypes
import Participation
import Testing

@testable import demo_server

/// Anything that is not exactly valid is refused with a 4xx naming what is wrong, never
/// corrected or read another way, and changes nothing.
@Suite("Strict input")
struct StrictInputTests {
    @Test func queriesPathsAndTextsAreTakenExactlyOrRefused() async throws {
        let server = try await TestServer()
        let process = server.seed.petitionProcessID.rawValue
        try await server.test { client in
            let misspelt = try await client.send(.get, "/tenants/demo/processes/\(process)/propositions?limt=5")
            #expect(misspelt.status == .badRequest)
            #expect(misspelt.errorField == "limt")
            let twice = try await client.send(.get, "/tenants/demo/processes/\(process)/propositions?limit=5&limit=6")
            #expect(twice.status == .badRequest)
            #expect(twice.errorField == "limit")
            let badEscape = try await client.send(.get, "/tenants/demo/propositions/abc%zz")
            #expect(badEscape.status == .badRequest)
            #expect(badEscape.errorField == "propositionID")
            let before = try await client.send(.get, "/tenants/demo/processes/\(process)/my-propositions", token: server.alice)
            // Written as JSON: surrounding spaces, a NUL character.
            for title in [#"" Un titre""#, #""Un titre ""#, #""Un\u0000titre""#] {
                let body = #"{"title":\#(title),"body":"Un texte"}"#
                let refused = try await client.send(.post, "/tenants/demo/processes/\(process)/propositions", token: server.alice, json: body)
                #expect(refused.status == .unprocessableContent, "\(title) is refused, not trimmed")
                #expect(refused.errorField == "title")
            }
            let cents = try await client.send(
                .post, "/tenants/demo/processes/\(process)/propositions", token: server.alice,
                json: #"{"title":"Un titre","body":"Un texte","estimatedCost":1500.0}"#)
            #expect(cents.status == .badRequest)
            #expect(cents.errorField == "estimatedCost")
            let after = try await client.send(.get, "/tenants/demo/processes/\(process)/my-propositions", token: server.alice)
            #expect(after.text == before.text, "nothing refused was stored")
        }
    }
}
