import Foundation
@testable import Participation

/// The Pabulib fixtures copied into the test bundle (`resources: [.copy("Fixtures")]` puts the
/// `Fixtures` folder itself at the bundle's resource root).
enum FixtureLibrary {
    static let pabulibDirectory: URL = {
        // The test target declares the Fixtures folder as a copied resource, so it exists.
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("pabulib")
    }()

    static func url(_ name: String) -> URL { pabulibDirectory.appendingPathComponent(name) }

    static func election(_ name: String) throws -> BudgetElection {
        try PabulibParser.parse(contentsOf: url(name))
    }

    static func expectedOutcomes(_ table: String = "expected-outcomes.tsv") throws -> [ExpectedOutcome] {
        let text = try String(contentsOf: url(table), encoding: .utf8)
        return try ExpectedOutcome.table(text)
    }

    static var availableFiles: Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pabulibDirectory.path)) ?? []
        return Set(names.filter { $0.hasSuffix(".pb") })
    }
}
