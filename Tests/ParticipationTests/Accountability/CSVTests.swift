import Participation
import Testing

@Suite("CSV writing")
struct CSVTests {
    @Test func everyFieldIsQuotedAndInnerQuotesDoubled() {
        let table = CSVTable(
            header: ["id", "text"],
            rows: [
                ["1", #"Un "grand" parc"#],
                ["2", "virgule, point-virgule; fin"],
                ["3", "ligne 1\nligne 2\r\nligne 3"],
                ["4", ""],
            ])
        #expect(
            table.text
                == "\"id\",\"text\"\r\n\"1\",\"Un \"\"grand\"\" parc\"\r\n\"2\",\"virgule, point-virgule; fin\"\r\n\"3\",\"ligne 1\nligne 2\r\nligne 3\"\r\n\"4\",\"\"\r\n")
        let parsed = try? CSVTable.parse(table.text)
        #expect(parsed == [table.header] + table.rows)
    }

    @Test func bytesAreUTF8WithAnOptionalByteOrderMark() {
        let table = CSVTable(header: ["quartier"], rows: [["Île Verte — été"]])
        #expect(Array(table.utf8().prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(table.utf8(byteOrderMark: false) == Array(table.text.utf8))
        #expect(String(decoding: table.utf8(byteOrderMark: false), as: UTF8.self).contains("Île Verte — été"))
    }

    @Test func anUnclosedQuoteIsRefused() {
        #expect(throws: ParticipationError.self) { try CSVTable.parse("\"open,\r\n") }
    }

    @Test func smallCellsAreSuppressedWithASecondaryCell() {
        #expect(SmallCellSuppression.apply([12, 3, 0, 40], minimumGroupSize: 10) == [nil, nil, 0, 40])
        #expect(SmallCellSuppression.apply([12, 3, 4, 40], minimumGroupSize: 10) == [12, nil, nil, 40])
        #expect(SmallCellSuppression.apply([12, 10, 0], minimumGroupSize: 10) == [12, 10, 0])
    }
}
