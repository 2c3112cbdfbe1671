import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JixiaoCore
import JixiaoFormats
import NIOCore
import Testing

@testable import JixiaoServer

/// Which store the server tests run against: SQLite in a temporary folder, or — when
/// `JIXIAO_TEST_POSTGRES_URL` names a throw-away PostgreSQL database (`scripts/test-postgres.sh`) — a new
/// schema of that database for every store, so tests running in parallel never see each other's rows.
enum TestStores {
    static let postgresURL = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static var isPostgres: Bool { postgresURL != nil }

    /// A fresh, empty store; `directory` holds the SQLite file.
    static func make(in directory: URL) async throws -> any FormStore {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard let url = postgresURL else {
            return try SQLiteFormStore(path: directory.appendingPathComponent("test.sqlite").path)
        }
        return try await PostgresFormStore.open(try freshLocation(url), maximumConnections: 4)
    }

    /// The test database's URL with a new schema.
    static func freshLocation(_ url: String) throws -> PostgresLocation {
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try PostgresLocation(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema)
    }
}

/// A fresh store in a temporary folder with two units, one user of each kind per unit, a target table and
/// self-evaluations, and the application over it.
struct Fixture {
    static let password = "correct-horse-9"
    /// One real hash (production iteration count), computed once per test run and shared by the fixture
    /// users, so each test does not spend a second per user on PBKDF2.
    static let passwordHash = PasswordHasher().hash(password)

    let directory: URL
    let store: any FormStore
    let configuration: ServerConfiguration
    let unitA: BudgetUnit
    let unitB: BudgetUnit
    let officerA: User
    let officerB: User
    let reviewerA: User
    let reviewerB: User
    let admin: User
    /// Unit A's target table (the example's), and an example self-evaluation in each unit (drafts).
    let targetA: FormRecord
    let formA: FormRecord
    let formB: FormRecord

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try await TestStores.make(in: directory)
        configuration = ServerConfiguration(
            exportDirectory: directory.appendingPathComponent("exports").path,
            maximumBodyBytes: 64 * 1024)
        unitA = try await store.createUnit(code: "209100", name: "示例局")
        unitB = try await store.createUnit(code: "209105", name: "另一中心")
        officerA = try await Fixture.user("officer-a", .officer, unit: unitA, in: store)
        officerB = try await Fixture.user("officer-b", .officer, unit: unitB, in: store)
        reviewerA = try await Fixture.user("reviewer-a", .reviewer, reviews: [unitA.id], in: store)
        reviewerB = try await Fixture.user("reviewer-b", .reviewer, reviews: [unitB.id], in: store)
        admin = try await Fixture.user("admin", .admin, in: store)
        targetA = try await store.insertForm(
            FormWrite(form: ExampleForms.targetTable(), figures: nil, findings: []),
            unitID: unitA.id, state: nil, targetID: nil, by: nil, kind: .imported, at: Date())
        formA = try await Fixture.insert(ExampleForms.selfEvaluationValue(), unit: unitA.id, state: .draft, into: store)
        formB = try await Fixture.insert(
            ExampleForms.selfEvaluationValue { $0.agency = CodedName("209105-另一中心") },
            unit: unitB.id, state: .draft, into: store)
    }

    static func user(
        _ login: String, _ role: Role, unit: BudgetUnit? = nil, reviews: Set<Int64> = [],
        in store: some FormStore
    ) async throws -> User {
        try await store.createUser(
            NewUser(
                login: login, displayName: login, role: role, unitID: unit?.id,
                reviewedUnits: reviews, passwordHash: Fixture.passwordHash))
    }

    static func insert(
        _ form: SelfEvaluation, unit: Int64, state: WorkflowState, into store: some FormStore
    ) async throws -> FormRecord {
        try await store.insertForm(
            FormAnalysis(form, target: nil, policy: .national).write, unitID: unit, state: state,
            targetID: nil, by: nil, kind: .imported, at: Date())
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs one statement on the database itself, past the store (to show what the database refuses).
    func execute(_ sql: String) async throws {
        if let postgres = store as? PostgresFormStore {
            try await postgres.execute(sql)
        } else {
            let database = try DatabaseQueue(path: directory.appendingPathComponent("test.sqlite").path)
            defer { try? database.close() }
            try await database.write { db in try db.execute(sql: sql) }
        }
    }

    /// The same database opened again (its migrations run again).
    func reopened() async throws -> any FormStore {
        if let postgres = store as? PostgresFormStore { return try await PostgresFormStore.open(postgres.location) }
        return try SQLiteFormStore(path: directory.appendingPathComponent("test.sqlite").path)
    }

    var router: Router<AppRequestContext> { ServerApplication.router(store: store, configuration: configuration) }

    /// Runs `body` against the application (requests go straight to the router), then removes the folder.
    func test(_ body: @Sendable (Client) async throws -> Void) async throws {
        defer { remove() }
        let store = self.store
        try await Application(router: router).test(.router) { client in
            try await body(Client(client: client, store: store))
        }
    }

    /// A signed-in session of `user`, made the way login makes one.
    static func session(_ user: User, in store: some FormStore) async throws -> Browser {
        let token = SecureToken.make()
        let csrf = SecureToken.make()
        try await store.createSession(
            Session(
                tokenDigest: SecureToken.digest(token), userID: user.id, csrfToken: csrf,
                expiresAt: Date().addingTimeInterval(3600)))
        return Browser(cookie: "\(SessionMiddleware.cookieName)=\(token)", csrf: csrf)
    }
}

