import ArgumentParser
import Foundation
import JixiaoServer

/// `jixiao user`: users and units of the web application, from the command line.
public struct User: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "管理网页版的用户和单位。",
        subcommands: [
            Add.self, AddUnit.self, List.self, ResetPassword.self, Disable.self, Enable.self, Delete.self, Unlock.self,
        ])

    public init() {}

    /// `jixiao user add LOGIN --role officer --unit 209100 …`; the password is read from standard input.
    public struct Add: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "创建用户。密码从标准输入读取一行（例如 echo 密码 | jixiao user add …），至少 8 位，不能含登录名或是常见密码。",
            discussion: """
                --role officer 需要 --unit（本单位）；--role reviewer 可用多个 --unit 指定审核单位；--role admin 不需要单位。
                --unit 写单位代码、名称或“代码-名称”，单位须已存在（jixiao user add-unit 或 jixiao serve --import 创建）。
                密码是初始密码，用户首次登录时须修改；给自己创建账户时加 --permanent。
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名（字母、数字和 . _ -）。") var login: String
        @Option(help: "姓名（默认同登录名）。") var name: String?
        @Option(help: "角色：officer（经办人）、reviewer（审核人）或 admin（管理员）。") var role: String
        @Option(help: ArgumentHelp("单位（可重复）。", valueName: "UNIT")) var unit: [String] = []
        @Flag(help: "密码不是初始密码（首次登录不要求修改）：给自己创建账户时使用。") var permanent = false

        public init() {}

        public func validate() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("未知的角色“\(role)”；可用：officer、reviewer、admin")
            }
            if role == .officer, unit.count != 1 { throw ValidationError("经办人须且只能属于一个单位：请给出一个 --unit") }
        }

        public func run() async throws {
            let store = try await database.open()
            let admin = AdminService(store: store)
            var units: [Int64] = []
            for text in unit {
                guard let found = try await admin.unit(named: text) else {
                    let known = try await store.units().map(\.label).joined(separator: "、")
                    throw Diagnostics.fail("单位“\(text)”不存在。已有单位：\(known.isEmpty ? "无" : known)")
                }
                units.append(found.id)
            }
            guard let password = readLine(strippingNewline: true) else {
                throw Diagnostics.fail("请从标准输入提供密码，例如：echo '密码' | jixiao user add \(login) --role \(role)")
            }
            do {
                let user = try await admin.createUser(
                    login: login, displayName: name ?? login, role: Role(rawValue: role)!,
                    password: password, unitID: units.first, reviewedUnits: Set(units), temporary: !permanent)
                print("已创建用户 \(user.login)（\(user.role.label)）")
            } catch let error as ServiceError {
                if case .invalid(let message) = error { throw Diagnostics.fail(message) }
                throw error
            }
        }
    }

    public struct AddUnit: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "add-unit", abstract: "创建单位（如 209100-山西省社会保险局）。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "单位：代码-名称，或名称。") var unit: String

        public init() {}

        public func run() async throws {
            do {
                let created = try await AdminService(store: try await database.open()).createUnit(label: unit)
                print("已创建单位 \(created.label)")
            } catch let error as ServiceError {
                if case .invalid(let message) = error { throw Diagnostics.fail(message) }
                throw error
            }
        }
    }

    public struct List: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "列出用户和单位。")

        @OptionGroup var database: DatabaseOptions

        public init() {}

        public func run() async throws {
            let store = try await database.open()
            let units = try await store.units()
            let label = { (id: Int64) in units.first { $0.id == id }?.label ?? "\(id)" }
            let failures = Dictionary(
                try await store.loginFailures(atLeast: 1).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for user in try await store.users() {
                let scope =
                    user.role == .officer
                    ? user.unitID.map(label) ?? ""
                    : user.role == .reviewer ? user.reviewedUnits.sorted().map(label).joined(separator: "、") : "全部单位"
                var status = user.isDisabled ? "已停用" : user.mustChangePassword ? "待改初始密码" : "正常"
                if let failed = failures[LoginThrottle.accountKey(user.login)],
                    let refusal = LoginThrottle().refusal(failed, now: Date())
                {
                    status += refusal.locked ? "，已锁定（jixiao user unlock \(user.login) 解除）" : "，登录受限"
                }
                print("\(user.login)\t\(user.displayName)\t\(user.role.label)\t\(scope)\t\(status)")
            }
            print("单位：\(units.map(\.label).joined(separator: "、"))")
        }
    }

    /// `jixiao user reset-password LOGIN`: a new temporary password from standard input.
    public struct ResetPassword: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "重置用户密码（新密码从标准输入读取一行）；用户的现有登录失效，下次登录须修改密码。")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名。") var login: String

        public init() {}

        public func run() async throws {
            guard let password = readLine(strippingNewline: true) else {
                throw Diagnostics.fail("请从标准输入提供新密码，例如：echo '新密码' | jixiao user reset-password \(login)")
            }
            try await AccountCommand.run(database) { try await $0.resetPassword(login, to: password, by: nil) }
            print("已重置 \(login) 的密码；该用户下次登录时须修改密码")
        }
    }

    public struct Disable: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "停用用户：不能再登录，现有登录立即失效；表单和记录保留。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名。") var login: String
        public init() {}
        public func run() async throws {
            try await AccountCommand.run(database) { try await $0.setDisabled(login, true, by: nil) }
            print("已停用 \(login)")
        }
    }

    public struct Enable: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(abstract: "重新启用已停用的用户。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名。") var login: String
        public init() {}
        public func run() async throws {
            try await AccountCommand.run(database) { try await $0.setDisabled(login, false, by: nil) }
            print("已启用 \(login)")
        }
    }

    public struct Delete: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "删除从未修改或审核过表单的用户（例如建错的账户）；有记录的用户请停用。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名。") var login: String
        public init() {}
        public func run() async throws {
            try await AccountCommand.run(database) { try await $0.delete(login, by: nil) }
            print("已删除用户 \(login)")
        }
    }

    public struct Unlock: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "解除登录锁定：登录名，或 address:网络地址（清除该地址的登录失败次数）。")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名或 address:IP。") var target: String
        public init() {}
        public func run() async throws {
            try await AccountCommand.run(database) { try await $0.unlock(target, by: nil) }
            print("已解除 \(target) 的登录锁定")
        }
    }
}

/// Runs one account operation of `jixiao user` through the same service as the administrator's page; a
/// refusal is a Chinese error and a non-zero exit.
enum AccountCommand {
    static func run(_ database: DatabaseOptions, _ body: (AccountService) async throws -> Void) async throws {
        do { try await body(AccountService(store: try await database.open())) } catch let error as ServiceError {
            throw Diagnostics.fail(error.message)
        }
    }
}
