extension StoreSchema {
    /// Contributions. Composite primary keys are the one-per-participant rules: one support,
    /// opinion, comment vote, signature, votation ballot and questionnaire response per
    /// participant and object.
    static let contributions = SQLiteMigration(version: 3, name: "contribution rules, supports, opinions, comments, official answers, petitions, votations, questionnaires", sql: """
        CREATE TABLE contribution_rules (
            tenant_id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, process_id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE support (
            tenant_id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            proposition_id TEXT NOT NULL,
            supporter_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, proposition_id, supporter_id),
            FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id),
            FOREIGN KEY (tenant_id, supporter_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX support_by_supporter ON support (tenant_id, process_id, supporter_id);

        CREATE TABLE opinion (
            tenant_id TEXT NOT NULL,
            proposition_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, proposition_id, participant_id),
            FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        -- `sequence` keeps the order comments were written in; `subject` is "kind:id".
        CREATE TABLE comment (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            parent_id TEXT,
            value TEXT NOT NULL,
            UNIQUE (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
            FOREIGN KEY (tenant_id, parent_id) REFERENCES comment (tenant_id, id)
        ) STRICT;
        CREATE INDEX comment_by_subject ON comment (tenant_id, process_id, subject, sequence);

        CREATE TABLE comment_vote (
            tenant_id TEXT NOT NULL,
            comment_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, comment_id, voter_id),
            FOREIGN KEY (tenant_id, comment_id) REFERENCES comment (tenant_id, id),
            FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE official_answer (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            subject TEXT NOT NULL,
            value TEXT NOT NULL,
            UNIQUE (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT;
        CREATE INDEX official_answer_by_subject ON official_answer (tenant_id, process_id, subject, sequence);

        CREATE TABLE petition (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX petition_by_process ON petition (tenant_id, process_id, id);

        CREATE TABLE petition_signature (
            tenant_id TEXT NOT NULL,
            petition_id TEXT NOT NULL,
            signer_id TEXT NOT NULL,
            signed_at REAL NOT NULL,
            PRIMARY KEY (tenant_id, petition_id, signer_id),
            FOREIGN KEY (tenant_id, petition_id) REFERENCES petition (tenant_id, id),
            FOREIGN KEY (tenant_id, signer_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE petition_status (
            sequence INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            petition_id TEXT NOT NULL,
            value TEXT NOT NULL,
            FOREIGN KEY (tenant_id, petition_id) REFERENCES petition (tenant_id, id)
        ) STRICT;
        CREATE INDEX petition_status_by_petition ON petition_status (tenant_id, petition_id, sequence);

        CREATE TABLE votation (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE votation_ballot (
            tenant_id TEXT NOT NULL,
            votation_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, votation_id, voter_id),
            FOREIGN KEY (tenant_id, votation_id) REFERENCES votation (tenant_id, id),
            FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE votation_answer (
            tenant_id TEXT NOT NULL,
            votation_id TEXT NOT NULL,
            voter_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
            PRIMARY KEY (tenant_id, votation_id, voter_id, question_id),
            FOREIGN KEY (tenant_id, votation_id, voter_id) REFERENCES votation_ballot (tenant_id, votation_id, voter_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX votation_answer_by_question ON votation_answer (tenant_id, votation_id, question_id, answer);

        CREATE TABLE questionnaire (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            process_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE questionnaire_response (
            tenant_id TEXT NOT NULL,
            questionnaire_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (tenant_id, questionnaire_id, participant_id),
            FOREIGN KEY (tenant_id, questionnaire_id) REFERENCES questionnaire (tenant_id, id),
            FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        """)
}
