import Foundation
import JixiaoCore
import JixiaoFormats

/// What both stores share: the statements (written with `?` placeholders; PostgreSQL numbers them), the values
/// bound to them, how a row becomes a record, user, session or history entry, how a form body is written and
/// read back, and the checks a change passes before it is written. `SQLiteFormStore` and `PostgresFormStore`
/// only run these statements, each through its own driver, so the two stores cannot drift apart.

/// A value bound to a statement. Nil is a typed NULL (PostgreSQL infers parameter types from it).
enum SQLValue: Sendable, Hashable {
    case text(String?)
    case integer(Int64?)
    case date(Date?)
    case flag(Bool)

    static func int(_ value: Int?) -> SQLValue { .integer(value.map(Int64.init)) }
}

/// One result row, read by position (the dashboard reads thousands of rows; names would cost a lookup each).
protocol StoredRow {
    func text(_ column: Int) throws -> String?
    func integer(_ column: Int) throws -> Int64?
    func date(_ column: Int) throws -> Date?
    func flag(_ column: Int) throws -> Bool
}

extension StoredRow {
    func int(_ column: Int) throws -> Int? { try integer(column).map { Int($0) } }

    /// Decimals are stored in canonical form (`DecimalText.plain`).
    func decimal(_ column: Int) throws -> Decimal? {
        try text(column).flatMap { Decimal(string: $0, locale: StoredRows.posix) }
    }
}

/// Where the two SQL dialects differ.
struct StoreDialect: Sendable {
    /// The operator of a case-insensitive (ASCII) substring search.
    let like: String
    /// Compares a login column with a parameter, case-insensitively (SQLite declares `COLLATE NOCASE`).
    let loginEquals: @Sendable (String) -> String
    /// The numeric type scores and rates are cast to for ordering.
    let number: String
    /// The order findings were written in.
    let findingOrder: String
    /// An aggregate of an integer column as one text of comma-separated numbers (NULL over no rows).
    let integerList: @Sendable (String) -> String

    static let sqlite = StoreDialect(
        like: "LIKE", loginEquals: { "\($0) = ?" }, number: "REAL", findingOrder: "rowid",
        integerList: { "group_concat(\($0), ',')" })
    static let postgres = StoreDialect(
        like: "ILIKE", loginEquals: { "lower(\($0)) = lower(?)" }, number: "NUMERIC", findingOrder: "id",
        integerList: { "string_agg(CAST(\($0) AS TEXT), ',')" })
}

enum StoredRows {
    static let posix = Locale(identifier: "en_US_POSIX")

    // MARK: Form bodies

    /// Bodies are kept as form files, so what the store holds is exactly what `jixiao score` reads.
    static func body(_ form: Form) -> String { FormFileWriter.yaml(form) }

    static func form(body: String, id: Int64) throws -> Form {
        do {
            var form = try FormFileReader.read(Data(body.utf8), file: "表单 \(id)")
            switch form {
            case .selfEvaluation(var value):
                value.lines = [:]
                form = .selfEvaluation(value)
            case .targetTable(var value):
                value.lines = [:]
                form = .targetTable(value)
            }
            return form
        } catch {
            throw StoreError.database("stored form \(id) does not read back: \(error)")
        }
    }

    // MARK: Units and users

    static let unitColumns = "id, code, name"
    static func unit(_ row: some StoredRow) throws -> BudgetUnit {
        BudgetUnit(id: try row.integer(0) ?? 0, code: try row.text(1), name: try row.text(2) ?? "")
    }

    /// A user's columns and, last, the units they review as one list (`StoreSQL.userColumns`).
    static let userColumnCount = 8
    static func user(_ row: some StoredRow) throws -> User? {
        guard let role = try row.text(3).flatMap(Role.init(rawValue:)) else { return nil }
        let reviewed = try row.text(7).map { list in Set(list.split(separator: ",").compactMap { Int64($0) }) }
        return User(
            id: try row.integer(0) ?? 0, login: try row.text(1) ?? "", displayName: try row.text(2) ?? "",
            role: role, unitID: try row.integer(4), reviewedUnits: reviewed ?? [], isDisabled: try row.flag(5),
            mustChangePassword: try row.flag(6))
    }

