import Foundation
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
        migrator.registerMigration("v2", migrate: version2)
        migrator.registerMigration("v3", migrate: version3)
        return migrator
    }

    /// Accounts (停用, temporary passwords), idle sessions, sign-in throttling and the account history; forms
    /// gain the 已删除 state, an exact rate class and amounts as integers (万元 × 10⁶) that SQL sums exactly.
    /// SQLite cannot change a CHECK constraint, so `forms` is rebuilt (foreign keys are checked after).
    private static func version2(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sessions ADD COLUMN last_seen_at DATETIME NOT NULL DEFAULT '1970-01-01 00:00:00.000';
                CREATE INDEX sessions_by_user ON sessions(user_id);
                CREATE TABLE login_failures (
                    key TEXT PRIMARY KEY,
                    count INTEGER NOT NULL,
                    last_failure_at DATETIME NOT NULL
                );
                CREATE TABLE account_events (
                    id INTEGER PRIMARY KEY,
                    at DATETIME NOT NULL,
                    kind TEXT NOT NULL,
                    login TEXT NOT NULL COLLATE NOCASE,
                    user_id INTEGER,
                    actor_id INTEGER,
                    address TEXT,
                    detail TEXT
                );
                CREATE INDEX account_events_by_login ON account_events(login, id);
                CREATE TRIGGER account_events_no_update BEFORE UPDATE ON account_events
                BEGIN SELECT RAISE(ABORT, 'account_events is append-only'); END;
                CREATE TRIGGER account_events_no_delete BEFORE DELETE ON account_events
                BEGIN SELECT RAISE(ABORT, 'account_events is append-only'); END;
                CREATE TABLE forms_v2 (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('self-evaluation', 'target-table')),
                    unit_id INTEGER NOT NULL REFERENCES units(id),
                    year INTEGER NOT NULL,
                    project TEXT NOT NULL,
                    state TEXT CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'exported', 'deleted')),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    target_id INTEGER REFERENCES forms(id),
                    body TEXT NOT NULL,
                    printed_total TEXT, printed_grade TEXT, total TEXT, grade TEXT, rule_total TEXT, rule_grade TEXT,
                    execution_rate TEXT, declared TEXT, full_year_budget TEXT, executed TEXT,
                    error_count INTEGER NOT NULL DEFAULT 0,
                    warning_count INTEGER NOT NULL DEFAULT 0,
                    updated_at DATETIME NOT NULL,
                    rate_bucket INTEGER NOT NULL DEFAULT 0,
                    declared_micros INTEGER, full_year_budget_micros INTEGER, executed_micros INTEGER,
                    CHECK ((kind = 'self-evaluation') = (state IS NOT NULL))
                );
                INSERT INTO forms_v2 (id, kind, unit_id, year, project, state, version, target_id, body, printed_total,
                    printed_grade, total, grade, rule_total, rule_grade, execution_rate, declared, full_year_budget,
                    executed, error_count, warning_count, updated_at)
                SELECT id, kind, unit_id, year, project, state, version, target_id, body, printed_total, printed_grade,
                    total, grade, rule_total, rule_grade, execution_rate, declared, full_year_budget, executed,
                    error_count, warning_count, updated_at FROM forms;
                DROP TABLE forms;
                ALTER TABLE forms_v2 RENAME TO forms;
                CREATE INDEX forms_by_year ON forms(kind, year, unit_id);
                CREATE INDEX forms_by_unit ON forms(unit_id, kind, year);
                """)
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, execution_rate, declared, full_year_budget, executed FROM forms")
        for row in rows {
            let decimal = { (column: String) in
                (row[column] as String?).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
            }
            try db.execute(
                sql: """
                    UPDATE forms SET rate_bucket = ?, declared_micros = ?, full_year_budget_micros = ?, executed_micros = ?
                    WHERE id = ?
                    """,
                arguments: [
                    RateBucket(decimal("execution_rate")).rawValue, Micros.from(decimal("declared")),
                    Micros.from(decimal("full_year_budget")), Micros.from(decimal("executed")), row["id"] as Int64,
                ])
        }
    }

    /// v3: the current body is no longer copied into `forms` (it is `form_versions`' row of the current
    /// version): a body of several kilobytes in the middle of each row made every scan of the dashboard's
    /// columns read it, from overflow pages, and every save write it twice. (DROP COLUMN: SQLite 3.35 or later,
    /// Debian 12's is 3.40.)
    static func version3(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO form_versions (form_id, version, body) SELECT id, version, body FROM forms;
                ALTER TABLE forms DROP COLUMN body;
                """)
    }
}

/// Amounts in 万元 as integers of millionths, so the database sums them exactly. Amounts beyond ±10⁹ 万元
/// (no project has them) are left out of sums rather than risk an overflow.
enum Micros {
    static let scale = Decimal(1_000_000)
    static let limit = Decimal(1_000_000_000)

    static func from(_ amount: Decimal?) -> Int64? {
        guard let amount, abs(amount) <= limit else { return nil }
        var scaled = amount * scale
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// A sum of micros as the database writes it (`CAST(SUM(…) AS TEXT)`), in 万元; 0 for no rows.
    static func decimal(_ micros: String?) -> Decimal {
        (micros.flatMap { Decimal(string: $0, locale: StoredRows.posix) } ?? 0) / scale
    }
}
