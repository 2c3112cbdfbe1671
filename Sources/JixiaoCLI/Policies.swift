import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao policies [show ID]`: the scoring policies this run knows, and one of them as a policy file.
public struct Policies: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "列出评分政策（内置的与 .jixiao.yml、--policy 加载的），或把一个政策写成评分政策文件。",
        discussion: """
            jixiao policies                    列出编号、名称、依据和来源
            jixiao policies show shanxi        按评分政策文件的格式打印该政策（可另存后修改，再用 --policy 文件路径）
            评分政策文件的字段见 README 的“评分政策文件”一节；示例在 docs/policies/。
            """,
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    public init() {}

    public struct List: ParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "list", abstract: "列出评分政策。")

        @OptionGroup public var policyOptions: PolicyOptions

        public init() {}

        public func run() throws {
            let (settings, chosen) = try policyOptions.resolve()
            for entry in settings.library.entries {
                let policy = entry.policy
                let mark = policy.id == chosen.id ? "＊" : "  "
                let origin = entry.file.map { "文件 \($0)，继承 \(entry.extends ?? "")" } ?? "内置"
                print("\(mark)\(policy.id)\t\(policy.name)（\(origin)）")
                print("    依据：\(policy.basis.isEmpty ? "（未注明）" : policy.basis)")
            }
            print("＊ 当前使用的评分政策（--policy > .jixiao.yml 的 policy > national）")
        }
    }

    public struct Show: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "show", abstract: "按评分政策文件的格式打印一个政策；读回得到同一政策。")

        @Argument(help: ArgumentHelp("政策编号或评分政策文件的路径。", valueName: "ID|FILE"))
        public var id: String

        @OptionGroup public var policyOptions: PolicyOptions

        public init() {}

        public func run() throws {
            var settings = try policyOptions.resolve().configuration
            let policy: ScoringPolicy
            do {
                policy = try settings.selectPolicy(id)
            } catch .unknownID(let message) {
                throw ValidationError(message)
            } catch {
                throw Diagnostics.fail("\(error)")
            }
            print(PolicyFile.write(policy), terminator: "")
        }
    }
}