    static func insertUser(_ user: NewUser, at: Date) -> [SQLValue] {
        [
            .text(user.login), .text(user.displayName), .text(user.role.rawValue),
            .integer(user.role == .officer ? user.unitID : nil), .text(user.passwordHash), .date(at),
            .flag(user.mustChangePassword),
        ]
    }

    // MARK: Sessions and sign-in throttling

    static let sessionColumns = "token_digest, user_id, csrf_token, expires_at, last_seen_at"
    static func session(_ row: some StoredRow, from first: Int = 0) throws -> Session {
        Session(
            tokenDigest: try row.text(first) ?? "", userID: try row.integer(first + 1) ?? 0,
            csrfToken: try row.text(first + 2) ?? "",
            expiresAt: try row.date(first + 3) ?? Date(timeIntervalSince1970: 0),
            lastSeenAt: try row.date(first + 4) ?? Date(timeIntervalSince1970: 0))
    }

    /// A live session and its user, from one row of `StoreSQL.session`.
    static func sessionAndUser(_ row: some StoredRow) throws -> (session: Session, user: User)? {
        guard let user = try user(row) else { return nil }
        return (try session(row, from: userColumnCount), user)
    }

    static func sessionValues(_ session: Session) -> [SQLValue] {
        [
            .text(session.tokenDigest), .integer(session.userID), .text(session.csrfToken),
            .date(session.expiresAt), .date(session.lastSeenAt),
        ]
    }

    static let failureColumns = "key, count, last_failure_at"
    static func failures(_ row: some StoredRow) throws -> LoginFailures {
        LoginFailures(
            key: try row.text(0) ?? "", count: try row.int(1) ?? 0,
            lastFailureAt: try row.date(2) ?? Date(timeIntervalSince1970: 0))
    }

    static let accountEventColumns = """
        account_events.id, account_events.at, account_events.kind, account_events.login, account_events.user_id, \
        account_events.actor_id, users.display_name, account_events.address, account_events.detail
        """
    static func accountEvent(_ row: some StoredRow) throws -> AccountEvent {
        AccountEvent(
            id: try row.integer(0) ?? 0, at: try row.date(1) ?? Date(timeIntervalSince1970: 0),
            kind: try row.text(2).flatMap(AccountEvent.Kind.init(rawValue:)) ?? .signInFailed,
            login: try row.text(3) ?? "", userID: try row.integer(4), actorID: try row.integer(5),
            actorName: try row.text(6), address: try row.text(7), detail: try row.text(8))
    }

    static func accountEventValues(_ event: AccountEvent) -> [SQLValue] {
        [
            .date(event.at), .text(event.kind.rawValue), .text(event.login), .integer(event.userID),
            .integer(event.actorID), .text(event.address), .text(event.detail),
        ]
    }

    // MARK: Forms

    static let recordColumns = """
        id, kind, unit_id, year, project, state, version, target_id, updated_at, printed_total, printed_grade, total, \
        grade, rule_total, rule_grade, execution_rate, declared, full_year_budget, executed, error_count, warning_count
        """

    static let recordColumnCount = recordColumns.split(separator: ",").count

    /// A stored form from a row of `StoreSQL.recordAndBody`.
    static func storedForm(_ row: some StoredRow) throws -> StoredForm? {
        let record = try StoredRows.record(row)
        guard let body = try row.text(recordColumnCount) else { return nil }
        return StoredForm(record: record, form: try form(body: body, id: record.id))
    }

    /// Positions of `recordColumns`.
    private enum Column: Int {
        case id, kind, unitID, year, project, state, version, targetID, updatedAt, printedTotal, printedGrade, total,
            grade, ruleTotal, ruleGrade, executionRate, declared, fullYearBudget, executed, errorCount, warningCount
    }

