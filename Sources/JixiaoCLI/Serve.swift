import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoServer

/// `jixiao serve`: the web application for project officers and finance reviewers.
public struct Serve: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "启动网页版：经办人在线填写自评表（实时评分与检查），审核人总览、退回、审核和导出。",
        discussion: """
            数据保存在 SQLite 数据库（--db，默认 jixiao.sqlite），或 PostgreSQL（--db postgres://用户名@主机:端口/数据库名，
            多个 jixiao serve 进程可共用一个数据库）。首次使用：
              jixiao serve --import Forms --demo     导入表单文件并创建演示用户（随机密码打印在终端）
              jixiao user add 登录名 --role admin     创建管理员（密码从标准输入读取）
            --import 导入文件夹中的表单文件后继续启动服务；--export DIR 把库中全部表单写回表单文件后退出。
            只在本机监听（--host 127.0.0.1）；对外提供服务请放在 HTTPS 反向代理之后并加 --secure-cookies。
            """)

    @OptionGroup public var database: DatabaseOptions
    @OptionGroup public var policyOptions: PolicyOptions

    @Option(help: "监听地址。") public var host = "127.0.0.1"
    @Option(help: "监听端口。") public var port = 8080

    @Option(name: .customLong("import"), help: ArgumentHelp("启动前导入这些表单文件或文件夹（已存在的表单跳过）。", valueName: "PATH"))
    public var imports: [String] = []

    @Option(help: ArgumentHelp("把库中全部表单写成表单文件到该文件夹，然后退出（不启动服务）。", valueName: "DIR"))
    public var export: String?

    @Flag(help: "与 --export 一起：允许覆盖已存在且内容不同的文件。") public var overwrite = false

    @Option(help: ArgumentHelp("审核人批量导出的保存位置（默认：数据库旁的 exports 文件夹）。", valueName: "DIR"))
    public var exportsDirectory: String?

    @Flag(help: "通过 HTTPS 提供服务（直接或在反向代理之后）：Cookie 加 Secure 标记，响应带 HSTS。") public var secureCookies = false

    @Option(
        help: ArgumentHelp("可信的反向代理地址（可重复）：只相信这些地址发来的 X-Forwarded-For / X-Forwarded-Proto。", valueName: "IP"))
    public var trustedProxy: [String] = []

    @Option(help: ArgumentHelp("无操作多少分钟后自动退出登录。", valueName: "MINUTES")) public var idleMinutes = 30

    @Flag(help: "没有任何用户时，创建演示用户 admin、reviewer（审核全部单位）和 officer（第一个有目标表的单位），随机密码打印在终端。")
    public var demo = false

    public init() {}

    public func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("端口应在 1 到 65535 之间") }
        guard (1...1440).contains(idleMinutes) else { throw ValidationError("--idle-minutes 应在 1 到 1440 之间") }
    }

    public func run() async throws {
        let policy = try policyOptions.resolve().policy
        let store = try await database.open()
        if !imports.isEmpty {
            let report = try await StoreTransfer(store: store, policy: policy).importForms(imports)
            report.lines.forEach(say)
            say("导入 \(report.imported) 张，跳过 \(report.skipped) 张（已存在）。")
            Diagnostics.report(report.errors)
        }
        if let export {
            let paths = try await StoreTransfer(store: store, policy: policy).exportAll(
                to: export, overwrite: overwrite)
            say("已写出 \(paths.count) 个表单文件到 \(export)")
            return
        }
        if demo { try await DemoUsers.create(in: store) }
        if try await store.users().isEmpty {
            say("提示：还没有任何用户。用 jixiao user add 登录名 --role admin --db \(try database.location().label) 创建管理员，或加 --demo。")
        }
        let exports = try exportsDirectory ?? database.defaultExportsDirectory()
        let configuration = ServerConfiguration(
            policy: policy, exportDirectory: exports, secureCookies: secureCookies, trustedProxies: Set(trustedProxy),
            sessions: SessionPolicy(idleLimit: TimeInterval(idleMinutes) * 60))
        let (host, port) = (self.host, self.port)
        let application = ServerApplication.application(
            store: store, configuration: configuration, host: host, port: port
        ) {
            say("绩效自评网页版：http://\(host):\(port)/ （评分政策：\(policy.name)；按 Ctrl+C 停止）")
        }
        do {
            try await application.runService()
        } catch {
            throw Diagnostics.fail("无法在 \(host):\(port) 上提供服务（\(error)）。修改建议：端口可能已被占用或无权使用，换一个 --port 或 --host")
        }
    }
}

