import Foundation
@testable import Participation
import Testing

@Suite("Random identifiers (UUID version 7)")
struct RandomIdentifiersTests {
    /// 2025-06-15T15:06:40.123Z.
    static let milliseconds: UInt64 = 1_750_000_000_123

    @Test func layoutIsAVersion7UUIDWhoseFirst48BitsAreTheTime() throws {
        var random = SeededRandom(seed: 7)
        let text = RandomIdentifiers.uuidVersion7(milliseconds: Self.milliseconds, using: &random)
        let uuid = try #require(UUID(uuidString: text))
        #expect(text == uuid.uuidString.lowercased())
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        let time = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(time == Self.milliseconds)
        #expect(bytes[6] >> 4 == 7, "version nibble")
        #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
    }

    @Test func idsMadeLaterSortAfterEarlierOnes() {
        var random = SeededRandom(seed: 1)
        let ids = (0..<1_000).map { RandomIdentifiers.uuidVersion7(milliseconds: Self.milliseconds + UInt64($0), using: &random) }
        #expect(ids == ids.sorted())
    }

    @Test func idsOfOneMillisecondDifferByTheirRandomBits() {
        let ids = (0..<10_000).map { _ in RandomIdentifiers.uuidVersion7(milliseconds: Self.milliseconds) }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids.map { $0.prefix(13) }).count == 1, "same time prefix")
    }

    @Test func nextPrefixesTheKindOfObject() {
        let id = RandomIdentifiers().next(prefix: "ballot")
        #expect(id.hasPrefix("ballot-"))
        #expect(UUID(uuidString: String(id.dropFirst("ballot-".count))) != nil)
    }
}
