import ParticipationStore
import Testing

@Suite("Decoded text cache")
struct DecodedTextCacheTests {
    private struct Unreadable: Error {}

    /// `text` read back as a column (how the store reads documents), decoded through the cache.
    private func decoded<Value>(
        _ type: Value.Type, _ text: String, on connection: SQLiteConnection, decode: (String) throws -> Value
    ) throws -> Value {
        let value = try connection.fetchOne(sql: "SELECT ?", arguments: [.text(text)]) { row in
            try connection.decodedValue(type, fromColumn: 0, of: row, decode: decode)
        }
        // `SELECT ?` always returns its one row.
        guard let value else { throw Unreadable() }
        return value
    }

    /// The same text is decoded once; any other text, even one byte apart or equal as
    /// Unicode but not as bytes, is decoded afresh; a failed decoding is not remembered.
    @Test func sameBytesDecodeOnceAndAnyChangeDecodesAgain() throws {
        let connection = try SQLiteConnection.open(.inMemory)
        var decodings: [String] = []
        func decode(_ text: String) throws -> String {
            try decoded(String.self, text, on: connection) { text in
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
        let values = try texts.map { text in try decoded(String.self, text, on: connection) { String($0.dropFirst(200).prefix(4)) } }
        #expect(values == ["open", "shut", "void"])
        #expect(try decoded(String.self, texts[1], on: connection) { _ in "decoded again" } == "shut")
    }

    /// Values of different types decoded from the same text are kept apart.
    @Test func theSameTextDecodesPerType() throws {
        let connection = try SQLiteConnection.open(.inMemory)
        let number = try decoded(Int.self, "7", on: connection) { Int($0) ?? 0 }
        let text = try decoded(String.self, "7", on: connection) { "seven" + $0 }
        #expect(number == 7)
        #expect(text == "seven7")
    }
}