/// Writes a line to standard output at once (not through `print`'s buffer): the server runs until stopped,
/// so what it says before must reach a log file without waiting.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// `--db PATH|URL`, shared by `serve`, `user`, `check` and `export`: a SQLite file, or a PostgreSQL database
/// named by its `postgres://` URL (`StoreLocation`).
public struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "数据库：SQLite 数据库文件（不存在时创建），或 PostgreSQL 地址 postgres://用户名[:密码]@主机[:端口]/数据库名。",
            valueName: "PATH|URL"))
    public var db = "jixiao.sqlite"

    public init() {}

    /// Where `--db` points; a malformed URL is a Chinese error (without the password).
    func location() throws -> StoreLocation {
        do { return try StoreLocation(db) } catch { throw Diagnostics.fail(error.description) }
    }

    func open() async throws -> any FormStore { try await DatabaseOptions.open(db) }

    static func open(_ db: String) async throws -> any FormStore {
        let location: StoreLocation
        do { location = try StoreLocation(db) } catch { throw Diagnostics.fail(error.description) }
        do { return try await location.open() } catch { throw Diagnostics.fail(error.description) }
    }

    /// The default folder of the reviewers' batch exports: beside a SQLite file, in the current folder for
    /// PostgreSQL.
    func defaultExportsDirectory() throws -> String {
        switch try location() {
        case .sqlite(let path):
            ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("exports")
        case .postgres: "exports"
        }
    }
}

/// `--db` and `--year` of the batch commands (`check`, `export`): the forms of a store instead of form files.
public struct StoreSourceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("读取网页版数据库中的表单（SQLite 文件或 postgres:// 地址），代替表单路径。", valueName: "PATH|URL"))
    public var db: String?

    @Option(help: ArgumentHelp("与 --db 一起：只读取该年度的表单。", valueName: "YEAR"))
    public var year: Int?

    public init() {}

    func validate(paths: [String], example: String) throws {
        if db != nil, !paths.isEmpty { throw ValidationError("--db 与表单路径只能二选一") }
        if db == nil, paths.isEmpty { throw ValidationError("请至少给出一个表单文件或文件夹，例如：\(example)") }
        if db == nil, year != nil { throw ValidationError("--year 只能与 --db 一起使用（表单文件按路径选择）") }
    }

    /// The forms to read and the paths that do not exist.
    func source(paths: [String]) async throws -> (any FormSource, [FormFileError]) {
        guard let db else {
            let files = FormFiles(paths)
            return (files, files.errors)
        }
        let store = try await DatabaseOptions.open(db)
        do { return (try await StoreFormSource.load(store, year: year), []) } catch {
            throw Diagnostics.fail("\(db): 无法读取数据库中的表单（\(error)）")
        }
    }
}

/// Demo accounts for a first look: random passwords, printed once.
enum DemoUsers {
    static func create(in store: any FormStore) async throws {
        guard try await store.users().isEmpty else {
            say("已有用户，未创建演示用户。")
            return
        }
        let units = try await store.units()
        guard !units.isEmpty else { throw Diagnostics.fail("还没有单位：请先用 --import 导入表单文件，再加 --demo") }
        let targets = try await store.records(FormQuery(kind: .targetTable, units: .all))
        let officerUnit = targets.first?.unitID ?? units[0].id
        let admin = AdminService(store: store)
        let accounts: [(String, String, Role)] = [
            ("admin", "管理员", .admin), ("reviewer", "财务审核人", .reviewer),
            ("officer", "项目经办人", .officer),
        ]
        for (login, name, role) in accounts {
            let password = String(SecureToken.make().prefix(12))
            _ = try await admin.createUser(
                login: login, displayName: name, role: role, password: password,
                unitID: officerUnit, reviewedUnits: Set(units.map(\.id)), temporary: false)
            say("演示用户 \(login)（\(role.label)）密码：\(password)")
        }
    }
}
