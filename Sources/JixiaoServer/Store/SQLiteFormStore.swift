import Foundation
import GRDB
import JixiaoCore
import JixiaoFormats

/// The embedded store: one SQLite file through GRDB, in WAL mode (readers never wait for the writer), with
/// foreign keys on, every change in one transaction and the schema upgraded by `StoreSchema`'s migrations.
/// The statements, row readers and checks are `StoredRows`' and `StoreSQL`'s, shared with `PostgresFormStore`.
///
/// Form bodies are kept as form files (`FormFileWriter`), so what the store holds is exactly what
/// `jixiao score` and `jixiao check` read, and every version is kept in `form_versions`.
public final class SQLiteFormStore: FormStore {
    private let database: any DatabaseWriter
    private static let dialect = StoreDialect.sqlite

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
            if let code, try db.exists(StoreSQL.unitCodeExists, [.text(code)]) { throw StoreChecks.unitCodeTaken(code) }
            if try db.exists(StoreSQL.unitNameExists, [.text(name)]) { throw StoreChecks.unitNameTaken(name) }
            let id = try db.id(StoreSQL.insertUnit, [.text(code), .text(name)])
            return BudgetUnit(id: id, code: code, name: name)
        }
    }

    public func units() async throws -> [BudgetUnit] {
        try await read { db in try db.rows(StoreSQL.units).map(StoredRows.unit) }
    }

    public func createUser(_ user: NewUser) async throws -> User {
        try await write { db in
            if try db.exists(StoreSQL.loginExists(SQLiteFormStore.dialect), [.text(user.login)]) {
                throw StoreChecks.loginTaken(user.login)
            }
            for unit in [user.unitID].compactMap({ $0 }) + user.reviewedUnits.sorted()
            where try !db.exists(StoreSQL.unitExists, [.integer(unit)]) {
                throw StoreChecks.unknownUnit(unit)
            }
            let id = try db.id(StoreSQL.insertUser, StoredRows.insertUser(user, at: Date()))
            if user.role == .reviewer {
                try SQLiteFormStore.replaceReviewedUnits(db, userID: id, units: user.reviewedUnits)
            }
            return try SQLiteFormStore.user(db, id: id)!
        }
    }

    public func users() async throws -> [User] {
        try await read { db in
            try db.rows(StoreSQL.userIDs).compactMap { try SQLiteFormStore.user(db, id: $0.integer(0) ?? 0) }
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await read { db in try SQLiteFormStore.user(db, id: id) }
    }

    public func credentials(login: String) async throws -> (user: User, passwordHash: String)? {
        let pair: (User, String)? = try await read { db in
            guard let row = try db.rows(StoreSQL.credentials(SQLiteFormStore.dialect), [.text(login)]).first,
                let user = try SQLiteFormStore.user(db, id: row.integer(0) ?? 0)
            else { return nil }
            return (user, row.text(1) ?? "")
        }
        return pair.map { (user: $0.0, passwordHash: $0.1) }
    }

    public func setReviewedUnits(userID: Int64, units: Set<Int64>) async throws {
        try await write { db in
            guard let user = try SQLiteFormStore.user(db, id: userID) else { throw StoreError.notFound("用户") }
            guard user.role == .reviewer else { throw StoreChecks.notReviewer }
            try SQLiteFormStore.replaceReviewedUnits(db, userID: userID, units: units)
        }
    }

    public func setPassword(userID: Int64, passwordHash: String, mustChange: Bool) async throws {
        try await write { db in
            let values: [SQLValue] = [.text(passwordHash), .flag(mustChange), .integer(userID)]
            guard try db.exists(StoreSQL.setPassword, values) else { throw StoreError.notFound("用户") }
        }
    }

    public func setDisabled(userID: Int64, _ disabled: Bool) async throws {
        try await write { db in
            guard try db.exists(StoreSQL.setDisabled, [.flag(disabled), .integer(userID)]) else {
                throw StoreError.notFound("用户")
            }
        }
    }

    public func deleteUser(id: Int64) async throws {
        try await write { db in
            guard try SQLiteFormStore.user(db, id: id) != nil else { throw StoreError.notFound("用户") }
            guard try !db.exists(StoreSQL.userIsUsed, [.integer(id), .integer(id)]) else {
                throw StoreChecks.userWithHistory
            }
            for statement in [StoreSQL.deleteUserSessions, StoreSQL.deleteReviewedUnits, StoreSQL.deleteUser] {
                try db.run(statement, [.integer(id)])
            }
        }
    }

    private static func replaceReviewedUnits(_ db: Database, userID: Int64, units: Set<Int64>) throws {
        try db.run(StoreSQL.deleteReviewedUnits, [.integer(userID)])
        for unit in units.sorted() {
            guard try db.exists(StoreSQL.unitExists, [.integer(unit)]) else { throw StoreChecks.unknownUnit(unit) }
            try db.run(StoreSQL.insertReviewedUnit, [.integer(userID), .integer(unit)])
        }
    }

    private static func user(_ db: Database, id: Int64) throws -> User? {
        try db.rows(StoreSQL.userByID(SQLiteFormStore.dialect), [.integer(id)]).first.flatMap(StoredRows.user)
    }

    // MARK: Sessions

    public func createSession(_ session: Session) async throws {
        try await write { db in
            try db.run(StoreSQL.deleteExpiredSessions, [.date(Date())])
            try db.run(StoreSQL.insertSession, StoredRows.sessionValues(session))
        }
    }

    public func session(tokenDigest: String, now: Date) async throws -> (session: Session, user: User)? {
        let pair: (Session, User)? = try await read { db in
            try db.rows(StoreSQL.session(SQLiteFormStore.dialect), [.text(tokenDigest), .date(now)]).first
                .flatMap(StoredRows.sessionAndUser)
        }
        return pair.map { (session: $0.0, user: $0.1) }
    }

    public func touchSession(tokenDigest: String, at: Date) async throws {
        try await write { db in try db.run(StoreSQL.touchSession, [.date(at), .text(tokenDigest)]) }
    }

    public func deleteSession(tokenDigest: String) async throws {
        try await write { db in try db.run(StoreSQL.deleteSession, [.text(tokenDigest)]) }
    }

    public func deleteSessions(userID: Int64, except tokenDigest: String?) async throws {
        try await write { db in try db.run(StoreSQL.deleteOtherSessions, [.integer(userID), .text(tokenDigest)]) }
    }

    // MARK: Sign-in throttling and the account history

    public func recordLoginFailure(keys: [String], at: Date) async throws -> [LoginFailures] {
        try await write { db in
            for key in keys { try db.run(StoreSQL.recordFailure, [.text(key), .date(at)]) }
            return try SQLiteFormStore.failures(db, keys: keys)
        }
    }

    public func loginFailures(keys: [String]) async throws -> [LoginFailures] {
        try await read { db in try SQLiteFormStore.failures(db, keys: keys) }
    }

    public func loginFailures(atLeast minimum: Int) async throws -> [LoginFailures] {
        try await read { db in try db.rows(StoreSQL.failuresAtLeast, [.int(minimum)]).map(StoredRows.failures) }
    }

    public func clearLoginFailures(keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await write { db in try db.run(StoreSQL.clearFailures(keys: keys.count), keys.map(SQLValue.text)) }
    }

    private static func failures(_ db: Database, keys: [String]) throws -> [LoginFailures] {
        guard !keys.isEmpty else { return [] }
        return try db.rows(StoreSQL.failures(keys: keys.count), keys.map(SQLValue.text)).map(StoredRows.failures)
    }

    public func recordAccountEvent(_ event: AccountEvent) async throws {
        try await write { db in try db.run(StoreSQL.insertAccountEvent, StoredRows.accountEventValues(event)) }
    }

    public func accountEvents(login: String?, page: PageRequest) async throws -> Page<AccountEvent> {
        let condition = StoreSQL.accountEventCondition(SQLiteFormStore.dialect, login: login)
        let values: [SQLValue] = login.map { [.text($0)] } ?? []
        return try await read { db in
            let total = try db.rows(StoreSQL.accountEventCount(condition), values).first?.int(0) ?? 0
            let events = try db.rows(
                StoreSQL.accountEvents(condition), values + [.int(page.limit), .int(page.offset)]
            ).map(StoredRows.accountEvent)
            return Page(items: events, total: total, request: page)
        }
    }

    // MARK: Forms

    public func insertForm(
        _ write: FormWrite, unitID: Int64, state: WorkflowState?, targetID: Int64?, by userID: Int64?,
        kind: HistoryEntry.Kind, at: Date
    ) async throws -> FormRecord {
        let body = StoredRows.body(write.form)
        let values = StoredRows.insertForm(write, unitID: unitID, state: state, targetID: targetID, at: at)
        return try await self.write { db in
            let id = try db.id(StoreSQL.insertForm, values)
            try SQLiteFormStore.storeDerived(db, id: id, write: write)
            try db.run(StoreSQL.insertVersion, [.integer(id), .int(1), .text(body)])
            try db.run(
                StoreSQL.insertCreated,
                [.integer(id), .integer(userID), .date(at), .text(kind.rawValue), .text(state?.rawValue)])
            return try SQLiteFormStore.record(db, id: id)!
        }
    }

    public func form(id: Int64) async throws -> StoredForm? {
        try await read { db in try db.rows(StoreSQL.recordAndBody, [.integer(id)]).first.flatMap(StoredRows.storedForm)
        }
    }

    public func record(id: Int64) async throws -> FormRecord? {
        try await read { db in try SQLiteFormStore.record(db, id: id) }
    }

    public func form(id: Int64, version: Int) async throws -> Form? {
        let body = try await read { db in
            try db.rows(StoreSQL.versionBody, [.integer(id), .int(version)]).first?.text(0)
        }
        return try body.map { body in try StoredRows.form(body: body, id: id) }
    }

    public func records(_ query: FormQuery) async throws -> [FormRecord] {
        guard let filter = StoreSQL.filter(query, SQLiteFormStore.dialect) else { return [] }
        let sql = StoreSQL.records(filter.sql, FormSort(), SQLiteFormStore.dialect, paged: false)
        return try await read { db in try db.rows(sql, filter.values).map(StoredRows.record) }
    }

    public func records(
        _ query: FormQuery, sort: FormSort, page: PageRequest, total knownTotal: Int?
    ) async throws -> Page<FormRecord> {
        guard let filter = StoreSQL.filter(query, SQLiteFormStore.dialect) else {
            return Page(items: [], total: 0, request: page)
        }
        let sql = StoreSQL.records(filter.sql, sort, SQLiteFormStore.dialect, paged: true)
        return try await read { db in
            let total = try knownTotal ?? db.rows(StoreSQL.count(filter.sql), filter.values).first?.int(0) ?? 0
            let items = try db.rows(sql, filter.values + [.int(page.limit), .int(page.offset)]).map(StoredRows.record)
            return Page(items: items, total: total, request: page)
        }
    }

    public func aggregates(_ query: FormQuery) async throws -> FormAggregates {
        guard let filter = StoreSQL.filter(query, SQLiteFormStore.dialect) else { return FormAggregates() }
        return try await read { db in try StoreSQL.aggregates(db.rows(StoreSQL.summary(filter.sql), filter.values)) }
    }

    public func years(kind: FormKind, units: UnitScope) async throws -> [Int] {
        guard let filter = StoreSQL.filter(FormQuery(kind: kind, units: units), SQLiteFormStore.dialect) else {
            return []
        }
        return try await read { db in
            try db.rows(StoreSQL.years(filter.sql), filter.values).compactMap { try $0.int(0) }
        }
    }

    public func exists(kind: FormKind, unitID: Int64, year: Int, project: String) async throws -> Bool {
        try await read { db in
            try db.exists(StoreSQL.exists, [.text(kind.rawValue), .integer(unitID), .int(year), .text(project)])
        }
    }

    public func updateForm(
        id: Int64, expectedVersion: Int, write: FormWrite, changes: [FieldChange], by userID: Int64,
        at: Date
    ) async throws -> FormRecord {
        let body = StoredRows.body(write.form)
        return try await self.write { db in
            let version = try StoreChecks.edit(
                SQLiteFormStore.record(db, id: id), id: id, expectedVersion: expectedVersion)
            try db.run(
                StoreSQL.updateEdited, [.text(write.form.project), .int(version), .date(at), .integer(id)])
            try SQLiteFormStore.storeDerived(db, id: id, write: write)
            try db.run(StoreSQL.insertVersion, [.integer(id), .int(version), .text(body)])
            for change in changes {
                try db.run(
                    StoreSQL.insertEdit,
                    StoredRows.editValues(change, formID: id, version: version, userID: userID, at: at))
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
        let (state, version) = try StoreChecks.move(
            record(db, id: id), id: id, transition, expectedVersion: expectedVersion)
        try db.run(StoreSQL.updateState, [.text(transition.to.rawValue), .int(version), .date(at), .integer(id)])
        try db.run(StoreSQL.copyVersion, [.integer(id)])
        try db.run(
            StoreSQL.insertTransition,
            StoredRows.transitionValues(
                formID: id, version: version, userID: userID, at: at, from: state, to: transition.to, comment: comment))
        return try record(db, id: id)!
    }

    public func history(formID: Int64) async throws -> [HistoryEntry] {
        try await read { db in try db.rows(StoreSQL.history, [.integer(formID)]).map(StoredRows.historyEntry) }
    }

    public func history(formID: Int64, page: PageRequest) async throws -> Page<HistoryEntry> {
        try await read { db in
            let total = try db.rows(StoreSQL.historyCount, [.integer(formID)]).first?.int(0) ?? 0
            let entries = try db.rows(
                StoreSQL.historyPage, [.integer(formID), .int(page.limit), .int(page.offset)]
            ).map(StoredRows.historyEntry)
            return Page(items: entries, total: total, request: page)
        }
    }

    public func findings(formID: Int64) async throws -> [StoredFinding] {
        try await read { db in
            try db.rows(StoreSQL.findings(SQLiteFormStore.dialect), [.integer(formID)]).map(StoredRows.finding)
        }
    }

    public func ruleIDs() async throws -> [String] {
        try await read { db in try db.rows(StoreSQL.ruleIDs).compactMap { $0.text(0) } }
    }

    // MARK: Export batches

    public func recordExport(
        directory: String, items: [(formID: Int64, path: String)], by userID: Int64,
        at: Date
    ) async throws -> ExportBatch {
        let items = items.map { ExportItemInput(formID: $0.formID, path: $0.path) }
        let id: Int64 = try await write { db in
            let batch = try db.id(StoreSQL.insertBatch, [.integer(userID), .date(at), .text(directory)])
            for item in items {
                _ = try SQLiteFormStore.move(
                    db, id: item.formID, .export, expectedVersion: nil,
                    comment: "导出批次 \(batch)", by: userID, at: at)
                try db.run(StoreSQL.insertExportItem, [.integer(batch), .integer(item.formID), .text(item.path)])
            }
            return batch
        }
        guard let batch = try await exportBatch(id: id) else { throw StoreError.notFound("导出批次") }
        return batch
    }

    public func exportBatch(id: Int64) async throws -> ExportBatch? {
        try await read { db in
            guard let row = try db.rows(StoreSQL.batch, [.integer(id)]).first else { return nil }
            let items = try db.rows(StoreSQL.batchItems, [.integer(id)]).map(StoredRows.exportItem)
            return ExportBatch(
                id: id, createdBy: row.integer(0) ?? 0, createdAt: row.date(1) ?? Date(timeIntervalSince1970: 0),
                directory: row.text(2) ?? "", items: items)
        }
    }

    public func exportBatches(units: UnitScope, page: PageRequest) async throws -> Page<ExportBatchSummary> {
        guard let join = StoreSQL.batchesJoin(units) else { return Page(items: [], total: 0, request: page) }
        return try await read { db in
            let total = try db.rows(StoreSQL.batchCount(join)).first?.int(0) ?? 0
            let items = try db.rows(StoreSQL.batches(join), [.int(page.limit), .int(page.offset)])
                .map(StoredRows.exportBatchSummary)
            return Page(items: items, total: total, request: page)
        }
    }

    // MARK: Rows

    private static func record(_ db: Database, id: Int64) throws -> FormRecord? {
        try db.rows(StoreSQL.record, [.integer(id)]).first.map(StoredRows.record)
    }

    /// Figures and findings of a form, replaced on every save.
    private static func storeDerived(_ db: Database, id: Int64, write: FormWrite) throws {
        try db.run(StoreSQL.storeDerived, StoredRows.derivedValues(write, id: id))
        try db.run(StoreSQL.deleteFindings, [.integer(id)])
        for finding in write.findings {
            try db.run(StoreSQL.insertFinding, StoredRows.findingValues(finding, formID: id))
        }
    }
}

/// An export item inside a transaction closure (the tuple is not `Sendable`).
struct ExportItemInput: Sendable {
    let formID: Int64
    let path: String
}

extension Row: StoredRow {
    func text(_ column: Int) -> String? { self[column] }
    func integer(_ column: Int) -> Int64? { self[column] }
    func date(_ column: Int) -> Date? { self[column] }
    func flag(_ column: Int) -> Bool { self[column] ?? false }
}

extension Database {
    /// The statement's rows (statements are cached: the same few run over and over).
    fileprivate func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: SQLValue.arguments(values))
    }

    fileprivate func run(_ sql: String, _ values: [SQLValue]) throws {
        try cachedStatement(sql: sql).execute(arguments: SQLValue.arguments(values))
    }

    /// Whether the statement returns a row.
    fileprivate func exists(_ sql: String, _ values: [SQLValue]) throws -> Bool {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: SQLValue.arguments(values)) != nil
    }

    /// The id an `INSERT … RETURNING id` returns.
    fileprivate func id(_ sql: String, _ values: [SQLValue]) throws -> Int64 {
        guard let id = try rows(sql, values).first?.integer(0) else { throw StoreError.database("no id from \(sql)") }
        return id
    }
}

extension SQLValue {
    fileprivate static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> DatabaseValue in
                switch value {
                case .text(let text): text?.databaseValue ?? .null
                case .integer(let integer): integer?.databaseValue ?? .null
                case .date(let date): date?.databaseValue ?? .null
                case .flag(let flag): flag.databaseValue
                }
            })
    }
}