    static func record(_ row: some StoredRow) throws -> FormRecord {
        func text(_ column: Column) throws -> String? { try row.text(column.rawValue) }
        func decimal(_ column: Column) throws -> Decimal? { try row.decimal(column.rawValue) }
        func int(_ column: Column) throws -> Int? { try row.int(column.rawValue) }
        var figures: FormFigures?
        if let total = try decimal(.total), let ruleTotal = try decimal(.ruleTotal) {
            let grade = try text(.grade).flatMap(Grade.init(rawValue:))
            let ruleGrade = try text(.ruleGrade).flatMap(Grade.init(rawValue:))
            figures = FormFigures(
                printedTotal: try text(.printedTotal) ?? "", printedGrade: try text(.printedGrade) ?? "",
                total: total, grade: grade, ruleTotal: ruleTotal, ruleGrade: ruleGrade,
                executionRate: try decimal(.executionRate), declared: try decimal(.declared),
                fullYearBudget: try decimal(.fullYearBudget), executed: try decimal(.executed),
                errorCount: try int(.errorCount) ?? 0, warningCount: try int(.warningCount) ?? 0)
        }
        return FormRecord(
            id: try row.integer(Column.id.rawValue) ?? 0,
            kind: try text(.kind).flatMap(FormKind.init(rawValue:)) ?? .selfEvaluation,
            unitID: try row.integer(Column.unitID.rawValue) ?? 0, year: try int(.year) ?? 0,
            project: try text(.project) ?? "", state: try text(.state).flatMap(WorkflowState.init(rawValue:)),
            version: try int(.version) ?? 1, targetID: try row.integer(Column.targetID.rawValue), figures: figures,
            updatedAt: try row.date(Column.updatedAt.rawValue) ?? Date(timeIntervalSince1970: 0))
    }

    static func insertForm(
        _ write: FormWrite, unitID: Int64, state: WorkflowState?, targetID: Int64?, at: Date
    ) -> [SQLValue] {
        [
            .text(FormKind(write.form).rawValue), .integer(unitID), .int(write.form.year), .text(write.form.project),
            .text(state?.rawValue), .integer(targetID), .date(at),
        ]
    }

    /// `storeDerived`'s values: the figures of a form, replaced on every save, then the form id.
    static func derivedValues(_ write: FormWrite, id: Int64) -> [SQLValue] {
        let text = { (value: Decimal?) in SQLValue.text(value.map(DecimalText.plain)) }
        let f = write.figures
        return [
            .text(f?.printedTotal), .text(f?.printedGrade), text(f?.total), .text(f?.grade?.rawValue),
            text(f?.ruleTotal), .text(f?.ruleGrade?.rawValue), text(f?.executionRate), text(f?.declared),
            text(f?.fullYearBudget), text(f?.executed), .int(f?.errorCount ?? 0), .int(f?.warningCount ?? 0),
            .int(RateBucket(f?.executionRate).rawValue), .integer(Micros.from(f?.declared)),
            .integer(Micros.from(f?.fullYearBudget)), .integer(Micros.from(f?.executed)), .integer(id),
        ]
    }

    static func findingValues(_ finding: StoredFinding, formID: Int64) -> [SQLValue] {
        [
            .integer(formID), .text(finding.ruleID), .text(finding.severity.rawValue), .text(finding.fieldPath),
            .text(finding.message),
        ]
    }

    static let findingColumns = "rule_id, severity, field_path, message"
    static func finding(_ row: some StoredRow) throws -> StoredFinding {
        StoredFinding(
            ruleID: try row.text(0) ?? "", severity: try row.text(1).flatMap(Severity.init(rawValue:)) ?? .error,
            fieldPath: try row.text(2), message: try row.text(3) ?? "")
    }

