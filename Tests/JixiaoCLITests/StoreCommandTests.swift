import Foundation
import JixiaoCore
import Testing

@testable import JixiaoServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The commands on a store named by `--db`: SQLite always, PostgreSQL when `JIXIAO_TEST_POSTGRES_URL` names a
/// throw-away database (`scripts/test-postgres.sh`); and two `jixiao serve` processes on one PostgreSQL database.
@Suite struct StoreCommandTests {
    enum Database: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite, postgres

        static let postgresURL = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES_URL"].flatMap {
            $0.isEmpty ? nil : $0
        }
        static var available: [Database] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

        var testDescription: String { rawValue }

        /// A new, empty database: a SQLite file in `directory`, or a new schema of the PostgreSQL test database.
        func fresh(in directory: URL) -> String {
            switch self {
            case .sqlite: return directory.appendingPathComponent("jixiao.sqlite").path
            case .postgres:
                let url = Database.postgresURL ?? ""
                let schema = "c_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
            }
        }
    }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "jixiao-store-cli-\(UUID().uuidString)")

    /// `check --db` and `export --db` read the forms `serve --import` put in the store: the same findings and
    /// the same XML as from the form files.
    @Test(arguments: Database.available)
    func checkAndExportReadTheStore(_ database: Database) throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = database.fresh(in: directory)
        let imported = try CLI.run(["serve", "--db", db, "--import", "Forms", "--export", path("copy")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("导入 20 张，跳过 0 张"))

        let fromFiles = try CLI.run(["check", "Forms/2023", "--format", "json"])
        let fromStore = try CLI.run(["check", "--db", db, "--year", "2023", "--format", "json"])
        #expect(fromStore.status == fromFiles.status, "\(fromStore.stderr)")
        let rules = try ruleIDs(fromFiles.stdout)
        #expect(!rules.isEmpty)
        #expect(try ruleIDs(fromStore.stdout) == rules)
        #expect(fromStore.stdout.contains("表单 ") && fromStore.stdout.contains("209100-山西省社会保险局"))
        let allYears = try CLI.run(["check", "--db", db, "--format", "json"])
        #expect(try ruleIDs(allYears.stdout).count > rules.count)

        let filesExport = try CLI.run(["export", "Forms/2023", "--out", path("xml-files"), "--allow-errors"])
        let storeExport = try CLI.run(
            ["export", "--db", db, "--year", "2023", "--out", path("xml-store"), "--allow-errors"])
        #expect(filesExport.status == 0 && storeExport.status == 0, "\(storeExport.stderr)")
        let written = try files(under: path("xml-files"))
        #expect(written.count == 10)
        #expect(try files(under: path("xml-store")) == written)
        for file in written.keys { #expect(written[file] == (try files(under: path("xml-store")))[file], "\(file)") }
    }

    @Test func batchCommandsTakeEitherPathsOrADatabase() throws {
        let both = try CLI.run(["check", "Forms", "--db", "x.sqlite"])
        #expect(both.status == 64 && both.stderr.contains("--db 与表单路径只能二选一"))
        let yearAlone = try CLI.run(["export", "Forms", "--year", "2023", "--out", path("x")])
        #expect(yearAlone.status == 64 && yearAlone.stderr.contains("--year 只能与 --db 一起使用"))
    }

    /// A URL is never taken for a file name; what is wrong is said in Chinese and the password never printed.
    @Test func aDatabaseURLIsNeverAFileAndItsPasswordIsNeverPrinted() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Port 1 on the loopback address: nothing listens there.
        let unreachable = try CLI.run(
            ["serve", "--db", "postgres://jixiao:s3cret-pw@127.0.0.1:1/jixiao", "--export", "out"], in: directory)
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("无法连接 PostgreSQL 数据库 postgres://jixiao@127.0.0.1:1/jixiao"))
        #expect(unreachable.stderr.contains("修改建议"))
        let malformed = try CLI.run(["check", "--db", "postgres://:s3cret-pw@127.0.0.1/jixiao"], in: directory)
        #expect(malformed.status == 1 && malformed.stderr.contains("缺少用户名"), "\(malformed.stderr)")
        let noDatabase = try CLI.run(
            ["user", "list", "--db", "postgresql://jixiao:s3cret-pw@127.0.0.1:1"], in: directory)
        #expect(noDatabase.status == 1 && noDatabase.stderr.contains("缺少数据库名"))
        let otherScheme = try CLI.run(
            ["user", "list", "--db", "mysql://jixiao:s3cret-pw@127.0.0.1/jixiao"], in: directory)
        #expect(otherScheme.status == 1 && otherScheme.stderr.contains("不支持的数据库地址"))
        let singleSlash = try CLI.run(["user", "list", "--db", "postgres:/jixiao@127.0.0.1/jixiao"], in: directory)
        #expect(singleSlash.status == 1 && singleSlash.stderr.contains("数据库地址"))
        for run in [unreachable, malformed, noDatabase, otherScheme, singleSlash] {
            #expect(!(run.stdout + run.stderr).contains("s3cret"), "\(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no file was created")
    }

    // MARK: Two processes

    /// Two `jixiao serve` processes on one PostgreSQL database: a session made once works on both, a save on
    /// one is seen on the other, one version saved through both at once lets exactly one through (the other
    /// gets 409), and 20 clients over both for 10 s lose no edit.
    @Test(.enabled(if: Database.postgresURL != nil, "需要 JIXIAO_TEST_POSTGRES_URL（scripts/test-postgres.sh 设置）"))
    func twoServerProcessesShareOneDatabase() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = Database.postgres.fresh(in: directory)
        let store = try await PostgresFormStore.open(PostgresLocation(url: url), maximumConnections: 4)
        let unit = try await store.createUnit(code: "209100", name: "示例局")
        let officer = try await store.createUser(
            NewUser(
                login: "officer", displayName: "officer", role: .officer, unitID: unit.id,
                passwordHash: PasswordHasher().hash("correct-horse-9")))
        var forms: [Int64] = []
        for index in 0..<5 {
            let form = ExampleForms.selfEvaluationValue { $0.project = "项目\(index)" }
            forms.append(
                try await store.insertForm(
                    FormAnalysis(form, target: nil, policy: .national).write, unitID: unit.id, state: .draft,
                    targetID: nil, by: nil, kind: .imported, at: Date()
                ).id)
        }
        let token = SecureToken.make()
        let csrf = SecureToken.make()
        try await store.createSession(
            Session(
                tokenDigest: SecureToken.digest(token), userID: officer.id, csrfToken: csrf,
                expiresAt: Date().addingTimeInterval(3600)))

        let servers = try [Server(url: url), Server(url: url)]
        defer { for server in servers { server.stop() } }
        let clients = try await servers.asyncMap {
            try await HTTP(port: $0.waitUntilListening(), token: token, csrf: csrf)
        }

        // A save on one process is seen on the other.
        let first = forms[0]
        let saved = try await clients[0].save(first, version: 1, total: "91")
        #expect(saved.status == 200, "\(String(decoding: saved.body, as: UTF8.self))")
        let seen = try await clients[1].form(first)
        #expect(seen["version"] as? Int == 2)

        // The same version saved through both at once: one success, one 409.
        let statuses = await withTaskGroup(of: Int.self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask { (try? await client.save(first, version: 2, total: "8\(index)").status) ?? 0 }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }.sorted()
        }
        #expect(statuses == [200, 409])

        // 20 clients, 4 to a form, alternating processes, for 10 s: every accepted value is in the history,
        // in order, and the last one is the form's value.
        let deadline = Date().addingTimeInterval(10)
        let soaked = forms
        let accepted = await withTaskGroup(of: [(Int64, Int, String)].self) { group in
            for client in 0..<20 {
                group.addTask {
                    var mine: [(Int64, Int, String)] = []
                    let form = soaked[client % 4 + 1]
                    var attempt = 0
                    while Date() < deadline, attempt < 10_000 {
                        attempt += 1
                        let http = clients[attempt % 2]
                        guard let current = try? await http.form(form), let version = current["version"] as? Int
                        else { continue }
                        let value = "\(client * 10_000 + attempt)"
                        if let saved = try? await http.save(form, version: version, total: value), saved.status == 200 {
                            mine.append((form, version + 1, value))
                        }
                    }
                    return mine
                }
            }
            return await group.reduce(into: [(Int64, Int, String)]()) { $0 += $1 }
        }
        #expect(accepted.count > 20, "the soak saved \(accepted.count) times")
        for form in forms[1...4] {
            let saves = accepted.filter { $0.0 == form }.sorted { $0.1 < $1.1 }
            #expect(saves.map(\.1) == Array(2..<(2 + saves.count)), "one accepted save per version")
            let edits = try await store.history(formID: form).filter { $0.kind == .edited }
            #expect(edits.map(\.version) == saves.map(\.1))
            #expect(edits.map { $0.change?.new } == saves.map(\.2), "every accepted value is in the history")
            let stored = try #require(try await store.form(id: form))
            guard case .selfEvaluation(let body) = stored.form else { throw StoreCommandError.notASelfEvaluation }
            #expect(body.printedTotal.text == saves.last?.2)
        }
    }

    // MARK: Helpers

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The rule ids of every finding of a `check --format json` report, sorted.
    func ruleIDs(_ json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let forms = object?["forms"] as? [[String: Any]] ?? []
        let findings = forms.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        return findings.compactMap { $0["ruleId"] as? String }.sorted()
    }

    /// Relative path → contents of every file under `root`.
    func files(under root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let full = (root as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }
}

