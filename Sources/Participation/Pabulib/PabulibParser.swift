#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads Pabulib `.pb` files into a ``BudgetElection``.
///
/// Follows pabutools' `parse_pabulib`: UTF-8 with an optional byte order mark; `;`-separated
/// cells with CSV quoting; blank lines skipped; sections `META`, `PROJECTS`, `VOTES` (titles in
/// any case, in that order), each followed by its header line; cells trimmed; `None` (any case)
/// is a missing value; costs, the budget and points parsed exactly, a decimal comma tolerated;
/// vote lists split on `,` with empty pieces ignored.
///
/// It is stricter than pabutools where pabutools would crash or guess: anything malformed is
/// refused with ``ParticipationError/Code/malformedPabulib`` and a message naming the line.
public enum PabulibParser {
    /// Parses a `.pb` file.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``) for a
    ///   malformed file, or when the file cannot be read.
    public static func parse(contentsOf url: URL) throws -> BudgetElection {
        try withBytes(of: url) { try parse(buffer: $0) }
    }

    /// Parses Pabulib text.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``).
    public static func parse(_ text: String) throws -> BudgetElection {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses the UTF-8 bytes of a `.pb` file.
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``).
    public static func parse(bytes: [UInt8]) throws -> BudgetElection {
        try bytes.withUnsafeBufferPointer { try parse(buffer: $0) }
    }

    /// Reads a `.pb` file for counting only: the same checks and errors as ``parse(contentsOf:)``,
    /// but the ballots go straight into a ``CompactElection`` and voter ids and the VOTES
    /// attributes are not kept. The file is read once, as bytes; no string and no array is made
    /// per ballot. META entries are kept (``CompactElection/metadata``), project attributes too.
    ///
    /// - Throws: as ``parse(contentsOf:)``.
    public static func compactElection(contentsOf url: URL) throws -> CompactElection {
        try withBytes(of: url) { try compactElection(buffer: $0) }
    }

    /// Reads the UTF-8 bytes of a `.pb` file for counting only (see ``compactElection(contentsOf:)``).
    ///
    /// - Throws: ``ParticipationError`` (``ParticipationError/Code/malformedPabulib``).
    public static func compactElection(bytes: [UInt8]) throws -> CompactElection {
        try bytes.withUnsafeBufferPointer { try compactElection(buffer: $0) }
    }

    private static func withBytes<Result>(of url: URL, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ParticipationError(.malformedPabulib, "Cannot read \(url.path): \(error)", field: "file")
        }
        return try data.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self)) }
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) throws -> BudgetElection {
        var parser = PabulibDocumentParser(bytes: buffer, ballots: BudgetBallotSink())
        try parser.parse()
        // `parse()` returned, so the budget and the kind were read.
        return BudgetElection(
            uncheckedBudget: parser.budget ?? .zero, kind: parser.kind ?? .approval, projects: parser.projects,
            ballots: parser.ballots.ballots, metadata: parser.metadata, projectAttributeKeys: parser.projectAttributeKeys,
            voterAttributeKeys: parser.voterAttributeKeys)
    }

    private static func compactElection(buffer: UnsafeBufferPointer<UInt8>) throws -> CompactElection {
        var parser = PabulibDocumentParser(bytes: buffer, ballots: CompactBallotSink())
        try parser.parse()
        // `parse()` returned, so a VOTES section was read and the sink holds its election.
        var election = parser.ballots.election!
        election.metadata = parser.metadata
        return election
    }
}