    static let historyColumns = """
        history.id, history.form_id, history.version, history.user_id, users.display_name, history.at, history.kind, \
        history.field_path, history.old_value, history.new_value, history.from_state, history.to_state, history.comment
        """
    static func historyEntry(_ row: some StoredRow) throws -> HistoryEntry {
        let path = try row.text(7)
        return HistoryEntry(
            id: try row.integer(0) ?? 0, formID: try row.integer(1) ?? 0, version: try row.int(2) ?? 0,
            userID: try row.integer(3), userName: try row.text(4),
            at: try row.date(5) ?? Date(timeIntervalSince1970: 0),
            kind: try row.text(6).flatMap(HistoryEntry.Kind.init(rawValue:)) ?? .edited,
            change: try path.map { FieldChange(path: $0, old: try row.text(8) ?? "", new: try row.text(9) ?? "") },
            fromState: try row.text(10).flatMap(WorkflowState.init),
            toState: try row.text(11).flatMap(WorkflowState.init),
            comment: try row.text(12))
    }

    static func editValues(_ change: FieldChange, formID: Int64, version: Int, userID: Int64, at: Date) -> [SQLValue] {
        [
            .integer(formID), .int(version), .integer(userID), .date(at), .text(change.path), .text(change.old),
            .text(change.new),
        ]
    }

    static func transitionValues(
        formID: Int64, version: Int, userID: Int64, at: Date, from: WorkflowState, to: WorkflowState, comment: String?
    ) -> [SQLValue] {
        [
            .integer(formID), .int(version), .integer(userID), .date(at), .text(from.rawValue), .text(to.rawValue),
            .text(comment),
        ]
    }

    // MARK: Export batches

    static let exportItemColumns = "export_items.form_id, export_items.path, forms.unit_id"
    static func exportItem(_ row: some StoredRow) throws -> ExportBatch.Item {
        ExportBatch.Item(formID: try row.integer(0) ?? 0, unitID: try row.integer(2) ?? 0, path: try row.text(1) ?? "")
    }

    static func exportBatchSummary(_ row: some StoredRow) throws -> ExportBatchSummary {
        ExportBatchSummary(
            id: try row.integer(0) ?? 0, createdBy: try row.integer(1) ?? 0, createdByName: try row.text(4),
            createdAt: try row.date(2) ?? Date(timeIntervalSince1970: 0), formCount: try row.int(3) ?? 0)
    }
}

/// The checks a change passes inside its transaction, before anything is written (same in both stores).
enum StoreChecks {
    /// The version a save produces, or why it is refused.
    static func edit(_ current: FormRecord?, id: Int64, expectedVersion: Int) throws -> Int {
        guard let current else { throw StoreError.notFound("表单") }
        guard current.version == expectedVersion else {
            throw StoreError.versionConflict(formID: id, expected: expectedVersion, current: current.version)
        }
        if let state = current.state, !state.isEditable {
            throw StoreError.wrongState(state, "该表当前状态为“\(state.label)”，不能修改（只有草稿或已退回的表可以修改）")
        }
        return current.version + 1
    }

    /// The state a workflow move leaves and the version it produces, or why it is refused.
    static func move(
        _ current: FormRecord?, id: Int64, _ transition: Transition, expectedVersion: Int?
    ) throws -> (from: WorkflowState, version: Int) {
        guard let current, let state = current.state else { throw StoreError.notFound("自评表") }
        if let expectedVersion, current.version != expectedVersion {
            throw StoreError.versionConflict(formID: id, expected: expectedVersion, current: current.version)
        }
        if let refusal = transition.refusal(from: state) { throw StoreError.wrongState(state, refusal) }
        return (state, current.version + 1)
    }

    static func unitCodeTaken(_ code: String) -> StoreError { .invalid("单位代码“\(code)”已存在") }
    static func unitNameTaken(_ name: String) -> StoreError { .invalid("单位“\(name)”已存在") }
    static func loginTaken(_ login: String) -> StoreError { .invalid("登录名“\(login)”已被使用") }
    static func unknownUnit(_ id: Int64) -> StoreError { .notFound("单位（编号 \(id)）") }
    static let notReviewer = StoreError.invalid("只有审核人可以分配审核单位")
    static let userWithHistory = StoreError.invalid("该用户已有表单修改或审核记录，不能删除（记录需要保留）；请改为停用")
}

