import Foundation
import GRDB
import JixiaoCore
import JixiaoFormats

/// The embedded store: one SQLite file through GRDB, in WAL mode (readers never wait for the writer), with
/// foreign keys on, every change in one transaction and the schema upgraded by `StoreSchema`'s migrations.
///
/// Form bodies are kept as form files (`FormFileWriter`), so what the store holds is exactly what
/// `jixiao score` and `jixiao check` read, and every version is kept in `form_versions`.
public final class SQLiteFormStore: FormStore {
    private let database: any DatabaseWriter

    /// Opens (creating when missing) the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            database = try DatabasePool(path: path, configuration: configuration)
            try StoreSchema.migrator.migrate(database)
        } catch {
            throw StoreError.database("\(path): \(error)")
        }
    }

    // MARK: Access helpers

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await database.read(body) } catch { throw SQLiteFormStore.storeError(error) }
    }

    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await database.write(body) } catch { throw SQLiteFormStore.storeError(error) }
    }

    private static func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        return .database("\(error)")
    }

    // MARK: Units and users

    public func createUnit(code: String?, name: String) async throws -> BudgetUnit {
        let code = code.flatMap { $0.isEmpty ? nil : $0 }
        return try await write { db in
            if let code, try Row.fetchOne(db, sql: "SELECT 1 FROM units WHERE code = ?", arguments: [code]) != nil {
                throw StoreError.invalid("单位代码“\(code)”已存在")
            }
            if try Row.fetchOne(db, sql: "SELECT 1 FROM units WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.invalid("单位“\(name)”已存在")
            }
            try db.execute(sql: "INSERT INTO units (code, name) VALUES (?, ?)", arguments: [code, name])
            return BudgetUnit(id: db.lastInsertedRowID, code: code, name: name)
        }
    }

    public func units() async throws -> [BudgetUnit] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id, code, name FROM units ORDER BY code, name").map {
                BudgetUnit(id: $0["id"], code: $0["code"], name: $0["name"])
            }
        }
    }

    public func createUser(_ user: NewUser) async throws -> User {
        try await write { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM users WHERE login = ?", arguments: [user.login]) != nil {
                throw StoreError.invalid("登录名“\(user.login)”已被使用")
            }
            for unit in [user.unitID].compactMap({ $0 }) + user.reviewedUnits.sorted()
            where try Row.fetchOne(db, sql: "SELECT 1 FROM units WHERE id = ?", arguments: [unit]) == nil {
                throw StoreError.notFound("单位（编号 \(unit)）")
            }
            try db.execute(
                sql: """
                    INSERT INTO users (login, display_name, role, unit_id, password_hash, created_at, must_change_password)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    user.login, user.displayName, user.role.rawValue,
                    user.role == .officer ? user.unitID : nil, user.passwordHash, Date(), user.mustChangePassword,
                ])
            let id = db.lastInsertedRowID
            if user.role == .reviewer {
                try SQLiteFormStore.replaceReviewedUnits(db, userID: id, units: user.reviewedUnits)
            }
            return try SQLiteFormStore.user(db, id: id)!
        }
    }

    public func users() async throws -> [User] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT id FROM users ORDER BY role, login").compactMap {
                try SQLiteFormStore.user(db, id: $0["id"])
            }
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await read { db in try SQLiteFormStore.user(db, id: id) }
    }

    public func credentials(login: String) async throws -> (user: User, passwordHash: String)? {
        let pair: (User, String)? = try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, password_hash FROM users WHERE login = ?",
                    arguments: [login]),
                let user = try SQLiteFormStore.user(db, id: row["id"])
            else { return nil }
            return (user, row["password_hash"])
        }
        return pair.map { (user: $0.0, passwordHash: $0.1) }
    }

    public func setReviewedUnits(userID: Int64, units: Set<Int64>) async throws {
        try await write { db in
            guard let user = try SQLiteFormStore.user(db, id: userID) else { throw StoreError.notFound("用户") }
            guard user.role == .reviewer else { throw StoreError.invalid("只有审核人可以分配审核单位") }
            try SQLiteFormStore.replaceReviewedUnits(db, userID: userID, units: units)
        }
    }

    public func setPassword(userID: Int64, passwordHash: String, mustChange: Bool) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?",
                arguments: [passwordHash, mustChange, userID])
            guard db.changesCount == 1 else { throw StoreError.notFound("用户") }
        }
    }

    public func setDisabled(userID: Int64, _ disabled: Bool) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled, userID])
            guard db.changesCount == 1 else { throw StoreError.notFound("用户") }
        }
    }

    public func deleteUser(id: Int64) async throws {
        try await write { db in
            guard try SQLiteFormStore.user(db, id: id) != nil else { throw StoreError.notFound("用户") }
            let used = try Row.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM history WHERE user_id = ? UNION ALL SELECT 1 FROM export_batches WHERE created_by = ?
                    LIMIT 1
                    """, arguments: [id, id])
            guard used == nil else {
                throw StoreError.invalid("该用户已有表单修改或审核记录，不能删除（记录需要保留）；请改为停用")
            }
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM reviewer_units WHERE user_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM users WHERE id = ?", arguments: [id])
        }
    }

    private static func replaceReviewedUnits(_ db: Database, userID: Int64, units: Set<Int64>) throws {
        try db.execute(sql: "DELETE FROM reviewer_units WHERE user_id = ?", arguments: [userID])
        for unit in units.sorted() {
            guard try Row.fetchOne(db, sql: "SELECT 1 FROM units WHERE id = ?", arguments: [unit]) != nil else {
                throw StoreError.notFound("单位（编号 \(unit)）")
            }
            try db.execute(
                sql: "INSERT INTO reviewer_units (user_id, unit_id) VALUES (?, ?)", arguments: [userID, unit])
        }
    }

    private static func user(_ db: Database, id: Int64) throws -> User? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM users WHERE id = ?"), arguments: [id]),
            let role = Role(rawValue: row["role"])
        else { return nil }
        let reviewed = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT unit_id FROM reviewer_units WHERE user_id = ?"),
            arguments: [id])
        return User(
            id: id, login: row["login"], displayName: row["display_name"], role: role, unitID: row["unit_id"],
            reviewedUnits: Set(reviewed), isDisabled: row["disabled"], mustChangePassword: row["must_change_password"])
    }

    // MARK: Sessions

    public func createSession(_ session: Session) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at < ?", arguments: [Date()])
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_digest, user_id, csrf_token, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.tokenDigest, session.userID, session.csrfToken, session.expiresAt, session.lastSeenAt,
                ])
        }
    }

    public func session(tokenDigest: String, now: Date) async throws -> (session: Session, user: User)? {
        let pair: (Session, User)? = try await read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM sessions WHERE token_digest = ? AND expires_at > ?"),
                    arguments: [tokenDigest, now]),
                let user = try SQLiteFormStore.user(db, id: row["user_id"])
            else { return nil }
            return (
                Session(
                    tokenDigest: tokenDigest, userID: user.id, csrfToken: row["csrf_token"],
                    expiresAt: row["expires_at"], lastSeenAt: row["last_seen_at"]), user
            )
        }
        return pair.map { (session: $0.0, user: $0.1) }
    }

    public func touchSession(tokenDigest: String, at: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?", arguments: [at, tokenDigest])
        }
    }

    public func deleteSession(tokenDigest: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_digest = ?", arguments: [tokenDigest])
        }
    }

    public func deleteSessions(userID: Int64, except tokenDigest: String?) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM sessions WHERE user_id = ? AND token_digest IS NOT ?",
                arguments: [userID, tokenDigest])
        }
    }

    // MARK: Sign-in throttling and the account history

    public func recordLoginFailure(keys: [String], at: Date) async throws -> [LoginFailures] {
        try await write { db in
            for key in keys {
                try db.execute(
                    sql: """
                        INSERT INTO login_failures (key, count, last_failure_at) VALUES (?, 1, ?)
                        ON CONFLICT(key) DO UPDATE SET count = count + 1, last_failure_at = excluded.last_failure_at
                        """, arguments: [key, at])
            }
            return try SQLiteFormStore.failures(db, keys: keys)
        }
    }

    public func loginFailures(keys: [String]) async throws -> [LoginFailures] {
        try await read { db in try SQLiteFormStore.failures(db, keys: keys) }
    }

    public func loginFailures(atLeast minimum: Int) async throws -> [LoginFailures] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM login_failures WHERE count >= ? ORDER BY count DESC, key",
                arguments: [minimum]
            ).map(SQLiteFormStore.failures)
        }
    }

    public func clearLoginFailures(keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await write { db in
            try db.execute(
                sql: "DELETE FROM login_failures WHERE key IN (\(SQLiteFormStore.placeholders(keys.count)))",
                arguments: StatementArguments(keys))
        }
    }

    private static func failures(_ db: Database, keys: [String]) throws -> [LoginFailures] {
        guard !keys.isEmpty else { return [] }
        return try Row.fetchAll(
            db, sql: "SELECT * FROM login_failures WHERE key IN (\(placeholders(keys.count))) ORDER BY key",
            arguments: StatementArguments(keys)
        ).map(failures)
    }

    private static func failures(_ row: Row) -> LoginFailures {
        LoginFailures(key: row["key"], count: row["count"], lastFailureAt: row["last_failure_at"])
    }

    public func recordAccountEvent(_ event: AccountEvent) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO account_events (at, kind, login, user_id, actor_id, address, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    event.at, event.kind.rawValue, event.login, event.userID, event.actorID, event.address,
                    event.detail,
                ])
        }
    }

    public func accountEvents(login: String?, page: PageRequest) async throws -> Page<AccountEvent> {
        let condition = login == nil ? "" : "WHERE account_events.login = ?"
        let arguments: StatementArguments = login.map { [$0] } ?? []
        return try await read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM account_events \(condition)", arguments: arguments)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT account_events.*, users.display_name AS actor_name FROM account_events
                    LEFT JOIN users ON users.id = account_events.actor_id \(condition)
                    ORDER BY account_events.id DESC LIMIT ? OFFSET ?
                    """, arguments: arguments + [page.limit, page.offset])
            let events = rows.map { row in
                AccountEvent(
                    id: row["id"], at: row["at"], kind: AccountEvent.Kind(rawValue: row["kind"]) ?? .signInFailed,
                    login: row["login"], userID: row["user_id"], actorID: row["actor_id"],
                    actorName: row["actor_name"], address: row["address"], detail: row["detail"])
            }
            return Page(items: events, total: total ?? 0, request: page)
        }
    }

    // MARK: Forms

    public func insertForm(
        _ write: FormWrite, unitID: Int64, state: WorkflowState?, targetID: Int64?, by userID: Int64?,
        kind: HistoryEntry.Kind, at: Date
    ) async throws -> FormRecord {
        let body = FormFileWriter.yaml(write.form)
        let formKind = FormKind(write.form)
        return try await self.write { db in
            try db.execute(
                sql: """
                    INSERT INTO forms (kind, unit_id, year, project, state, version, target_id, body, updated_at)
                    VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
                    """,
                arguments: [
                    formKind.rawValue, unitID, write.form.year, write.form.project, state?.rawValue,
                    targetID, body, at,
                ])
            let id = db.lastInsertedRowID
            try SQLiteFormStore.storeDerived(db, id: id, write: write)
            try db.execute(
                sql: "INSERT INTO form_versions (form_id, version, body) VALUES (?, 1, ?)", arguments: [id, body])
            try db.execute(
                sql: "INSERT INTO history (form_id, version, user_id, at, kind, to_state) VALUES (?, 1, ?, ?, ?, ?)",
                arguments: [id, userID, at, kind.rawValue, state?.rawValue])
            return try SQLiteFormStore.record(db, id: id)!
        }
    }

    public func form(id: Int64) async throws -> StoredForm? {
        let pair: (FormRecord, String)? = try await read { db in
            guard let record = try SQLiteFormStore.record(db, id: id),
                let body = try String.fetchOne(db, sql: "SELECT body FROM forms WHERE id = ?", arguments: [id])
            else { return nil }
            return (record, body)
        }
        guard let (record, body) = pair else { return nil }
        return StoredForm(record: record, form: try SQLiteFormStore.decode(body, id: id))
    }

    public func record(id: Int64) async throws -> FormRecord? {
        try await read { db in try SQLiteFormStore.record(db, id: id) }
    }

    public func form(id: Int64, version: Int) async throws -> Form? {
        let body = try await read { db in
            try String.fetchOne(
                db, sql: "SELECT body FROM form_versions WHERE form_id = ? AND version = ?",
                arguments: [id, version])
        }
        return try body.map { body in try SQLiteFormStore.decode(body, id: id) }
    }

    public func records(_ query: FormQuery) async throws -> [FormRecord] {
        guard let filter = SQLiteFormStore.filter(query) else { return [] }
        let sql =
            "SELECT \(SQLiteFormStore.recordColumns) FROM forms WHERE \(filter.sql) "
            + "ORDER BY \(SQLiteFormStore.order(FormSort()))"
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: filter.arguments).map(SQLiteFormStore.record)
        }
    }

    public func records(_ query: FormQuery, sort: FormSort, page: PageRequest) async throws -> Page<FormRecord> {
        guard let filter = SQLiteFormStore.filter(query) else { return Page(items: [], total: 0, request: page) }
        let sql =
            "SELECT \(SQLiteFormStore.recordColumns) FROM forms WHERE \(filter.sql) "
            + "ORDER BY \(SQLiteFormStore.order(sort)) LIMIT ? OFFSET ?"
        return try await read { db in
            let total = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM forms WHERE \(filter.sql)", arguments: filter.arguments)
            let items = try Row.fetchAll(db, sql: sql, arguments: filter.arguments + [page.limit, page.offset])
                .map(SQLiteFormStore.record)
            return Page(items: items, total: total ?? 0, request: page)
        }
    }

    public func aggregates(_ query: FormQuery) async throws -> FormAggregates {
        guard let filter = SQLiteFormStore.filter(query) else { return FormAggregates() }
        return try await read { db in
            var result = FormAggregates()
            let scored = "\(filter.sql) AND total IS NOT NULL"
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(error_count > 0), 0), SUM(declared_micros), SUM(full_year_budget_micros),
                        SUM(executed_micros) FROM forms WHERE \(filter.sql)
                    """, arguments: filter.arguments)
            {
                result.count = row[0]
                result.withErrors = row[1]
                result.declared = Micros.decimal(row[2])
                result.fullYearBudget = Micros.decimal(row[3])
                result.executed = Micros.decimal(row[4])
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT COALESCE(printed_grade, ''), COUNT(*) FROM forms WHERE \(scored) GROUP BY 1",
                arguments: filter.arguments)
            {
                result.printedGrades[row[0], default: 0] += row[1]
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT grade, COUNT(*) FROM forms WHERE \(scored) GROUP BY grade", arguments: filter.arguments
            ) {
                if let grade = (row[0] as String?).flatMap(Grade.init(rawValue:)) {
                    result.recomputedGrades[grade] = row[1]
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT state, COUNT(*) FROM forms WHERE \(filter.sql) GROUP BY state",
                arguments: filter.arguments)
            {
                if let state = (row[0] as String?).flatMap(WorkflowState.init(rawValue:)) {
                    result.states[state] = row[1]
                }
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT rate_bucket, COUNT(*) FROM forms WHERE \(scored) GROUP BY rate_bucket",
                arguments: filter.arguments)
            {
                if let bucket = RateBucket(rawValue: row[0]) { result.rateBuckets[bucket] = row[1] }
            }
            return result
        }
    }

    public func years(kind: FormKind, units: UnitScope) async throws -> [Int] {
        guard let filter = SQLiteFormStore.filter(FormQuery(kind: kind, units: units)) else { return [] }
        let query = "SELECT DISTINCT year FROM forms WHERE \(filter.sql) ORDER BY year DESC"
        return try await read { db in try Int.fetchAll(db, sql: query, arguments: filter.arguments) }
    }

    public func exists(kind: FormKind, unitID: Int64, year: Int, project: String) async throws -> Bool {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM forms WHERE kind = ? AND unit_id = ? AND year = ? AND project = ?
                    AND state IS NOT 'deleted'
                    """,
                arguments: [kind.rawValue, unitID, year, project]) != nil
        }
    }

    public func updateForm(
        id: Int64, expectedVersion: Int, write: FormWrite, changes: [FieldChange], by userID: Int64,
        at: Date
    ) async throws -> FormRecord {
        let body = FormFileWriter.yaml(write.form)
        return try await self.write { db in
            guard let current = try SQLiteFormStore.record(db, id: id) else { throw StoreError.notFound("表单") }
            guard current.version == expectedVersion else {
                throw StoreError.versionConflict(formID: id, expected: expectedVersion, current: current.version)
            }
            if let state = current.state, !state.isEditable {
                throw StoreError.wrongState(state, "该表当前状态为“\(state.label)”，不能修改（只有草稿或已退回的表可以修改）")
            }
            let version = current.version + 1
            try db.execute(
                sql: "UPDATE forms SET body = ?, project = ?, version = ?, updated_at = ? WHERE id = ?",
                arguments: [body, write.form.project, version, at, id])
            try SQLiteFormStore.storeDerived(db, id: id, write: write)
            try db.execute(
                sql: "INSERT INTO form_versions (form_id, version, body) VALUES (?, ?, ?)",
                arguments: [id, version, body])
            for change in changes {
                try db.execute(
                    sql: """
                        INSERT INTO history (form_id, version, user_id, at, kind, field_path, old_value, new_value)
                        VALUES (?, ?, ?, ?, 'edited', ?, ?, ?)
                        """, arguments: [id, version, userID, at, change.path, change.old, change.new])
            }
            return try SQLiteFormStore.record(db, id: id)!
        }
    }

    public func transition(
        id: Int64, _ transition: Transition, expectedVersion: Int?, comment: String?, by userID: Int64,
        at: Date
    ) async throws -> FormRecord {
        try await write { db in
            try SQLiteFormStore.move(
                db, id: id, transition, expectedVersion: expectedVersion, comment: comment,
                by: userID, at: at)
        }
    }

    /// One workflow move inside an open transaction.
    private static func move(
        _ db: Database, id: Int64, _ transition: Transition, expectedVersion: Int?, comment: String?,
        by userID: Int64, at: Date
    ) throws -> FormRecord {
        guard let current = try record(db, id: id), let state = current.state else { throw StoreError.notFound("自评表") }
        if let expectedVersion, current.version != expectedVersion {
            throw StoreError.versionConflict(formID: id, expected: expectedVersion, current: current.version)
        }
        if let refusal = transition.refusal(from: state) { throw StoreError.wrongState(state, refusal) }
        let version = current.version + 1
        try db.execute(
            sql: "UPDATE forms SET state = ?, version = ?, updated_at = ? WHERE id = ?",
            arguments: [transition.to.rawValue, version, at, id])
        try db.execute(
            sql: """
                INSERT INTO form_versions (form_id, version, body) SELECT id, version, body FROM forms WHERE id = ?
                """, arguments: [id])
        try db.execute(
            sql: """
                INSERT INTO history (form_id, version, user_id, at, kind, from_state, to_state, comment)
                VALUES (?, ?, ?, ?, 'transition', ?, ?, ?)
                """, arguments: [id, version, userID, at, state.rawValue, transition.to.rawValue, comment])
        return try record(db, id: id)!
    }

    public func history(formID: Int64) async throws -> [HistoryEntry] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT history.*, users.display_name FROM history LEFT JOIN users ON users.id = history.user_id
                    WHERE form_id = ? ORDER BY history.id
                    """, arguments: [formID]
            ).map(SQLiteFormStore.historyEntry)
        }
    }

    private static func historyEntry(_ row: Row) -> HistoryEntry {
        let path: String? = row["field_path"]
        return HistoryEntry(
            id: row["id"], formID: row["form_id"], version: row["version"], userID: row["user_id"],
            userName: row["display_name"], at: row["at"], kind: HistoryEntry.Kind(rawValue: row["kind"]) ?? .edited,
            change: path.map { FieldChange(path: $0, old: row["old_value"] ?? "", new: row["new_value"] ?? "") },
            fromState: (row["from_state"] as String?).flatMap(WorkflowState.init),
            toState: (row["to_state"] as String?).flatMap(WorkflowState.init), comment: row["comment"])
    }

    public func history(formID: Int64, page: PageRequest) async throws -> Page<HistoryEntry> {
        try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history WHERE form_id = ?", arguments: [formID])
            let entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT history.*, users.display_name FROM history LEFT JOIN users ON users.id = history.user_id
                    WHERE form_id = ? ORDER BY history.version DESC, history.id LIMIT ? OFFSET ?
                    """, arguments: [formID, page.limit, page.offset]
            ).map(SQLiteFormStore.historyEntry)
            return Page(items: entries, total: total ?? 0, request: page)
        }
    }

    public func findings(formID: Int64) async throws -> [StoredFinding] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM form_findings WHERE form_id = ? ORDER BY rowid", arguments: [formID]
            ).map {
                StoredFinding(
                    ruleID: $0["rule_id"], severity: Severity(rawValue: $0["severity"]) ?? .error,
                    fieldPath: $0["field_path"], message: $0["message"])
            }
        }
    }

    public func ruleIDs() async throws -> [String] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT rule_id FROM form_findings ORDER BY rule_id")
        }
    }

    // MARK: Export batches

    public func recordExport(
        directory: String, items: [(formID: Int64, path: String)], by userID: Int64,
        at: Date
    ) async throws -> ExportBatch {
        let items = items.map { ExportItemInput(formID: $0.formID, path: $0.path) }
        let id: Int64 = try await write { db in
            try db.execute(
                sql: "INSERT INTO export_batches (created_by, created_at, directory) VALUES (?, ?, ?)",
                arguments: [userID, at, directory])
            let batch = db.lastInsertedRowID
            for item in items {
                _ = try SQLiteFormStore.move(
                    db, id: item.formID, .export, expectedVersion: nil,
                    comment: "导出批次 \(batch)", by: userID, at: at)
                try db.execute(
                    sql: "INSERT INTO export_items (batch_id, form_id, path) VALUES (?, ?, ?)",
                    arguments: [batch, item.formID, item.path])
            }
            return batch
        }
        guard let batch = try await exportBatch(id: id) else { throw StoreError.notFound("导出批次") }
        return batch
    }

    private struct ExportItemInput: Sendable {
        let formID: Int64
        let path: String
    }

    public func exportBatch(id: Int64) async throws -> ExportBatch? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM export_batches WHERE id = ?", arguments: [id])
            else { return nil }
            let items = try Row.fetchAll(
                db,
                sql: """
                    SELECT export_items.form_id, export_items.path, forms.unit_id FROM export_items
                    JOIN forms ON forms.id = export_items.form_id WHERE batch_id = ? ORDER BY export_items.path
                    """, arguments: [id]
            ).map { ExportBatch.Item(formID: $0["form_id"], unitID: $0["unit_id"], path: $0["path"]) }
            return ExportBatch(
                id: id, createdBy: row["created_by"], createdAt: row["created_at"],
                directory: row["directory"], items: items)
        }
    }

    public func exportBatches(units: UnitScope, page: PageRequest) async throws -> Page<ExportBatchSummary> {
        var scope = "1"
        if case .only(let units) = units {
            guard !units.isEmpty else { return Page(items: [], total: 0, request: page) }
            scope = "forms." + SQLiteFormStore.unitCondition(units)
        }
        let joined = """
            FROM export_batches JOIN export_items ON export_items.batch_id = export_batches.id
            JOIN forms ON forms.id = export_items.form_id WHERE \(scope)
            """
        return try await read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT export_batches.id) \(joined)")
            let items = try Row.fetchAll(
                db,
                sql: """
                    SELECT export_batches.id, export_batches.created_by, export_batches.created_at, COUNT(*) AS forms,
                        (SELECT display_name FROM users WHERE users.id = export_batches.created_by) AS name
                    \(joined) GROUP BY export_batches.id ORDER BY export_batches.id DESC LIMIT ? OFFSET ?
                    """, arguments: [page.limit, page.offset]
            ).map { row in
                ExportBatchSummary(
                    id: row["id"], createdBy: row["created_by"], createdByName: row["name"],
                    createdAt: row["created_at"], formCount: row["forms"])
            }
            return Page(items: items, total: total ?? 0, request: page)
        }
    }

    // MARK: Rows

    /// The WHERE clause of a query and its arguments; nil when the query can match nothing (no units).
    private static func filter(_ query: FormQuery) -> (sql: String, arguments: StatementArguments)? {
        var conditions = ["kind = ?"]
        var arguments: [any DatabaseValueConvertible] = [query.kind.rawValue]
        if let year = query.year {
            conditions.append("year = ?")
            arguments.append(year)
        }
        if case .only(let units) = query.units {
            guard !units.isEmpty else { return nil }
            conditions.append(unitCondition(units))
        }
        if let unit = query.unitID {
            conditions.append("unit_id = ?")
            arguments.append(unit)
        }
        if query.states.isEmpty {
            conditions.append("state IS NOT 'deleted'")
        } else {
            conditions.append("state IN (\(placeholders(query.states.count)))")
            arguments.append(contentsOf: query.states.map(\.rawValue).sorted())
        }
        if let grade = query.grade {
            conditions.append("grade = ?")
            arguments.append(grade.rawValue)
        }
        if let rule = query.ruleID {
            conditions.append("id IN (SELECT form_id FROM form_findings WHERE rule_id = ?)")
            arguments.append(rule)
        }
        if let search = query.search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            conditions.append("project LIKE ? ESCAPE '\\'")
            let escaped = search.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            arguments.append("%\(escaped)%")
        }
        if let ids = query.ids {
            guard !ids.isEmpty else { return nil }
            conditions.append("id IN (\(ids.sorted().map(String.init).joined(separator: ",")))")
        }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments.map(\.databaseValue)))
    }

    /// ORDER BY for a sort. Scores and rates are stored as decimal text; they are ordered as numbers
    /// (ordering only: nothing is computed from the floating value).
    private static func order(_ sort: FormSort) -> String {
        let direction = sort.descending ? "DESC" : "ASC"
        switch sort.key {
        case .errorsFirst: return "error_count > 0 DESC, unit_id, year, project, id"
        case .project: return "project \(direction), id \(direction)"
        case .unit:
            return "(SELECT COALESCE(code, name) FROM units WHERE units.id = forms.unit_id) \(direction), project, id"
        case .total: return "total IS NULL, CAST(total AS REAL) \(direction), id"
        case .grade:
            return
                "grade IS NULL, CASE grade WHEN '优' THEN 0 WHEN '良' THEN 1 WHEN '中' THEN 2 ELSE 3 END \(direction), id"
        case .rate: return "execution_rate IS NULL, CAST(execution_rate AS REAL) \(direction), id"
        case .updated: return "updated_at \(direction), id \(direction)"
        }
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// `unit_id IN (…)` for a set of ids (integers, so they are written inline).
    private static func unitCondition(_ units: Set<Int64>) -> String {
        "unit_id IN (\(units.sorted().map(String.init).joined(separator: ",")))"
    }

    private static let recordColumns = """
        id, kind, unit_id, year, project, state, version, target_id, updated_at, printed_total, printed_grade, total, \
        grade, rule_total, rule_grade, execution_rate, declared, full_year_budget, executed, error_count, warning_count
        """

    private static func record(_ db: Database, id: Int64) throws -> FormRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(recordColumns) FROM forms WHERE id = ?"), arguments: [id])
            .map(record)
    }

    /// Positions of `recordColumns` (rows are read by position: the dashboard reads thousands).
    private enum Column: Int {
        case id, kind, unitID, year, project, state, version, targetID, updatedAt, printedTotal, printedGrade, total,
            grade,
            ruleTotal, ruleGrade, executionRate, declared, fullYearBudget, executed, errorCount, warningCount
    }

    private static func record(_ row: Row) -> FormRecord {
        func value<T: DatabaseValueConvertible>(_ column: Column) -> T? { row[column.rawValue] }
        /// Decimals are stored by `storeDerived` in canonical form (`DecimalText.plain`).
        func decimal(_ column: Column) -> Decimal? {
            (value(column) as String?).flatMap { Decimal(string: $0, locale: SQLiteFormStore.posix) }
        }
        var figures: FormFigures?
        if let total = decimal(.total), let grade = (value(.grade) as String?).flatMap(Grade.init(rawValue:)),
            let ruleTotal = decimal(.ruleTotal),
            let ruleGrade = (value(.ruleGrade) as String?).flatMap(Grade.init(rawValue:))
        {
            figures = FormFigures(
                printedTotal: value(.printedTotal) ?? "", printedGrade: value(.printedGrade) ?? "", total: total,
                grade: grade, ruleTotal: ruleTotal, ruleGrade: ruleGrade, executionRate: decimal(.executionRate),
                declared: decimal(.declared), fullYearBudget: decimal(.fullYearBudget), executed: decimal(.executed),
                errorCount: value(.errorCount) ?? 0, warningCount: value(.warningCount) ?? 0)
        }
        return FormRecord(
            id: value(.id) ?? 0, kind: (value(.kind) as String?).flatMap(FormKind.init(rawValue:)) ?? .selfEvaluation,
            unitID: value(.unitID) ?? 0, year: value(.year) ?? 0, project: value(.project) ?? "",
            state: (value(.state) as String?).flatMap(WorkflowState.init(rawValue:)), version: value(.version) ?? 1,
            targetID: value(.targetID), figures: figures, updatedAt: value(.updatedAt) ?? Date(timeIntervalSince1970: 0)
        )
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Figures and findings of a form, replaced on every save.
    private static func storeDerived(_ db: Database, id: Int64, write: FormWrite) throws {
        let text = { (value: Decimal?) in value.map(DecimalText.plain) }
        let f = write.figures
        try db.execute(
            sql: """
                UPDATE forms SET printed_total = ?, printed_grade = ?, total = ?, grade = ?, rule_total = ?, rule_grade = ?,
                    execution_rate = ?, declared = ?, full_year_budget = ?, executed = ?, error_count = ?, warning_count = ?,
                    rate_bucket = ?, declared_micros = ?, full_year_budget_micros = ?, executed_micros = ?
                WHERE id = ?
                """,
            arguments: [
                f?.printedTotal, f?.printedGrade, text(f?.total), f?.grade.rawValue, text(f?.ruleTotal),
                f?.ruleGrade.rawValue, text(f?.executionRate), text(f?.declared), text(f?.fullYearBudget),
                text(f?.executed), f?.errorCount ?? 0, f?.warningCount ?? 0, RateBucket(f?.executionRate).rawValue,
                Micros.from(f?.declared), Micros.from(f?.fullYearBudget), Micros.from(f?.executed), id,
            ])
        try db.execute(sql: "DELETE FROM form_findings WHERE form_id = ?", arguments: [id])
        for finding in write.findings {
            try db.execute(
                sql:
                    "INSERT INTO form_findings (form_id, rule_id, severity, field_path, message) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, finding.ruleID, finding.severity.rawValue, finding.fieldPath, finding.message])
        }
    }

    private static func decode(_ body: String, id: Int64) throws -> Form {
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
}
