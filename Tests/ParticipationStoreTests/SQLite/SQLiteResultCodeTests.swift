import ParticipationStore
import Testing

/// The extended constraint codes are defined by hand (Swift cannot import the C macros);
/// each one must be the code SQLite really returns for that violation.
@Suite("SQLite extended constraint codes")
struct SQLiteResultCodeTests {
    struct Violation: Sendable, CustomTestStringConvertible {
        let expected: SQLiteResultCode
        let sql: String
        var testDescription: String { sql }
    }

    static let violations: [Violation] = [
        Violation(expected: .constraintUnique, sql: "INSERT INTO child (id, parent_id, code) VALUES (2, 1, 'taken')"),
        Violation(expected: .constraintPrimaryKey, sql: "INSERT INTO child (id, parent_id, code) VALUES (1, 1, 'other')"),
        Violation(expected: .constraintForeignKey, sql: "INSERT INTO child (id, parent_id, code) VALUES (2, 99, 'other')"),
        Violation(expected: .constraintCheck, sql: "INSERT INTO child (id, parent_id, code, amount) VALUES (2, 1, 'other', -1)"),
        Violation(expected: .constraintNotNull, sql: "INSERT INTO child (id, parent_id, code) VALUES (2, 1, NULL)"),
        Violation(expected: .constraintTrigger, sql: "DELETE FROM parent"),
    ]

    @Test(arguments: violations)
    func violationReportsItsExtendedCode(_ violation: Violation) throws {
        let db = try SQLiteConnection.open(.inMemory)
        try db.executeScript("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (
                id INTEGER NOT NULL PRIMARY KEY,
                parent_id INTEGER NOT NULL REFERENCES parent(id),
                code TEXT NOT NULL UNIQUE,
                amount INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0)
            ) STRICT;
            CREATE TRIGGER parent_is_permanent BEFORE DELETE ON parent
            BEGIN SELECT RAISE(ABORT, 'parents are permanent'); END;
            INSERT INTO parent (id) VALUES (1);
            INSERT INTO child (id, parent_id, code) VALUES (1, 1, 'taken');
            """)

        let error = #expect(throws: SQLiteError.self) {
            try db.execute(sql: violation.sql)
        }
        #expect(error?.extendedCode == violation.expected)
        #expect(error?.code == .constraint)
    }
}
