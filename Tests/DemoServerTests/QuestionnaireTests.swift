import HTTPTypes
import Participation
import Testing

@testable import demo_server

@Suite struct QuestionnaireTests {
    @Test func createAnswerProposeAndAggregate() async throws {
        let server = try await TestServer()
        try await server.test { client in
            let process = try await client.openProcess(kind: "questionnaire", actions: ["answer"], admin: server.admin)
            let body = #"""
                {"title":"Vos mobilités","acceptsCitizenQuestions":true,"questions":[
                  {"id":"mode","text":"Comment venez-vous ?","kind":"singleChoice","options":["Vélo","Bus","Voiture"],"required":true},
                  {"id":"idee","text":"Une idée ?","kind":"freeText","maximumLength":200}]}
                """#
            let citizen = try await client.send(.post, "/tenants/demo/processes/\(process)/questionnaires", token: server.alice, json: body)
            #expect(citizen.status == .forbidden)
            let created = try await client.send(.post, "/tenants/demo/processes/\(process)/questionnaires", token: server.admin, json: body)
            #expect(created.status == .created)
            let id = created.string("id") ?? ""
            let base = "/tenants/demo/questionnaires/\(id)"

            let answered = try await client.send(
                .put, "\(base)/my-answers", token: server.alice, json: #"{"answers":{"mode":{"choice":0},"idee":{"text":"Des arceaux."}}}"#)
            #expect(answered.status == .ok)
            let outOfRange = try await client.send(.put, "\(base)/my-answers", token: server.bilal, json: #"{"answers":{"mode":{"choice":7}}}"#)
            #expect(outOfRange.status == .unprocessableContent)
            #expect(outOfRange.errorField == "answers.mode")
            let twoForms = try await client.send(.put, "\(base)/my-answers", token: server.bilal, json: #"{"answers":{"mode":{"choice":1,"text":"Bus"}}}"#)
            #expect(twoForms.status == .badRequest)

            let proposed = try await client.send(
                .post, "\(base)/questions", token: server.bilal,
                json: #"{"text":"Quel jour pour le marché ?","kind":"singleChoice","options":["Samedi","Dimanche"]}"#)
            #expect(proposed.status == .created)
            #expect(proposed.json["questions"]?.arrayValue?.count == 3)
            let freeText = try await client.send(
                .post, "\(base)/questions", token: server.bilal, json: #"{"text":"Autre ?","kind":"freeText","options":[]}"#)
            #expect(freeText.status == .unprocessableContent)

            let results = try await client.send(.get, "\(base)/results")
            let first = results.json["items"]?.arrayValue?.first
            #expect(first?["choiceCounts"]?.arrayValue == [.number(1), .number(0), .number(0)])
            #expect(results.json["items"]?.arrayValue?[1]["texts"]?.arrayValue == [.string("Des arceaux.")])
            let read = try await client.send(.get, base)
            #expect(read.json["acceptsCitizenQuestions"] == .bool(true))
        }
    }
}
