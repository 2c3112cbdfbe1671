import ArgumentParser
import Foundation
import JixiaoServer

/// `jixiao user`: users and units of the web application, from the command line.
public struct User: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "管理网页版的用户和单位。",
        subcommands: [Add.self, AddUnit.self, List.self])

    public init() {}

    /// `jixiao user add LOGIN --role officer --unit 209100 …`; the password is read from standard input.
    public struct Add: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "创建用户。密码从标准输入读取一行（例如 echo 密码 | jixiao user add …），至少 8 位。",
            discussion: """
                --role officer 需要 --unit（本单位）；--role reviewer 可用多个 --unit 指定审核单位；--role admin 不需要单位。
                --unit 写单位代码、名称或“代码-名称”，单位须已存在（jixiao user add-unit 或 jixiao serve --import 创建）。
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "登录名（字母、数字和 . _ -）。") var login: String
        @Option(help: "姓名（默认同登录名）。") var name: String?
        @Option(help: "角色：officer（经办人）、reviewer（审核人）或 admin（管理员）。") var role: String
        @Option(help: ArgumentHelp("单位（可重复）。", valueName: "UNIT")) var unit: [String] = []

        public init() {}

        public func validate() throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("未知的角色“\(role)”；可用：officer、reviewer、admin")
            }
            if role == .officer, unit.count != 1 { throw ValidationError("经办人须且只能属于一个单位：请给出一个 --unit") }
        }

        public func run() async throws {
            let store = try database.open()
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
                    password: password, unitID: units.first, reviewedUnits: Set(units))
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
                let created = try await AdminService(store: try database.open()).createUnit(label: unit)
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
            let store = try database.open()
            let units = try await store.units()
            let label = { (id: Int64) in units.first { $0.id == id }?.label ?? "\(id)" }
            for user in try await store.users() {
                let scope =
                    user.role == .officer
                    ? user.unitID.map(label) ?? ""
                    : user.role == .reviewer ? user.reviewedUnits.sorted().map(label).joined(separator: "、") : "全部单位"
                print("\(user.login)\t\(user.displayName)\t\(user.role.label)\t\(scope)")
            }
            print("单位：\(units.map(\.label).joined(separator: "、"))")
        }
    }
}