/// The statements both stores run. Parameters are `?`; ids of unit scopes and ticked rows are integers and
/// written inline.
enum StoreSQL {
    static let unitCodeExists = "SELECT 1 FROM units WHERE code = ?"
    static let unitNameExists = "SELECT 1 FROM units WHERE name = ?"
    static let unitExists = "SELECT 1 FROM units WHERE id = ?"
    static let insertUnit = "INSERT INTO units (code, name) VALUES (?, ?) RETURNING id"
    static let units = "SELECT \(StoredRows.unitColumns) FROM units ORDER BY code NULLS FIRST, name"
    static let insertUser = """
        INSERT INTO users (login, display_name, role, unit_id, password_hash, created_at, must_change_password)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
        """
    /// The user's columns and the units they review, read by `StoredRows.user`.
    static func userColumns(_ dialect: StoreDialect) -> String {
        """
        users.id, users.login, users.display_name, users.role, users.unit_id, users.disabled, \
        users.must_change_password, \
        (SELECT \(dialect.integerList("unit_id")) FROM reviewer_units WHERE reviewer_units.user_id = users.id)
        """
    }
    static func userByID(_ dialect: StoreDialect) -> String {
        "SELECT \(userColumns(dialect)) FROM users WHERE id = ?"
    }
    static let userIDs = "SELECT id FROM users ORDER BY role, login"
    static func credentials(_ dialect: StoreDialect) -> String {
        "SELECT id, password_hash FROM users WHERE \(dialect.loginEquals("login"))"
    }
    static func loginExists(_ dialect: StoreDialect) -> String {
        "SELECT 1 FROM users WHERE \(dialect.loginEquals("login"))"
    }
    static let setPassword = "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ? RETURNING id"
    static let setDisabled = "UPDATE users SET disabled = ? WHERE id = ? RETURNING id"
    static let userIsUsed = """
        SELECT 1 FROM history WHERE user_id = ? UNION ALL SELECT 1 FROM export_batches WHERE created_by = ? LIMIT 1
        """
    static let deleteUserSessions = "DELETE FROM sessions WHERE user_id = ?"
    static let deleteReviewedUnits = "DELETE FROM reviewer_units WHERE user_id = ?"
    static let deleteUser = "DELETE FROM users WHERE id = ?"
    static let insertReviewedUnit = "INSERT INTO reviewer_units (user_id, unit_id) VALUES (?, ?)"

    static let deleteExpiredSessions = "DELETE FROM sessions WHERE expires_at < ?"
    static let insertSession = """
        INSERT INTO sessions (\(StoredRows.sessionColumns)) VALUES (?, ?, ?, ?, ?)
        """
    /// The session and its user in one statement: every request asks, so one round trip.
    static func session(_ dialect: StoreDialect) -> String {
        """
        SELECT \(userColumns(dialect)), sessions.token_digest, sessions.user_id, sessions.csrf_token, \
        sessions.expires_at, sessions.last_seen_at
        FROM sessions JOIN users ON users.id = sessions.user_id
        WHERE sessions.token_digest = ? AND sessions.expires_at > ?
        """
    }
    static let touchSession = "UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?"
    static let deleteSession = "DELETE FROM sessions WHERE token_digest = ?"
    static let deleteOtherSessions = "DELETE FROM sessions WHERE user_id = ? AND token_digest IS DISTINCT FROM ?"

