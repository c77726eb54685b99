import Foundation
import Testing
@testable import Participation

@Suite struct PabulibParserTests {
    static let valid = """
        \u{FEFF}meta
        key;value
        description;"A test; with a semicolon"
        budget;1000,50
        vote_type;cumulative
        Projects
        project_id;cost;name;category
        1;500.25;"Park ""Green"" phase";None
        2;300;Library;culture,education
        10;0;Free;None

        VOTES
        voter_id;vote;points;age
        v1;2,1;3,1;34
        v2;10;4;None
        v3;;;
        """

    @Test func parsesSectionsQuotesNoneAndDecimalCommas() throws {
        let election = try PabulibParser.parse(Self.valid)
        #expect(election.kind == .cumulative)
        #expect(election.budget == Rational(decimal: "1000.5"))
        #expect(election.metadataValue(for: "description") == "A test; with a semicolon")
        #expect(election.projects.map(\.id) == ["1", "2", "10"])
        #expect(election.projects[0].cost == Rational(BigInt(50025), BigInt(100)))
        #expect(election.projectAttributeKeys == ["name", "category"])
        #expect(election.projects[0].attributes == ["Park \"Green\" phase", nil])
        #expect(election.projects[1].attributes == ["Library", "culture,education"])
        #expect(election.ballots.count == 3)
        #expect(election.ballots[0].projects == [1, 0])
        #expect(election.ballots[0].points == [3, 1])
        #expect(election.ballots[0].attributes == ["34"])
        #expect(election.ballots[1].attributes == [nil])
        #expect(election.ballots[2].projects.isEmpty)
    }

    @Test func exportThenImportGivesTheSameElection() throws {
        let election = try PabulibParser.parse(Self.valid)
        let again = try PabulibParser.parse(try PabulibWriter.text(of: election))
        #expect(again == election)
    }

    @Test func writerRefusesIdsWithCommas() throws {
        let election = try BudgetElection.approvals(budget: 10, projects: [BudgetProject(id: "a,b", cost: 1)], approvals: [])
        #expect(throws: ParticipationError.self) { try PabulibWriter.text(of: election) }
    }

