import Foundation
import Testing

@testable import demo_server

/// The request-body parser against the JSON grammar, with `JSONDecoder` as the reference
/// for what is and is not JSON.
@Suite struct JSONParsingTests {
    static let valid = [
        #"{}"#, #"[]"#, #" {"a" : [1, -2.5, 3e2, 0.5E-3, true, false, null, "x"] } "#, #""text""#, #"0"#, #"-0"#,
        #"{"nested":{"deeper":[[],[{}]]}}"#, #""\"\\\/\b\f\n\r\t""#, #""\u00e9\u20AC""#, #""\uD83D\uDE00""#,
        "\"caf\u{e9} \u{1F600}\"", "\n\t[1]\r\n", #"1.0e+10"#, #"123456789012345678"#,
    ]

    static let invalid = [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{a:1}", "{\"a\" 1}", "[1 2]", "01", "1.", ".5", "-", "+1", "1e", "1e+",
        "tru", "nul", "True", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"tab\there\"",
        "[1] [2]", "{\"a\":1}}", "NaN", "Infinity", "'single'", "1e400",
    ]

    @Test(arguments: valid) func acceptsWhatJSONDecoderAccepts(_ text: String) throws {
        let reference = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try JSONValue(parsing: Array(text.utf8)) == reference)
    }

    @Test(arguments: invalid) func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(text.utf8)) }
        // Foundation's decoder tolerates a trailing comma; RFC 8259 does not, nor do we.
        if !Self.trailingCommas.contains(text) {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
        }
    }

    static let trailingCommas: Set = ["[1,]", "{\"a\":1,}"]

    @Test func surrogatesMustPairAndEscapesDecode() throws {
        #expect(try JSONValue(parsing: Array(#""\uD83D\uDE00""#.utf8)) == .string("\u{1F600}"))
        for lone in [#""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#, #""\uD83D\u0041""#] {
            #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(lone.utf8)) }
        }
    }

    @Test func nestingIsBoundedAndARepeatedKeyIsRefused() throws {
        let deep = String(repeating: "[", count: JSONValue.maximumDepth) + String(repeating: "]", count: JSONValue.maximumDepth)
        #expect(throws: Never.self) { try JSONValue(parsing: Array(deep.utf8)) }
        let tooDeep = "[" + deep + "]"
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(tooDeep.utf8)) }
        #expect(error?.reason == "arrays and objects nest too deeply")
        let repeated = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(#"{"a":1,"a":2}"#.utf8)) }
        #expect(repeated?.reason == "the key 'a' appears twice", "validated one way, decoded another: refused")
    }

    @Test func integersAreExactAndWrittenAsIntegers() throws {
        #expect(try JSONValue(parsing: Array("9007199254740993".utf8)) == .integer(9_007_199_254_740_993), "beyond 2^53, still exact")
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array("9223372036854775808".utf8)) }
        let schema = Schema.object([.required("cents", .integer)])
        for inexact in ["1.0", "1e3", "150000.5"] {
            let value = try JSONValue(parsing: Array(#"{"cents":\#(inexact)}"#.utf8))
            #expect(schema.violation(in: value)?.path == "cents", "\(inexact) is not an integer as written")
        }
    }

    @Test func theErrorSaysWhere() {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Array(#"{"a": [1, 2,, 3]}"#.utf8)) }
        #expect(error?.offset == 12)
    }
}
