extension PostgresSchema {
    static let version1 = PostgresMigration(
        version: 1, name: "tenants, participants, charters, processes, audit, propositions, ballots",
        statements: [
            """
            CREATE TABLE tenant (
                id text COLLATE "C" NOT NULL PRIMARY KEY,
                parent_id text COLLATE "C" REFERENCES tenant (id),
                value jsonb NOT NULL
            )
            """,
            """
            CREATE TABLE participant (
                tenant_id text COLLATE "C" NOT NULL REFERENCES tenant (id),
                id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            // One real person, one account: a verified identity key binds one participant.
            """
            CREATE TABLE participant_identity (
                tenant_id text COLLATE "C" NOT NULL,
                identity_key text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                PRIMARY KEY (tenant_id, identity_key),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id)
            )
            """,
            """
            CREATE TABLE charter (
                tenant_id text COLLATE "C" NOT NULL REFERENCES tenant (id),
                version bigint NOT NULL CHECK (version >= 1),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, version)
            )
            """,
            // `SET search_path FROM CURRENT`: the function finds its tables in the store's
            // schema whatever the calling session's search path.
            """
            CREATE FUNCTION charter_versions_are_consecutive() RETURNS trigger
            LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                IF NEW.version <> (SELECT coalesce(max(version), 0) + 1 FROM charter WHERE tenant_id = NEW.tenant_id) THEN
                    RAISE EXCEPTION 'a charter version must be the current version + 1';
                END IF;
                RETURN NEW;
            END
            $$
            """,
            """
            CREATE TRIGGER charter_versions_are_consecutive BEFORE INSERT ON charter
            FOR EACH ROW EXECUTE FUNCTION charter_versions_are_consecutive()
            """,
            """
            CREATE TABLE charter_acceptance (
                tenant_id text COLLATE "C" NOT NULL,
                participant_id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                accepted_at double precision NOT NULL,
                PRIMARY KEY (tenant_id, participant_id),
                FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id),
                FOREIGN KEY (tenant_id, version) REFERENCES charter (tenant_id, version)
            )
            """,
            """
            CREATE TABLE process (
                tenant_id text COLLATE "C" NOT NULL REFERENCES tenant (id),
                id text COLLATE "C" NOT NULL,
                revision bigint NOT NULL CHECK (revision >= 0),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            // `sequence` keeps the order entries were written in.
            """
            CREATE TABLE audit_entry (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL REFERENCES tenant (id),
                id text COLLATE "C" NOT NULL,
                subject text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                UNIQUE (tenant_id, id)
            )
            """,
            "CREATE INDEX audit_entry_by_subject ON audit_entry (tenant_id, subject, sequence)",
            """
            CREATE TABLE proposition (
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                awaits_review boolean NOT NULL,
                revision bigint NOT NULL CHECK (revision >= 0),
                value jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            "CREATE INDEX proposition_by_process ON proposition (tenant_id, process_id, id)",
            "CREATE INDEX proposition_awaiting_review ON proposition (tenant_id, process_id) WHERE awaits_review",
            """
            CREATE TABLE proposition_version (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                proposition_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id)
            )
            """,
            "CREATE INDEX proposition_version_by_proposition ON proposition_version (tenant_id, proposition_id, sequence)",
            """
            CREATE TABLE proposition_status (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                proposition_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                FOREIGN KEY (tenant_id, proposition_id) REFERENCES proposition (tenant_id, id)
            )
            """,
            "CREATE INDEX proposition_status_by_proposition ON proposition_status (tenant_id, proposition_id, sequence)",
            // Every ballot id ever stored, so that a replaced or withdrawn ballot's id is
            // never reused; filled by a trigger on `ballot`.
            """
            CREATE TABLE ballot_id (
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            // The ballots that count. A channel's details are columns, checked against it.
            """
            CREATE TABLE ballot (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                voter_id text COLLATE "C" NOT NULL,
                scope_id text COLLATE "C",
                channel text COLLATE "C" NOT NULL CHECK (channel IN ('online', 'paper', 'assisted', 'kiosk')),
                station text COLLATE "C" CHECK ((station IS NOT NULL) = (channel = 'paper')),
                batch text COLLATE "C" CHECK ((batch IS NOT NULL) = (channel = 'paper')),
                agent_id text COLLATE "C" CHECK ((agent_id IS NOT NULL) = (channel IN ('paper', 'assisted'))),
                kiosk_id text COLLATE "C" CHECK ((kiosk_id IS NOT NULL) = (channel = 'kiosk')),
                cast_at double precision NOT NULL,
                UNIQUE (tenant_id, id),
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id),
                FOREIGN KEY (tenant_id, voter_id) REFERENCES participant (tenant_id, id)
            )
            """,
            // One ballot per voter and scope, whatever the channel. Two partial indexes,
            // because a plain UNIQUE constraint treats NULL scopes as all different.
            """
            CREATE UNIQUE INDEX ballot_one_per_voter ON ballot (tenant_id, process_id, voter_id)
            WHERE scope_id IS NULL
            """,
            """
            CREATE UNIQUE INDEX ballot_one_per_voter_and_district ON ballot (tenant_id, process_id, scope_id, voter_id)
            WHERE scope_id IS NOT NULL
            """,
            "CREATE INDEX ballot_by_process ON ballot (tenant_id, process_id, id)",
            """
            CREATE FUNCTION ballot_ids_are_never_reused() RETURNS trigger
            LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
            BEGIN
                INSERT INTO ballot_id (tenant_id, id) VALUES (NEW.tenant_id, NEW.id);
                RETURN NEW;
            END
            $$
            """,
            """
            CREATE TRIGGER ballot_ids_are_never_reused AFTER INSERT ON ballot
            FOR EACH ROW EXECUTE FUNCTION ballot_ids_are_never_reused()
            """,
            """
            CREATE TABLE ballot_line (
                ballot_sequence bigint NOT NULL REFERENCES ballot (sequence) ON DELETE CASCADE,
                position bigint NOT NULL CHECK (position >= 0),
                proposition_id text COLLATE "C" NOT NULL,
                points bigint NOT NULL,
                PRIMARY KEY (ballot_sequence, position)
            )
            """,
            """
            CREATE TABLE ballot_conflict (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                tenant_id text COLLATE "C" NOT NULL,
                process_id text COLLATE "C" NOT NULL,
                value jsonb NOT NULL,
                FOREIGN KEY (tenant_id, process_id) REFERENCES process (tenant_id, id)
            )
            """,
            "CREATE INDEX ballot_conflict_by_process ON ballot_conflict (tenant_id, process_id, sequence)",
        ])
}