    static let malformed: [(name: String, text: String, line: Int, fragment: String)] = [
        ("unknown section", "META\nkey;value\nbudget;10\nvote_type;approval\nRESULTS\n", 5, "unknown section"),
        ("project header without cost", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;name\n", 6, "no cost column"),
        ("votes header without vote", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;age\n", 9, "no vote column"),
        ("unknown project in a vote", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nv1;1\nv2;1,7\n", 11, "unknown project \"7\""),
        ("duplicate project id", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n1;6\n", 8, "project id 1 appears twice"),
        ("duplicate voter id", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nv1;1\nv1;1\n", 11, "voter id v1 appears twice"),
        ("bad cost", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;five\n", 7, "cost \"five\""),
        ("points length mismatch", "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;5\n2;5\nVOTES\nvoter_id;vote;points\nv1;1,2;3\n", 11, "gives 1 points for 2 projects"),
        ("missing budget", "META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\nv1;1\n", 1, "no budget"),
        ("bad budget", "META\nkey;value\nbudget;lots\nvote_type;approval\n", 3, "budget \"lots\""),
        ("unknown vote type", "META\nkey;value\nbudget;10\nvote_type;quadratic\n", 4, "unknown vote_type"),
        ("sections out of order", "META\nkey;value\nbudget;10\nvote_type;approval\nVOTES\nvoter_id;vote\n", 5, "VOTES comes before"),
        ("missing votes section", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n", 7, "VOTES section is missing"),
        ("too many cells", "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5;extra\n", 7, "3 cells for 2 header columns"),
        ("content before META", "hello;world\nMETA\nkey;value\n", 1, "before the META section"),
        ("repeated voter id out of order", "\(votesHeader)3;1\n1;1\n2;1\n1;1\n", 14, "voter id 1 appears twice"),
        ("repeated voter id in order", "\(votesHeader)1;1\n2;1\n2;1\n", 13, "voter id 2 appears twice"),
        ("too many cells in a vote", "\(votesHeader)1;1;extra\n", 11, "3 cells for 2 header columns"),
        ("unknown long project id", "\(votesHeader)1;1,123456789012\n", 11, "unknown project \"123456789012\""),
        ("unknown project after a quoted cell", "\(votesHeader)\"1\";\"1,9\"\n", 11, "unknown project \"9\""),
    ]

    /// META, PROJECTS (ids 1 and 2) and a VOTES header `voter_id;vote`: VOTES rows start at line 11.
    static let votesHeader = "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\n2;5\nVOTES\nvoter_id;vote\n"

    @Test(arguments: malformed.indices)
    func malformedFilesAreRefusedWithTheLineAndTheProblem(_ index: Int) {
        let case_ = Self.malformed[index]
        // Both readers take the same decisions, in the same words.
        let readers: [(String, () throws -> Void)] = [
            ("full", { _ = try PabulibParser.parse(case_.text) }),
            ("counting", { _ = try PabulibParser.compactElection(bytes: Array(case_.text.utf8)) }),
        ]
        for (reader, read) in readers {
            do {
                try read()
                Issue.record("\(case_.name), \(reader): accepted")
            } catch let error as ParticipationError {
                #expect(error.code == .malformedPabulib, "\(case_.name), \(reader)")
                #expect(error.message.hasPrefix("Line \(case_.line):"), "\(case_.name), \(reader): \(error.message)")
                #expect(error.message.contains(case_.fragment), "\(case_.name), \(reader): \(error.message)")
            } catch {
                Issue.record("\(case_.name), \(reader): unexpected \(error)")
            }
        }
    }

    /// Rows the counting reader's plain path refuses and hands to the general one: quoted cells,
    /// spaces to trim, a carriage return, `None`, repeats, empty pieces, long ids, voter ids out
    /// of order, a one-cell row, a title-like voter id.
    static let unusualVotes = """
        META
        key;value
        budget;100
        vote_type;approval
        PROJECTS
        project_id;cost
        1;10
        2;20
        long-project-id;30
        VOTES
        voter_id;vote;age
        10;1,2;30
        "11";"2,1";31
        12; 1 , 2 ;32\r
        13;None;33
        14;2,2,,1;34
        15;long-project-id,1;35
        3;1;None
        meta2;2
        20
        21;1,2
        """

    @Test func theCountingReaderReadsWhatTheFullParserReads() throws {
        let full = CompactElection(try PabulibParser.parse(Self.unusualVotes))
        let compact = try PabulibParser.compactElection(bytes: Array(Self.unusualVotes.utf8))
        Self.expectSameCountingInput(compact, full)
        #expect(compact.voterCount == 10)
        #expect(compact.supporterCounts == [7, 6, 1])
    }

    @Test func theCountingReaderReadsEveryFixtureLikeTheFullParser() throws {
        for file in FixtureLibrary.availableFiles.sorted() {
            let bytes = try [UInt8](Data(contentsOf: FixtureLibrary.url(file)))
            Self.expectSameCountingInput(
                try PabulibParser.compactElection(bytes: bytes), CompactElection(try PabulibParser.parse(bytes: bytes)), file)
        }
    }

    static func expectSameCountingInput(_ a: CompactElection, _ b: CompactElection, _ label: String = "") {
        #expect(a.budget == b.budget, "\(label)")
        #expect(a.kind == b.kind, "\(label)")
        #expect(a.projects == b.projects, "\(label)")
        #expect(a.metadata == b.metadata, "\(label)")
        #expect(a.voterCount == b.voterCount, "\(label)")
        #expect(a.supporterCounts == b.supporterCounts, "\(label)")
        #expect(a.pointTotals == b.pointTotals, "\(label)")
        let (left, right) = (DistinctBallotTable(merging: a), DistinctBallotTable(merging: b))
        #expect(left.members == right.members && left.offsets == right.offsets, "\(label)")
        #expect(left.points == right.points && left.weights == right.weights, "\(label)")
    }
}
