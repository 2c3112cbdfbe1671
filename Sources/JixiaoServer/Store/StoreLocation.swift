import Foundation

/// Where a store lives, as `--db` names it: a `postgres://` (or `postgresql://`) URL is a PostgreSQL database,
/// anything else is the path of a SQLite file. Any other `scheme://` is refused, so a URL is never taken for a
/// file name.
public enum StoreLocation: Sendable, Hashable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public init(_ text: String) throws(StoreOpenError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres:") || lowered.hasPrefix("postgresql:") {
            self = .postgres(try PostgresLocation(url: text))
        } else if let scheme = text.range(of: "^[A-Za-z][A-Za-z0-9+.-]*://", options: .regularExpression) {
            throw StoreOpenError(
                "不支持的数据库地址“\(text[scheme])…”。修改建议：PostgreSQL 写作 postgres://用户名@主机:端口/数据库名，SQLite 写数据库文件的路径")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location as it may be printed (a PostgreSQL URL without its password).
    public var label: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }

    /// Opens the store (creating the SQLite file, or the PostgreSQL tables, when missing).
    public func open() async throws(StoreOpenError) -> any FormStore {
        switch self {
        case .sqlite(let path):
            do { return try SQLiteFormStore(path: path) } catch {
                throw StoreOpenError("\(path): 无法打开数据库（\(error)）。修改建议：检查路径和写入权限")
            }
        case .postgres(let location): return try await PostgresFormStore.open(location)
        }
    }
}

/// Why a store could not be opened, in Chinese, with what to do; never carries a password.
public struct StoreOpenError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A PostgreSQL database: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`
/// (`schema=NAME` keeps the tables in that schema, created when missing). User and password may be
/// percent-encoded.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable, CaseIterable { case disable, prefer, require }

    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String
    public let schema: String?
    public let tls: TLSMode

    static let form = "postgres://用户名[:密码]@主机[:端口]/数据库名"

    public init(url: String) throws(StoreOpenError) {
        let shown = PostgresLocation.redacted(url)
        func refuse(_ problem: String) -> StoreOpenError {
            StoreOpenError(
                "数据库地址“\(shown)”无效：\(problem)。格式：\(PostgresLocation.form)，例如 postgres://jixiao@127.0.0.1:5432/jixiao")
        }
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme)
        else { throw refuse("不是 URL") }
        guard let host = components.host, !host.isEmpty else { throw refuse("缺少主机") }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw refuse("缺少用户名")
        }
        let encodedDatabase = String(components.percentEncodedPath.drop { $0 == "/" })
        guard let database = encodedDatabase.removingPercentEncoding else { throw refuse("数据库名的百分号编码有误") }
        guard !database.isEmpty, !database.contains("/") else { throw refuse("缺少数据库名（地址末尾的 /数据库名）") }
        var tls = TLSMode.prefer
        var schema: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw refuse("sslmode 只能是 disable、prefer 或 require")
                }
                tls = mode
            case "schema":
                guard let name = item.value, !name.isEmpty, name.count <= 63 else {
                    throw refuse("schema 不能为空，最多 63 个字符")
                }
                schema = name
            default: throw refuse("不认识的参数“\(item.name)”（只支持 sslmode 和 schema）")
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = user
        self.password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        self.schema = schema
        self.tls = tls
    }

    /// `postgres://USER@HOST:PORT/DATABASE` — never the password.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "")
    }

    /// The text with anything between `://user:` and `@` replaced, for messages about a URL that did not parse.
    static func redacted(_ url: String) -> String {
        url.replacingOccurrences(of: "(://[^:/@]*):[^@]*@", with: "$1:***@", options: .regularExpression)
    }
}
