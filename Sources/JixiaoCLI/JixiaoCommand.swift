import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao`: the root command. Each subcommand is one small type in its own file.
public struct JixiaoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "绩效：项目支出绩效目标表与自评表的评分、检查与导出工具。",
        discussion: """
            表单文件格式见 Forms/README.md。常用：
              jixiao score Forms/2023                 按评分规则重算每张自评表
              jixiao score Forms/2023 --format json   输出 JSON，供其他系统使用
              jixiao check Forms                      按规则目录检查全部表单（含跨表的重复、目标表对照）
              jixiao summary Forms/2023               生成决算公开的部门绩效自评汇总句
            退出码：0 全部成功；1 有文件无法读取或发现错误；64 用法错误。
            """,
        version: JixiaoInfo.version,
        subcommands: [
            Score.self, CheckCommand.self, Summary.self, Audit.self, Rules.self, Import.self, Export.self,
            Validate.self,
            Serve.self, User.self,
        ])

    public init() {}

    /// Runs the command line as ArgumentParser's own entry does, but every message it prints about the command
    /// line is Chinese (`ArgumentMessages`); help goes to standard output, errors to standard error.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = ArgumentMessages.chinese(fullMessage(for: error))
            if !text.isEmpty {
                if code == .success {
                    print(text)
                } else {
                    var stderr = StandardError()
                    print(text, to: &stderr)
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// `--policy`: which scoring policy to apply.
public struct PolicyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "评分政策：national（全国通用，默认）或 shanxi（山西：未填报成本指标封顶 5 分，调整后指标值为空的指标不计分）。",
            valueName: "national|shanxi"))
    public var policy: String?

    public init() {}

    /// Whether `--policy` was given (otherwise a project's .jixiao.yml may choose).
    public var policyWasGiven: Bool { policy != nil }

    public func validate() throws {
        guard let policy else { return }
        guard ScoringPolicy.named(policy) != nil else {
            let known = ScoringPolicy.builtIn.map(\.id).joined(separator: "、")
            throw ValidationError("未知的评分政策“\(policy)”；可用：\(known)")
        }
    }

    public var scoringPolicy: ScoringPolicy { policy.flatMap(ScoringPolicy.named) ?? .national }
}

/// `--format` for reports.
public enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