enum StoreCommandError: Error {
    case notASelfEvaluation
    case serverDidNotStart(String)
}

/// One `jixiao serve` process on a free port.
final class Server: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL

    init(url: String) throws {
        port = Server.freePort()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--db", url, "--port", "\(port)"]
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    /// The port, once the server answers.
    func waitUntilListening() async throws -> Int {
        for _ in 0..<300 {
            if (try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/login")!)) != nil {
                return port
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw StoreCommandError.serverDidNotStart(text)
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: log)
    }

    static func freePort() -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The JSON interface of one server process, as one signed-in browser.
struct HTTP: Sendable {
    let port: Int
    let token: String
    let csrf: String

    func form(_ id: Int64) async throws -> [String: Any] {
        let (data, _) = try await send("GET", "/api/forms/\(id)", body: nil)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    func save(_ id: Int64, version: Int, total: String) async throws -> (status: Int, body: Data) {
        let body = #"{"version": \#(version), "fields": {"total": "\#(total)"}}"#
        let (data, status) = try await send("PUT", "/api/forms/\(id)", body: Data(body.utf8))
        return (status, data)
    }

    private func send(_ method: String, _ path: String, body: Data?) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        // The session cookie goes through the cookie store (FoundationNetworking replaces a `Cookie` header).
        let cookie = HTTPCookie(properties: [
            .name: SessionMiddleware.cookieName, .value: token, .domain: "127.0.0.1", .path: "/",
        ])
        if let cookie { HTTPCookieStorage.shared.setCookie(cookie) }
        request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }
}

extension Array where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
