import Foundation
import JixiaoCore
import Logging
import NIOSSL
import PostgresNIO

/// The province-wide store: a PostgreSQL database through PostgresNIO's pooled `PostgresClient`, shared by any
/// number of `jixiao serve` processes. Every change is one transaction; a form being changed is locked
/// (`SELECT … FOR UPDATE`), so of two saves of the same version one succeeds and the other meets the new
/// version (`StoreError.versionConflict`); reads of several statements see one snapshot. Foreign keys and the
/// append-only tables are enforced by the database (`PostgresSchema`). The statements, row readers and checks
/// are the ones `SQLiteFormStore` runs (`StoreSQL`, `StoredRows`, `StoreChecks`).
public final class PostgresFormStore: FormStore {
    public let location: PostgresLocation
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let logger: Logger
    private static let dialect = StoreDialect.postgres

    private init(location: PostgresLocation, maximumConnections: Int, logger: Logger) throws {
        self.location = location
        self.logger = logger
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: try PostgresFormStore.clientTLS(location.tls))
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = PostgresFormStore.startupParameters(location)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit { running.cancel() }

    /// Connects once (to report an unreachable server or a wrong password clearly), creates or upgrades the
    /// tables, then opens the pool of up to `maximumConnections` connections.
    public static func open(
        _ location: PostgresLocation, maximumConnections: Int = 16
    ) async throws(StoreOpenError) -> PostgresFormStore {
        var logger = Logger(label: "jixiao.postgres")
        logger.logLevel = .critical
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.username,
                password: location.password, database: location.database, tls: try connectionTLS(location.tls))
            configuration.options.connectTimeout = .seconds(5)
            configuration.options.additionalStartupParameters = startupParameters(location)
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: 1, logger: logger)
            do {
                try await PostgresSchema.migrate(connection, schema: location.schema, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
            return try PostgresFormStore(location: location, maximumConnections: maximumConnections, logger: logger)
        } catch {
            throw openError(error, location)
        }
    }

    private static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        [("application_name", "jixiao")] + (location.schema.map { [("search_path", PostgresSchema.quoted($0))] } ?? [])
    }

    private static func clientTLS(_ mode: PostgresLocation.TLSMode) throws -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private static func connectionTLS(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// What went wrong opening the database, in Chinese, naming the database without its password.
    static func openError(_ error: any Error, _ location: PostgresLocation) -> StoreOpenError {
        let database = location.description
        let failure = (error as? PostgresTransactionError)?.closureError ?? error
        guard let psql = failure as? PSQLError else {
            return StoreOpenError("无法打开 PostgreSQL 数据库 \(database)（\(failure)）。修改建议：检查地址与服务器设置")
        }
        let state = psql.serverInfo?[.sqlState] ?? ""
        switch (psql.code, state) {
        case (.server, "28P01"), (.server, "28000"), (.authMechanismRequiresPassword, _), (.saslError, _):
            return StoreOpenError(
                "无法登录 PostgreSQL 数据库 \(database)：用户名或密码不对，或该用户无权从本机连接。修改建议：检查地址中的用户名和密码，以及服务器的 pg_hba.conf")
        case (.server, "3D000"):
            return StoreOpenError(
                "PostgreSQL 数据库 \(database) 不存在。修改建议：先创建它，例如 createdb -O \(location.username) \(location.database)")
        case (.server, "42501"):
            return StoreOpenError(
                "PostgreSQL 用户 \(location.username) 无权在数据库 \(database) 中建表。修改建议：让数据库属于该用户，或授予 CREATE 权限")
        case (.server, _):
            let message = psql.serverInfo?[.message] ?? "服务器拒绝"
            return StoreOpenError("PostgreSQL 数据库 \(database) 报错：\(message)（SQLSTATE \(state)）")
        case (.sslUnsupported, _):
            return StoreOpenError(
                "PostgreSQL 服务器 \(location.host):\(location.port) 不支持 TLS。修改建议：去掉地址中的 sslmode=require")
        default:
            let reason = psql.underlying.map { "\($0)" } ?? "\(psql.code)"
            return StoreOpenError(
                "无法连接 PostgreSQL 数据库 \(database)（\(reason)）。修改建议：确认 PostgreSQL 已启动并在 \(location.host):\(location.port) 上监听，地址与端口无误"
            )
        }
    }

    // MARK: Access helpers

    /// Runs `body` in one transaction on a pooled connection.
    private func write<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        do {
            let logger = self.logger
            return try await client.withTransaction(logger: logger) { connection in
                try await body(Connection(connection: connection, logger: logger))
            }
        } catch { throw PostgresFormStore.storeError(error) }
    }

    /// Runs `body` in one read-only transaction that sees one snapshot of the database. The transaction is
    /// opened with its isolation level in one statement (one round trip fewer than BEGIN, then SET).
    private func read<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        do {
            let logger = self.logger
            return try await client.withConnection { connection in
                let db = Connection(connection: connection, logger: logger)
                try await db.run("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                do {
                    let result = try await body(db)
                    try await db.run("COMMIT")
                    return result
                } catch {
                    try? await db.run("ROLLBACK")
                    throw error
                }
            }
        } catch { throw PostgresFormStore.storeError(error) }
    }

    /// Runs a read of one statement, which sees one snapshot by itself: no transaction, one round trip.
    private func one<T: Sendable>(_ body: (Connection) async throws -> T) async throws -> T {
        do {
            let logger = self.logger
            return try await client.withConnection { connection in
                try await body(Connection(connection: connection, logger: logger))
            }
        } catch { throw PostgresFormStore.storeError(error) }
    }

    /// Runs one statement in its own transaction, past the store's checks (the tests show with it what the
    /// database itself refuses).
    func execute(_ sql: String) async throws {
        try await write { db in try await db.run(sql) }
    }

    private static func storeError(_ error: any Error) -> StoreError {
        let error = (error as? PostgresTransactionError).map { $0.closureError ?? $0.commitError ?? $0 } ?? error
        if let error = error as? StoreError { return error }
        if let psql = error as? PSQLError, psql.code == .server {
            switch psql.serverInfo?[.sqlState] {
            case "23505": return .invalid("该名称或登录名已被使用（可能刚被他人创建），请换一个")
            case "23503": return .invalid("引用的单位、用户或表单不存在（可能刚被他人删除）")
            default: break
            }
        }
        return .database(String(reflecting: error))
    }

    /// A leased connection inside a transaction, running `StoreSQL` statements.
    private struct Connection {
        let connection: PostgresConnection
        let logger: Logger

        func rows(_ sql: String, _ values: [SQLValue] = []) async throws -> [PostgresStoredRow] {
            var rows: [PostgresStoredRow] = []
            for try await row in try await connection.query(Connection.query(sql, values), logger: logger) {
                rows.append(PostgresStoredRow(cells: Array(row)))
            }
            return rows
        }

        func run(_ sql: String, _ values: [SQLValue] = []) async throws {
            _ = try await rows(sql, values)
        }

        func exists(_ sql: String, _ values: [SQLValue]) async throws -> Bool { try await !rows(sql, values).isEmpty }

        func id(_ sql: String, _ values: [SQLValue]) async throws -> Int64 {
            guard let id = try await rows(sql, values).first?.integer(0) else {
                throw StoreError.database("no id from \(sql)")
            }
            return id
        }

        /// The statement with its `?` numbered `$1`, `$2` … and the values bound.
        static func query(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
            var text = ""
            text.reserveCapacity(sql.utf8.count + values.count * 2)
            var number = 0
            for character in sql {
                if character == "?" {
                    number += 1
                    text += "$\(number)"
                } else {
                    text.append(character)
                }
            }
            var binds = PostgresBindings(capacity: values.count)
            for value in values {
                switch value {
                case .text(let text): binds.append(text)
                case .integer(let integer): binds.append(integer)
                case .date(let date): binds.append(date)
                case .flag(let flag): binds.append(flag)
                }
            }
            return PostgresQuery(unsafeSQL: text, binds: binds)
        }
    }

    // MARK: Units and users

    public func createUnit(code: String?, name: String) async throws -> BudgetUnit {
        let code = code.flatMap { $0.isEmpty ? nil : $0 }
        return try await write { db in
            if let code, try await db.exists(StoreSQL.unitCodeExists, [.text(code)]) {
                throw StoreChecks.unitCodeTaken(code)
            }
            if try await db.exists(StoreSQL.unitNameExists, [.text(name)]) { throw StoreChecks.unitNameTaken(name) }
            let id = try await db.id(StoreSQL.insertUnit, [.text(code), .text(name)])
            return BudgetUnit(id: id, code: code, name: name)
        }
    }

    public func units() async throws -> [BudgetUnit] {
        try await one { db in try await db.rows(StoreSQL.units).map(StoredRows.unit) }
    }

    public func createUser(_ user: NewUser) async throws -> User {
        try await write { db in
            if try await db.exists(StoreSQL.loginExists(PostgresFormStore.dialect), [.text(user.login)]) {
                throw StoreChecks.loginTaken(user.login)
            }
            for unit in [user.unitID].compactMap({ $0 }) + user.reviewedUnits.sorted() {
                guard try await db.exists(StoreSQL.unitExists, [.integer(unit)]) else {
                    throw StoreChecks.unknownUnit(unit)
                }
            }
            let id = try await db.id(StoreSQL.insertUser, StoredRows.insertUser(user, at: Date()))
            if user.role == .reviewer {
                try await PostgresFormStore.replaceReviewedUnits(db, userID: id, units: user.reviewedUnits)
            }
            guard let created = try await PostgresFormStore.user(db, id: id) else { throw StoreError.notFound("用户") }
            return created
        }
    }

    public func users() async throws -> [User] {
        try await read { db in
            var users: [User] = []
            for row in try await db.rows(StoreSQL.userIDs) {
                if let user = try await PostgresFormStore.user(db, id: row.integer(0) ?? 0) { users.append(user) }
            }
            return users
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await one { db in try await PostgresFormStore.user(db, id: id) }
    }

    public func credentials(login: String) async throws -> (user: User, passwordHash: String)? {
        let pair: (User, String)? = try await read { db in
            guard let row = try await db.rows(StoreSQL.credentials(PostgresFormStore.dialect), [.text(login)]).first,
                let user = try await PostgresFormStore.user(db, id: row.integer(0) ?? 0)
            else { return nil }
            return (user, try row.text(1) ?? "")
        }
        return pair.map { (user: $0.0, passwordHash: $0.1) }
    }

    public func setReviewedUnits(userID: Int64, units: Set<Int64>) async throws {
        try await write { db in
            guard let user = try await PostgresFormStore.user(db, id: userID) else { throw StoreError.notFound("用户") }
            guard user.role == .reviewer else { throw StoreChecks.notReviewer }
            try await PostgresFormStore.replaceReviewedUnits(db, userID: userID, units: units)
        }
    }

    public func setPassword(userID: Int64, passwordHash: String, mustChange: Bool) async throws {
        try await write { db in
            let values: [SQLValue] = [.text(passwordHash), .flag(mustChange), .integer(userID)]
            guard try await db.exists(StoreSQL.setPassword, values) else { throw StoreError.notFound("用户") }
        }
    }

    public func setDisabled(userID: Int64, _ disabled: Bool) async throws {
        try await write { db in
            guard try await db.exists(StoreSQL.setDisabled, [.flag(disabled), .integer(userID)]) else {
                throw StoreError.notFound("用户")
            }
        }
    }

    public func deleteUser(id: Int64) async throws {
        try await write { db in
            guard try await PostgresFormStore.user(db, id: id) != nil else { throw StoreError.notFound("用户") }
            guard try await !db.exists(StoreSQL.userIsUsed, [.integer(id), .integer(id)]) else {
                throw StoreChecks.userWithHistory
            }
            for statement in [StoreSQL.deleteUserSessions, StoreSQL.deleteReviewedUnits, StoreSQL.deleteUser] {
                try await db.run(statement, [.integer(id)])
            }
        }
    }

    private static func replaceReviewedUnits(_ db: Connection, userID: Int64, units: Set<Int64>) async throws {
        try await db.run(StoreSQL.deleteReviewedUnits, [.integer(userID)])
        for unit in units.sorted() {
            guard try await db.exists(StoreSQL.unitExists, [.integer(unit)]) else {
                throw StoreChecks.unknownUnit(unit)
            }
            try await db.run(StoreSQL.insertReviewedUnit, [.integer(userID), .integer(unit)])
        }
    }

    private static func user(_ db: Connection, id: Int64) async throws -> User? {
        try await db.rows(StoreSQL.userByID(PostgresFormStore.dialect), [.integer(id)]).first.flatMap(StoredRows.user)
    }

    // MARK: Sessions

    public func createSession(_ session: Session) async throws {
        try await write { db in
            try await db.run(StoreSQL.deleteExpiredSessions, [.date(Date())])
            try await db.run(StoreSQL.insertSession, StoredRows.sessionValues(session))
        }
    }

    public func session(tokenDigest: String, now: Date) async throws -> (session: Session, user: User)? {
        let pair: (Session, User)? = try await one { db in
            try await db.rows(StoreSQL.session(PostgresFormStore.dialect), [.text(tokenDigest), .date(now)]).first
                .flatMap(StoredRows.sessionAndUser)
        }
        return pair.map { (session: $0.0, user: $0.1) }
    }

    public func touchSession(tokenDigest: String, at: Date) async throws {
        try await write { db in try await db.run(StoreSQL.touchSession, [.date(at), .text(tokenDigest)]) }
    }

    public func deleteSession(tokenDigest: String) async throws {
        try await write { db in try await db.run(StoreSQL.deleteSession, [.text(tokenDigest)]) }
    }

    public func deleteSessions(userID: Int64, except tokenDigest: String?) async throws {
        try await write { db in
            try await db.run(StoreSQL.deleteOtherSessions, [.integer(userID), .text(tokenDigest)])
        }
    }

    // MARK: Sign-in throttling and the account history

    public func recordLoginFailure(keys: [String], at: Date) async throws -> [LoginFailures] {
        try await write { db in
            // Keys in one order, so two requests never wait on each other's rows crosswise.
            for key in keys.sorted() { try await db.run(StoreSQL.recordFailure, [.text(key), .date(at)]) }
            return try await PostgresFormStore.failures(db, keys: keys)
        }
    }

    public func loginFailures(keys: [String]) async throws -> [LoginFailures] {
        try await one { db in try await PostgresFormStore.failures(db, keys: keys) }
    }

    public func loginFailures(atLeast minimum: Int) async throws -> [LoginFailures] {
        try await one { db in try await db.rows(StoreSQL.failuresAtLeast, [.int(minimum)]).map(StoredRows.failures) }
    }

    public func clearLoginFailures(keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await write { db in try await db.run(StoreSQL.clearFailures(keys: keys.count), keys.map(SQLValue.text)) }
    }

    private static func failures(_ db: Connection, keys: [String]) async throws -> [LoginFailures] {
        guard !keys.isEmpty else { return [] }
        return try await db.rows(StoreSQL.failures(keys: keys.count), keys.map(SQLValue.text)).map(StoredRows.failures)
    }

    public func recordAccountEvent(_ event: AccountEvent) async throws {
        try await write { db in try await db.run(StoreSQL.insertAccountEvent, StoredRows.accountEventValues(event)) }
    }

    public func accountEvents(login: String?, page: PageRequest) async throws -> Page<AccountEvent> {
        let condition = StoreSQL.accountEventCondition(PostgresFormStore.dialect, login: login)
        let values: [SQLValue] = login.map { [.text($0)] } ?? []
        return try await read { db in
            let total = try await db.rows(StoreSQL.accountEventCount(condition), values).first?.int(0) ?? 0
            let events = try await db.rows(
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
            let id = try await db.id(StoreSQL.insertForm, values)
            try await PostgresFormStore.storeDerived(db, id: id, write: write)
            try await db.run(StoreSQL.insertVersion, [.integer(id), .int(1), .text(body)])
            try await db.run(
                StoreSQL.insertCreated,
                [.integer(id), .integer(userID), .date(at), .text(kind.rawValue), .text(state?.rawValue)])
            return try await PostgresFormStore.written(db, id: id)
        }
    }

    public func form(id: Int64) async throws -> StoredForm? {
        try await one { db in
            try await db.rows(StoreSQL.recordAndBody, [.integer(id)]).first.flatMap(StoredRows.storedForm)
        }
    }

    public func record(id: Int64) async throws -> FormRecord? {
        try await one { db in try await PostgresFormStore.record(db, id: id) }
    }

    public func form(id: Int64, version: Int) async throws -> Form? {
        let body = try await one { db in
            try await db.rows(StoreSQL.versionBody, [.integer(id), .int(version)]).first?.text(0)
        }
        return try body.map { body in try StoredRows.form(body: body, id: id) }
    }

    public func records(_ query: FormQuery) async throws -> [FormRecord] {
        guard let filter = StoreSQL.filter(query, PostgresFormStore.dialect) else { return [] }
        let sql = StoreSQL.records(filter.sql, FormSort(), PostgresFormStore.dialect, paged: false)
        return try await one { db in try await db.rows(sql, filter.values).map(StoredRows.record) }
    }

    public func records(
        _ query: FormQuery, sort: FormSort, page: PageRequest, total knownTotal: Int?
    ) async throws -> Page<FormRecord> {
        guard let filter = StoreSQL.filter(query, PostgresFormStore.dialect) else {
            return Page(items: [], total: 0, request: page)
        }
        let sql = StoreSQL.records(filter.sql, sort, PostgresFormStore.dialect, paged: true)
        return try await read { db in
            var total = knownTotal
            if total == nil { total = try await db.rows(StoreSQL.count(filter.sql), filter.values).first?.int(0) ?? 0 }
            let items = try await db.rows(sql, filter.values + [.int(page.limit), .int(page.offset)])
                .map(StoredRows.record)
            return Page(items: items, total: total ?? 0, request: page)
        }
    }

    public func aggregates(_ query: FormQuery) async throws -> FormAggregates {
        guard let filter = StoreSQL.filter(query, PostgresFormStore.dialect) else { return FormAggregates() }
        return try await one { db in
            try StoreSQL.aggregates(await db.rows(StoreSQL.summary(filter.sql), filter.values))
        }
    }

    public func years(kind: FormKind, units: UnitScope) async throws -> [Int] {
        guard let filter = StoreSQL.filter(FormQuery(kind: kind, units: units), PostgresFormStore.dialect) else {
            return []
        }
        return try await one { db in
            try await db.rows(StoreSQL.years(filter.sql), filter.values).compactMap { try $0.int(0) }
        }
    }

    public func exists(kind: FormKind, unitID: Int64, year: Int, project: String) async throws -> Bool {
        try await one { db in
            try await db.exists(StoreSQL.exists, [.text(kind.rawValue), .integer(unitID), .int(year), .text(project)])
        }
    }

    public func updateForm(
        id: Int64, expectedVersion: Int, write: FormWrite, changes: [FieldChange], by userID: Int64,
        at: Date
    ) async throws -> FormRecord {
        let body = StoredRows.body(write.form)
        return try await self.write { db in
            let current = try await PostgresFormStore.record(db, id: id, forUpdate: true)
            let version = try StoreChecks.edit(current, id: id, expectedVersion: expectedVersion)
            try await db.run(
                StoreSQL.updateEdited, [.text(write.form.project), .int(version), .date(at), .integer(id)])
            try await PostgresFormStore.storeDerived(db, id: id, write: write)
            try await db.run(StoreSQL.insertVersion, [.integer(id), .int(version), .text(body)])
            for change in changes {
                try await db.run(
                    StoreSQL.insertEdit,
                    StoredRows.editValues(change, formID: id, version: version, userID: userID, at: at))
            }
            return try await PostgresFormStore.written(db, id: id)
        }
    }

    public func transition(
        id: Int64, _ transition: Transition, expectedVersion: Int?, comment: String?, by userID: Int64,
        at: Date
    ) async throws -> FormRecord {
        try await write { db in
            try await PostgresFormStore.move(
                db, id: id, transition, expectedVersion: expectedVersion, comment: comment,
                by: userID, at: at)
        }
    }

    /// One workflow move inside an open transaction, the form locked first.
    private static func move(
        _ db: Connection, id: Int64, _ transition: Transition, expectedVersion: Int?, comment: String?,
        by userID: Int64, at: Date
    ) async throws -> FormRecord {
        let current = try await record(db, id: id, forUpdate: true)
        let (state, version) = try StoreChecks.move(current, id: id, transition, expectedVersion: expectedVersion)
        try await db.run(StoreSQL.updateState, [.text(transition.to.rawValue), .int(version), .date(at), .integer(id)])
        try await db.run(StoreSQL.copyVersion, [.integer(id)])
        try await db.run(
            StoreSQL.insertTransition,
            StoredRows.transitionValues(
                formID: id, version: version, userID: userID, at: at, from: state, to: transition.to, comment: comment))
        return try await written(db, id: id)
    }

    public func history(formID: Int64) async throws -> [HistoryEntry] {
        try await one { db in try await db.rows(StoreSQL.history, [.integer(formID)]).map(StoredRows.historyEntry) }
    }

    public func history(formID: Int64, page: PageRequest) async throws -> Page<HistoryEntry> {
        try await read { db in
            let total = try await db.rows(StoreSQL.historyCount, [.integer(formID)]).first?.int(0) ?? 0
            let entries = try await db.rows(
                StoreSQL.historyPage, [.integer(formID), .int(page.limit), .int(page.offset)]
            ).map(StoredRows.historyEntry)
            return Page(items: entries, total: total, request: page)
        }
    }

    public func findings(formID: Int64) async throws -> [StoredFinding] {
        try await one { db in
            try await db.rows(StoreSQL.findings(PostgresFormStore.dialect), [.integer(formID)]).map(StoredRows.finding)
        }
    }

    public func ruleIDs() async throws -> [String] {
        try await one { db in try await db.rows(StoreSQL.ruleIDs).compactMap { try $0.text(0) } }
    }

    // MARK: Export batches

    public func recordExport(
        directory: String, items: [(formID: Int64, path: String)], by userID: Int64,
        at: Date
    ) async throws -> ExportBatch {
        // Forms are locked in id order, so two overlapping batches never wait on each other crosswise.
        let items = items.map { ExportItemInput(formID: $0.formID, path: $0.path) }.sorted { $0.formID < $1.formID }
        let id: Int64 = try await write { db in
            let batch = try await db.id(StoreSQL.insertBatch, [.integer(userID), .date(at), .text(directory)])
            for item in items {
                _ = try await PostgresFormStore.move(
                    db, id: item.formID, .export, expectedVersion: nil,
                    comment: "导出批次 \(batch)", by: userID, at: at)
                try await db.run(StoreSQL.insertExportItem, [.integer(batch), .integer(item.formID), .text(item.path)])
            }
            return batch
        }
        guard let batch = try await exportBatch(id: id) else { throw StoreError.notFound("导出批次") }
        return batch
    }

    public func exportBatch(id: Int64) async throws -> ExportBatch? {
        try await read { db in
            guard let row = try await db.rows(StoreSQL.batch, [.integer(id)]).first else { return nil }
            let items = try await db.rows(StoreSQL.batchItems, [.integer(id)]).map(StoredRows.exportItem)
            return ExportBatch(
                id: id, createdBy: try row.integer(0) ?? 0,
                createdAt: try row.date(1) ?? Date(timeIntervalSince1970: 0),
                directory: try row.text(2) ?? "", items: items)
        }
    }

    public func exportBatches(units: UnitScope, page: PageRequest) async throws -> Page<ExportBatchSummary> {
        guard let join = StoreSQL.batchesJoin(units) else { return Page(items: [], total: 0, request: page) }
        return try await read { db in
            let total = try await db.rows(StoreSQL.batchCount(join)).first?.int(0) ?? 0
            let items = try await db.rows(StoreSQL.batches(join), [.int(page.limit), .int(page.offset)])
                .map(StoredRows.exportBatchSummary)
            return Page(items: items, total: total, request: page)
        }
    }

    // MARK: Rows

    /// The form's record; `forUpdate` locks its row until the transaction ends.
    private static func record(_ db: Connection, id: Int64, forUpdate: Bool = false) async throws -> FormRecord? {
        try await db.rows(StoreSQL.record + (forUpdate ? " FOR UPDATE" : ""), [.integer(id)]).first.map(
            StoredRows.record)
    }

    /// The record of a form just written in this transaction.
    private static func written(_ db: Connection, id: Int64) async throws -> FormRecord {
        guard let record = try await record(db, id: id) else { throw StoreError.notFound("表单") }
        return record
    }

    /// Figures and findings of a form, replaced on every save.
    private static func storeDerived(_ db: Connection, id: Int64, write: FormWrite) async throws {
        try await db.run(StoreSQL.storeDerived, StoredRows.derivedValues(write, id: id))
        try await db.run(StoreSQL.deleteFindings, [.integer(id)])
        for finding in write.findings {
            try await db.run(StoreSQL.insertFinding, StoredRows.findingValues(finding, formID: id))
        }
    }
}

/// A PostgreSQL row, read by position.
struct PostgresStoredRow: StoredRow {
    let cells: [PostgresCell]

    func text(_ column: Int) throws -> String? { try cells[column].decode(String?.self) }
    func integer(_ column: Int) throws -> Int64? { try cells[column].decode(Int64?.self) }
    func date(_ column: Int) throws -> Date? { try cells[column].decode(Date?.self) }
    func flag(_ column: Int) throws -> Bool { try cells[column].decode(Bool?.self) ?? false }
}
