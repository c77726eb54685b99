import Foundation
import Participation
import Testing

@Test func aProcessStoredBeforeLaterSettingsExistedStillDecodes() throws {
    // The shape a process had before budgets, archiving and tagging were added.
    let json = """
        {"id":"p","tenantID":"t","kind":"consultation","title":"Old","phases":[],"createdAt":0}
        """
    let process = try JSONDecoder().decode(ParticipatoryProcess.self, from: Data(json.utf8))
    #expect(process.title == "Old")
    #expect(process.allowsCitizenTagging == false)
    #expect(process.requiresCharter == true)
    #expect(process.budget == nil)
    #expect(process.moderation == ModerationSettings())
    let again = try JSONDecoder().decode(ParticipatoryProcess.self, from: try JSONEncoder().encode(process))
    #expect(again == process)
}
