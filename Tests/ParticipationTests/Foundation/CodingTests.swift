import Foundation
import Participation
import Testing

@Test func identifiersAndOpenCodesEncodeAsPlainStrings() throws {
    struct Sample: Codable, Equatable {
        let id: ProcessID
        let status: PropositionStatus
        let kind: PhaseKind
        let reason: ReviewReason
    }
    let sample = Sample(id: "p-1", status: .underReview, kind: .coConstruction, reason: .alreadyExists)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(sample), as: UTF8.self)
    #expect(json == #"{"id":"p-1","kind":"co-construction","reason":"already-exists-or-planned","status":"under-review"}"#)
    #expect(try JSONDecoder().decode(Sample.self, from: Data(json.utf8)) == sample)
}

@Test func anIdentifierFromOutsideRefusesExactlyTheControlCharacters() {
    for value in UInt32(0)...0xFFFF {
        guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
        let raw = "id" + String(Character(scalar))
        let refused = (try? ParticipantID.validated(raw, field: "id")) == nil
        #expect(refused == (scalar.properties.generalCategory == .control), "U+\(String(value, radix: 16))")
    }
    #expect((try? ParticipantID.validated("", field: "id")) == nil)
    #expect((try? ParticipantID.validated(String(repeating: "a", count: 129), field: "id")) == nil)
    #expect((try? ParticipantID.validated("é-€-😀", field: "id"))?.rawValue == "é-€-😀")
}