/// What a browser holds after signing in.
struct Browser: Sendable {
    var cookie: String?
    var csrf: String
    static let anonymous = Browser(cookie: nil, csrf: "")
}

/// The test client with helpers for pages, form posts and JSON.
struct Client: Sendable {
    let client: any TestClientProtocol
    let store: any FormStore

    func signedIn(_ user: User) async throws -> Browser { try await Fixture.session(user, in: store) }

    @discardableResult
    func get(_ uri: String, _ browser: Browser = .anonymous, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        if let cookie = browser.cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// A form post; the session's CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(
        _ uri: String, _ browser: Browser, _ fields: [(String, String)] = [], csrf: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if let cookie = browser.cookie { headers[.cookie] = cookie }
        headers[.contentType] = "application/x-www-form-urlencoded"
        let token = csrf ?? browser.csrf
        let all = (token.isEmpty ? [] : [("_csrf", token)]) + fields
        let body = all.map { "\(Client.encode($0.0))=\(Client.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// A JSON request with the session's CSRF header (unless `csrf` is false).
    @discardableResult
    func json(
        _ method: HTTPRequest.Method, _ uri: String, _ browser: Browser, _ body: String, csrf: Bool = true,
        contentType: String = "application/json"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let cookie = browser.cookie { headers[.cookie] = cookie }
        if csrf { headers[RequestGuardMiddleware.csrfHeader] = browser.csrf }
        return try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// The stored form.
    func form(_ id: Int64) async throws -> (record: FormRecord, form: SelfEvaluation) {
        let stored = try #require(try await store.form(id: id))
        guard case .selfEvaluation(let form) = stored.form else { throw FixtureError.notASelfEvaluation }
        return (stored.record, form)
    }
}

enum FixtureError: Error { case notASelfEvaluation }

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The JSON body as a dictionary.
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }

    /// `error.message` of a JSON error.
    var errorMessage: String { ((object["error"] as? [String: Any])?["message"] as? String) ?? "" }

    var location: String? { headers[.location] }

    /// A refusal answered as it should be: the expected status, Chinese text, no stack trace or Swift error.
    func expectClearRefusal(
        _ status: HTTPResponse.Status, containing fragment: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(self.status == status, "\(text.prefix(300))", sourceLocation: sourceLocation)
        #expect(
            text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF },
            "not Chinese: \(text.prefix(200))",
            sourceLocation: sourceLocation)
        for leak in ["Fatal error", "Stack", "Error(", "DecodingError", "StoreError", "ServiceError", ".swift:"] {
            #expect(!text.contains(leak), "leaks \(leak): \(text.prefix(300))", sourceLocation: sourceLocation)
        }
        if let fragment { #expect(text.contains(fragment), "\(text.prefix(400))", sourceLocation: sourceLocation) }
    }
}
