extension PostgresSchema {
    /// Contributions. Composite primary keys are the one-per-participant rules: one support,
    /// opinion, comment vote, signature, votation ballot and questionnaire response per
    /// participant and object.
    static let contributions = PostgresMigration(
        version: 3,
        name: "contribution rules, supports, opinions, comments, official answers, petitions, votations, questionnaires",
        statements: [
            """
            CREATE TABLE contribution_rules (
                tenant_id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, process_id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            """
            CREATE TABLE support (
                tenant_id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                proposition_id text COLLATE "C" NOT NULL,
                supporter_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, proposition_id, supporter_id),
                FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id),
                FOREIGN KEY (tenant_id, supporter_id) REFERENCES participant (tenant_id, id)
            )
            """,
            "CREATE INDEX support_by_supporter ON support (tenant_id, process_id, supporter_id)",
            """
            CREATE TABLE opinion (
                tenant_id text COLLATE "C" NOT NULL,
                proposition_id text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, proposition_id, participant_id),
                FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
            )
            """,
            // `sequence` keeps the order comments were written in; `subject` is "kind:id".
            """
            CREATE TABLE comment (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                subject text COLLATE "C" NOT NULL,
                parent_id text COLLATE "C",
                value jsonb NOT NULL,
                UNIQUE (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
                FOREIGN KEY (tenant_id, parent_id) REFERENCES comment (tenant_id, id)
            )
            """,
            "CREATE INDEX comment_by_subject ON comment (tenant_id, process_id, subject, sequence)",
            """
            CREATE TABLE comment_vote (
                tenant_id text COLLATE "C" NOT NULL,
                comment_id text COLLATE "C" NOT NULL,
                voter_id text COLLATE "C" NOT NULL,
                vote text COLLATE "C" NOT NULL CHECK (vote IN ('up', 'down')),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, comment_id, voter_id),
                FOREIGN KEY (tenant_id, comment_id) REFERENCES comment (tenant_id, id),
                FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
            )
            """,
            """
            CREATE TABLE official_answer (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                subject text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                UNIQUE (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            "CREATE INDEX official_answer_by_subject ON official_answer (tenant_id, process_id, subject, sequence)",
            """
            CREATE TABLE petition (
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                revision bigint NOT NULL CHECK (revision >= 0),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            "CREATE INDEX petition_by_process ON petition (tenant_id, process_id, id)",
            """
            CREATE TABLE petition_signature (
                tenant_id text COLLATE "C" NOT NULL,
                petition_id text COLLATE "C" NOT NULL,
                signer_id text COLLATE "C" NOT NULL,
                signed_at double precision NOT NULL,
                PRIMARY KEY (tenant_id, petition_id, signer_id),
                FOREIGN KEY (tenant_id, petition_id) REFERENCES petition (tenant_id, id),
                FOREIGN KEY (tenant_id, signer_id) REFERENCES participant (tenant_id, id)
            )
            """,
            """
            CREATE TABLE petition_status (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                petition_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                FOREIGN KEY (tenant_id, petition_id) REFERENCES petition (tenant_id, id)
            )
            """,
            "CREATE INDEX petition_status_by_petition ON petition_status (tenant_id, petition_id, sequence)",
            """
            CREATE TABLE votation (
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            """
            CREATE TABLE votation_ballot (
                tenant_id text COLLATE "C" NOT NULL,
                votation_id text COLLATE "C" NOT NULL,
                voter_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, votation_id, voter_id),
                FOREIGN KEY (tenant_id, votation_id) REFERENCES votation (tenant_id, id),
                FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
            )
            """,
            """
            CREATE TABLE votation_answer (
                tenant_id text COLLATE "C" NOT NULL,
                votation_id text COLLATE "C" NOT NULL,
                voter_id text COLLATE "C" NOT NULL,
                question_id text COLLATE "C" NOT NULL,
                answer text COLLATE "C" NOT NULL CHECK (answer IN ('yes', 'no')),
                PRIMARY KEY (tenant_id, votation_id, voter_id, question_id),
                FOREIGN KEY (tenant_id, votation_id, voter_id) REFERENCES votation_ballot (tenant_id, votation_id, voter_id)
            )
            """,
            "CREATE INDEX votation_answer_by_question ON votation_answer (tenant_id, votation_id, question_id, answer)",
            """
            CREATE TABLE questionnaire (
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            """
            CREATE TABLE questionnaire_response (
                tenant_id text COLLATE "C" NOT NULL,
                questionnaire_id text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, questionnaire_id, participant_id),
                FOREIGN KEY (tenant_id, questionnaire_id) REFERENCES questionnaire (tenant_id, id),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
            )
            """,
        ])
}
