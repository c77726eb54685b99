import ParticipationStore
import Testing

@Suite("Decoded text cache")
struct DecodedTextCacheTests {
    private struct Unreadable: Error {}

    /// The same text is decoded once; any other text, even one byte apart or equal as
    /// Unicode but not as bytes, is decoded afresh; a failed decoding is not remembered.
    @Test func sameBytesDecodeOnceAndAnyChangeDecodesAgain() throws {
        let connection = try SQLiteConnection.open(.inMemory)
        var decodings: [String] = []
        func decode(_ text: String) throws -> String {
            try connection.decodedValue(String.self, from: text) { text in
                decodings.append(text)
                if text == "bad" { throw Unreadable() }
                return "decoded " + text
            }
        }

        #expect(try decode("{\"status\":\"open\"}") == "decoded {\"status\":\"open\"}")
        #expect(try decode("{\"status\":\"open\"}") == "decoded {\"status\":\"open\"}")
        #expect(try decode("{\"status\":\"closed\"}") == "decoded {\"status\":\"closed\"}")
        // Same length, one word apart.
        #expect(try decode("{\"status\":\"shut\"}") == "decoded {\"status\":\"shut\"}")
        // "é" precomposed, then as "e" and a combining accent: equal Strings, different bytes.
        _ = try decode("\u{E9}")
        _ = try decode("e\u{301}")
        #expect(throws: Unreadable.self) { try decode("bad") }
        #expect(throws: Unreadable.self) { try decode("bad") }

        #expect(decodings == ["{\"status\":\"open\"}", "{\"status\":\"closed\"}", "{\"status\":\"shut\"}", "\u{E9}", "e\u{301}", "bad", "bad"])
    }

    /// Long texts that share their length and both ends, which is all a key's hash covers,
    /// are still told apart by their middle.
    @Test func longTextsDifferingOnlyInTheMiddleAreDecodedApart() throws {
        let connection = try SQLiteConnection.open(.inMemory)
        let end = String(repeating: "x", count: 200)
        let texts = ["open", "shut", "void"].map { end + $0 + end }
        let decoded = texts.map { text in connection.decodedValue(String.self, from: text) { String($0.dropFirst(200).prefix(4)) } }
        #expect(decoded == ["open", "shut", "void"])
        #expect(connection.decodedValue(String.self, from: texts[1]) { _ in "decoded again" } == "shut")
    }

    /// Values of different types decoded from the same text are kept apart.
    @Test func theSameTextDecodesPerType() throws {
        let connection = try SQLiteConnection.open(.inMemory)
        let number = connection.decodedValue(Int.self, from: "7") { Int($0) ?? 0 }
        let text = connection.decodedValue(String.self, from: "7") { "seven" + $0 }
        #expect(number == 7)
        #expect(text == "seven7")
    }
}
