import GRDB

/// The SQLite schema, as numbered migrations: a database created by an older Jixiao is upgraded in place.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE units (
                        id INTEGER PRIMARY KEY,
                        code TEXT UNIQUE,
                        name TEXT NOT NULL UNIQUE
                    );
                    CREATE TABLE users (
                        id INTEGER PRIMARY KEY,
                        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        display_name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'admin')),
                        unit_id INTEGER REFERENCES units(id),
                        password_hash TEXT NOT NULL,
                        created_at DATETIME NOT NULL,
                        CHECK ((role = 'officer') = (unit_id IS NOT NULL))
                    );
                    CREATE TABLE reviewer_units (
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        unit_id INTEGER NOT NULL REFERENCES units(id),
                        PRIMARY KEY (user_id, unit_id)
                    );
                    CREATE TABLE sessions (
                        token_digest TEXT PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL,
                        expires_at DATETIME NOT NULL
                    );
                    CREATE TABLE forms (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('self-evaluation', 'target-table')),
                        unit_id INTEGER NOT NULL REFERENCES units(id),
                        year INTEGER NOT NULL,
                        project TEXT NOT NULL,
                        state TEXT CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'exported')),
                        version INTEGER NOT NULL CHECK (version >= 1),
                        target_id INTEGER REFERENCES forms(id),
                        body TEXT NOT NULL,
                        printed_total TEXT, printed_grade TEXT, total TEXT, grade TEXT, rule_total TEXT, rule_grade TEXT,
                        execution_rate TEXT, declared TEXT, full_year_budget TEXT, executed TEXT,
                        error_count INTEGER NOT NULL DEFAULT 0,
                        warning_count INTEGER NOT NULL DEFAULT 0,
                        updated_at DATETIME NOT NULL,
                        CHECK ((kind = 'self-evaluation') = (state IS NOT NULL))
                    );
                    CREATE INDEX forms_by_year ON forms(kind, year, unit_id);
                    CREATE INDEX forms_by_unit ON forms(unit_id, kind, year);
                    CREATE TABLE form_findings (
                        form_id INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
                        rule_id TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        field_path TEXT,
                        message TEXT NOT NULL
                    );
                    CREATE INDEX form_findings_by_form ON form_findings(form_id);
                    CREATE INDEX form_findings_by_rule ON form_findings(rule_id, form_id);
                    CREATE TABLE form_versions (
                        form_id INTEGER NOT NULL REFERENCES forms(id),
                        version INTEGER NOT NULL,
                        body TEXT NOT NULL,
                        PRIMARY KEY (form_id, version)
                    );
                    CREATE TABLE history (
                        id INTEGER PRIMARY KEY,
                        form_id INTEGER NOT NULL REFERENCES forms(id),
                        version INTEGER NOT NULL,
                        user_id INTEGER REFERENCES users(id),
                        at DATETIME NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('created', 'imported', 'edited', 'transition')),
                        field_path TEXT, old_value TEXT, new_value TEXT,
                        from_state TEXT, to_state TEXT, comment TEXT
                    );
                    CREATE INDEX history_by_form ON history(form_id, id);
                    CREATE TABLE export_batches (
                        id INTEGER PRIMARY KEY,
                        created_by INTEGER NOT NULL REFERENCES users(id),
                        created_at DATETIME NOT NULL,
                        directory TEXT NOT NULL
                    );
                    CREATE TABLE export_items (
                        batch_id INTEGER NOT NULL REFERENCES export_batches(id),
                        form_id INTEGER NOT NULL REFERENCES forms(id),
                        path TEXT NOT NULL,
                        PRIMARY KEY (batch_id, form_id)
                    );
                    """)
            // History and versions are append-only: the database itself refuses to rewrite them.
            for table in ["history", "form_versions", "export_items"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                        BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                        """)
            }
        }
        return migrator
    }
}
