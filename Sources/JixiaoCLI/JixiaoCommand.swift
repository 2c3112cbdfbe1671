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
            Score.self, CheckCommand.self, Summary.self, Audit.self, Rules.self, Policies.self, Import.self,
            Export.self,
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

/// `--policy` and `--config`: the scoring policy and project configuration (`.jixiao.yml`) every
/// command honours, resolved in one place: `--policy` > the configuration's `policy:` > national.
public struct PolicyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "评分政策：内置的 national（全国通用，默认）、shanxi（山西），已加载政策的编号，或评分政策文件（.yml）的路径；不给时用 .jixiao.yml 的 policy。列表：jixiao policies。",
            valueName: "ID|FILE"))
    public var policy: String?

    @Option(help: ArgumentHelp("项目配置文件；默认读取当前目录下的 .jixiao.yml（如存在）。", valueName: "FILE"))
    public var config: String?

    public init() {}

    /// The configuration (empty when none is given and the current directory has none) and the policy.
    func resolve() throws -> (configuration: ProjectConfiguration, policy: ScoringPolicy) {
        var configuration = try loadConfiguration()
        do {
            let chosen = try configuration.selectPolicy(policy)
            return (configuration, chosen)
        } catch .unknownID(let message) {
            throw ValidationError(message)
        } catch {
            throw Diagnostics.fail("\(error)")
        }
    }

    func loadConfiguration() throws -> ProjectConfiguration {
        let path = config ?? ProjectConfiguration.fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            if config != nil { throw Diagnostics.fail("\(path): 配置文件不存在。修改建议：检查 --config 的路径") }
            return ProjectConfiguration()
        }
        do { return try ProjectConfiguration.read(data, file: path) } catch { throw Diagnostics.fail("\(error)") }
    }
}

/// `--format` for reports.
public enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