    /// Atomic in both databases: parallel guessers cannot lose increments.
    static let recordFailure = """
        INSERT INTO login_failures (key, count, last_failure_at) VALUES (?, 1, ?)
        ON CONFLICT (key) DO UPDATE SET count = login_failures.count + 1, last_failure_at = excluded.last_failure_at
        """
    static func failures(keys: Int) -> String {
        "SELECT \(StoredRows.failureColumns) FROM login_failures WHERE key IN (\(placeholders(keys))) ORDER BY key"
    }
    static let failuresAtLeast = """
        SELECT \(StoredRows.failureColumns) FROM login_failures WHERE count >= ? ORDER BY count DESC, key
        """
    static func clearFailures(keys: Int) -> String {
        "DELETE FROM login_failures WHERE key IN (\(placeholders(keys)))"
    }
    static let insertAccountEvent = """
        INSERT INTO account_events (at, kind, login, user_id, actor_id, address, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static func accountEventCondition(_ dialect: StoreDialect, login: String?) -> String {
        login == nil ? "" : "WHERE \(dialect.loginEquals("account_events.login"))"
    }
    static func accountEventCount(_ condition: String) -> String { "SELECT COUNT(*) FROM account_events \(condition)" }
    static func accountEvents(_ condition: String) -> String {
        """
        SELECT \(StoredRows.accountEventColumns) FROM account_events
        LEFT JOIN users ON users.id = account_events.actor_id \(condition)
        ORDER BY account_events.id DESC LIMIT ? OFFSET ?
        """
    }

    static let insertForm = """
        INSERT INTO forms (kind, unit_id, year, project, state, version, target_id, updated_at)
        VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id
        """
    static let insertVersion = "INSERT INTO form_versions (form_id, version, body) VALUES (?, ?, ?)"
    static let insertCreated = """
        INSERT INTO history (form_id, version, user_id, at, kind, to_state) VALUES (?, 1, ?, ?, ?, ?)
        """
    static let record = "SELECT \(StoredRows.recordColumns) FROM forms WHERE id = ?"
    /// The record and, after its columns, the current body (the version row of the form's version).
    static let recordAndBody = """
        SELECT \(StoredRows.recordColumns), (SELECT body FROM form_versions
            WHERE form_versions.form_id = forms.id AND form_versions.version = forms.version)
        FROM forms WHERE id = ?
        """
    static let versionBody = "SELECT body FROM form_versions WHERE form_id = ? AND version = ?"
    static let exists = """
        SELECT 1 FROM forms WHERE kind = ? AND unit_id = ? AND year = ? AND project = ?
        AND state IS DISTINCT FROM 'deleted'
        """
    static let updateEdited = "UPDATE forms SET project = ?, version = ?, updated_at = ? WHERE id = ?"
    static let storeDerived = """
        UPDATE forms SET printed_total = ?, printed_grade = ?, total = ?, grade = ?, rule_total = ?, rule_grade = ?,
            execution_rate = ?, declared = ?, full_year_budget = ?, executed = ?, error_count = ?, warning_count = ?,
            rate_bucket = ?, declared_micros = ?, full_year_budget_micros = ?, executed_micros = ?
        WHERE id = ?
        """
    static let deleteFindings = "DELETE FROM form_findings WHERE form_id = ?"
    static let insertFinding = """
        INSERT INTO form_findings (form_id, rule_id, severity, field_path, message) VALUES (?, ?, ?, ?, ?)
        """
    static let insertEdit = """
        INSERT INTO history (form_id, version, user_id, at, kind, field_path, old_value, new_value)
        VALUES (?, ?, ?, ?, 'edited', ?, ?, ?)
        """
    static let updateState = "UPDATE forms SET state = ?, version = ?, updated_at = ? WHERE id = ?"
    /// The body of the version before the form's (just raised by `updateState`) again under its version.
    static let copyVersion = """
        INSERT INTO form_versions (form_id, version, body)
        SELECT forms.id, forms.version, form_versions.body FROM forms
        JOIN form_versions ON form_versions.form_id = forms.id AND form_versions.version = forms.version - 1
        WHERE forms.id = ?
        """
    static let insertTransition = """
        INSERT INTO history (form_id, version, user_id, at, kind, from_state, to_state, comment)
        VALUES (?, ?, ?, ?, 'transition', ?, ?, ?)
        """
    static let history = """
        SELECT \(StoredRows.historyColumns) FROM history LEFT JOIN users ON users.id = history.user_id
        WHERE form_id = ? ORDER BY history.id
        """
    static let historyCount = "SELECT COUNT(*) FROM history WHERE form_id = ?"
    static let historyPage = """
        SELECT \(StoredRows.historyColumns) FROM history LEFT JOIN users ON users.id = history.user_id
        WHERE form_id = ? ORDER BY history.version DESC, history.id LIMIT ? OFFSET ?
        """
    static func findings(_ dialect: StoreDialect) -> String {
        "SELECT \(StoredRows.findingColumns) FROM form_findings WHERE form_id = ? ORDER BY \(dialect.findingOrder)"
    }
    /// The distinct rule ids by skipping along the `(rule_id, form_id)` index, one seek per rule id (a few
    /// dozen), instead of reading every finding (15 a form: 1.5 million at 100 000 forms).
    static let ruleIDs = """
        WITH RECURSIVE rules(rule_id) AS (
            SELECT MIN(rule_id) FROM form_findings
            UNION ALL
            SELECT (SELECT MIN(rule_id) FROM form_findings WHERE form_findings.rule_id > rules.rule_id) FROM rules
            WHERE rules.rule_id IS NOT NULL
        )
        SELECT rule_id FROM rules WHERE rule_id IS NOT NULL ORDER BY rule_id
        """

    static let insertBatch =
        "INSERT INTO export_batches (created_by, created_at, directory) VALUES (?, ?, ?) RETURNING id"
    static let insertExportItem = "INSERT INTO export_items (batch_id, form_id, path) VALUES (?, ?, ?)"
    static let batch = "SELECT created_by, created_at, directory FROM export_batches WHERE id = ?"
    static let batchItems = """
        SELECT \(StoredRows.exportItemColumns) FROM export_items
        JOIN forms ON forms.id = export_items.form_id WHERE batch_id = ? ORDER BY export_items.path
        """

    /// The FROM of the list of batches with a form in these units; nil when the scope has no unit.
    static func batchesJoin(_ units: UnitScope) -> String? {
        var scope = "TRUE"
        if case .only(let units) = units {
            guard !units.isEmpty else { return nil }
            scope = "forms." + unitCondition(units)
        }
        return """
            FROM export_batches JOIN export_items ON export_items.batch_id = export_batches.id
            JOIN forms ON forms.id = export_items.form_id WHERE \(scope)
            """
    }
    static func batchCount(_ join: String) -> String { "SELECT COUNT(DISTINCT export_batches.id) \(join)" }
    static func batches(_ join: String) -> String {
        """
        SELECT export_batches.id, export_batches.created_by, export_batches.created_at, COUNT(*) AS forms,
            (SELECT display_name FROM users WHERE users.id = export_batches.created_by) AS name
        \(join) GROUP BY export_batches.id ORDER BY export_batches.id DESC LIMIT ? OFFSET ?
        """
    }

    // MARK: Queries of forms

    /// The WHERE clause of a query and its values; nil when the query can match nothing (no units).
    static func filter(_ query: FormQuery, _ dialect: StoreDialect) -> (sql: String, values: [SQLValue])? {
        var conditions = ["kind = ?"]
        var values: [SQLValue] = [.text(query.kind.rawValue)]
        if let year = query.year {
            conditions.append("year = ?")
            values.append(.int(year))
        }
        if case .only(let units) = query.units {
            guard !units.isEmpty else { return nil }
            conditions.append(unitCondition(units))
        }
        if let unit = query.unitID {
            conditions.append("unit_id = ?")
            values.append(.integer(unit))
        }
        if query.states.isEmpty {
            conditions.append("state IS DISTINCT FROM 'deleted'")
        } else {
            conditions.append("state IN (\(placeholders(query.states.count)))")
            values.append(contentsOf: query.states.map(\.rawValue).sorted().map(SQLValue.text))
        }
        if let grade = query.grade {
            conditions.append("grade = ?")
            values.append(.text(grade.rawValue))
        }
        if let rule = query.ruleID {
            conditions.append("id IN (SELECT form_id FROM form_findings WHERE rule_id = ?)")
            values.append(.text(rule))
        }
        if let search = query.search?.trimmed, !search.isEmpty {
            conditions.append("project \(dialect.like) ? ESCAPE '\\'")
            let escaped = search.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            values.append(.text("%\(escaped)%"))
        }
        if let ids = query.ids {
            guard !ids.isEmpty else { return nil }
            conditions.append("id IN (\(ids.sorted().map(String.init).joined(separator: ",")))")
        }
        return (conditions.joined(separator: " AND "), values)
    }

    /// ORDER BY for a sort. Scores and rates are stored as decimal text; they are ordered as numbers
    /// (ordering only: nothing is computed from the cast value).
    static func order(_ sort: FormSort, _ dialect: StoreDialect) -> String {
        let direction = sort.descending ? "DESC" : "ASC"
        switch sort.key {
        case .errorsFirst: return "error_count > 0 DESC, unit_id, year, project, id"
        case .project: return "project \(direction), id \(direction)"
        case .unit:
            return "(SELECT COALESCE(code, name) FROM units WHERE units.id = forms.unit_id) \(direction), project, id"
        case .total: return "total IS NULL, CAST(total AS \(dialect.number)) \(direction), id"
        case .grade:
            return
                "grade IS NULL, CASE grade WHEN '优' THEN 0 WHEN '良' THEN 1 WHEN '中' THEN 2 ELSE 3 END \(direction), id"
        case .rate: return "execution_rate IS NULL, CAST(execution_rate AS \(dialect.number)) \(direction), id"
        case .updated: return "updated_at \(direction), id \(direction)"
        }
    }

    static func records(_ filter: String, _ sort: FormSort, _ dialect: StoreDialect, paged: Bool) -> String {
        "SELECT \(StoredRows.recordColumns) FROM forms WHERE \(filter) ORDER BY \(order(sort, dialect))"
            + (paged ? " LIMIT ? OFFSET ?" : "")
    }
    static func count(_ filter: String) -> String { "SELECT COUNT(*) FROM forms WHERE \(filter)" }
    static func years(_ filter: String) -> String {
        "SELECT DISTINCT year FROM forms WHERE \(filter) ORDER BY year DESC"
    }

    /// The dashboard's figures in one scan: counts and sums (as text: exact in both databases; PostgreSQL sums
    /// BIGINT as NUMERIC) by state, grade, printed grade, rate class, with errors or not and scored or not —
    /// a few dozen rows however many forms match, folded by `aggregates(_:)`.
    static func summary(_ filter: String) -> String {
        """
        SELECT state, grade, COALESCE(printed_grade, ''), rate_bucket, CASE WHEN error_count > 0 THEN 1 ELSE 0 END,
            CASE WHEN total IS NULL THEN 0 ELSE 1 END, COUNT(*), CAST(SUM(declared_micros) AS TEXT),
            CAST(SUM(full_year_budget_micros) AS TEXT), CAST(SUM(executed_micros) AS TEXT)
        FROM forms WHERE \(filter) GROUP BY 1, 2, 3, 4, 5, 6
        """
    }

    /// Folds the rows of `summary`: grades, printed grades and rate classes count the scored forms only.
    static func aggregates(_ rows: [some StoredRow]) throws -> FormAggregates {
        var result = FormAggregates()
        for row in rows {
            let count = try row.int(6) ?? 0
            result.count += count
            if try row.int(4) == 1 { result.withErrors += count }
            result.declared += try Micros.decimal(row.text(7))
            result.fullYearBudget += try Micros.decimal(row.text(8))
            result.executed += try Micros.decimal(row.text(9))
            if let state = try row.text(0).flatMap(WorkflowState.init(rawValue:)) {
                result.states[state, default: 0] += count
            }
            guard try row.int(5) == 1 else { continue }
            result.printedGrades[try row.text(2) ?? "", default: 0] += count
            if let grade = try row.text(1).flatMap(Grade.init(rawValue:)) {
                result.recomputedGrades[grade, default: 0] += count
            }
            if let bucket = try row.int(3).flatMap(RateBucket.init(rawValue:)) {
                result.rateBuckets[bucket, default: 0] += count
            }
        }
        return result
    }

    static func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    /// `unit_id IN (…)` for a set of ids (integers, so they are written inline).
    static func unitCondition(_ units: Set<Int64>) -> String {
        "unit_id IN (\(units.sorted().map(String.init).joined(separator: ",")))"
    }
}
