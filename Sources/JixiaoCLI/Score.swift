import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao score PATH…`: what the rules say each self-evaluation is worth.
public struct Score: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "重算自评表的执行率、执行得分、各指标规则得分、总分和等级，并列出与表上数字的差异。",
        discussion: """
            PATH 可以是表单文件或文件夹（递归查找 .yaml/.yml）。目标表不评分，会被跳过。
            total = 重算的执行得分 + 表内填报得分之和（表上本应印出的总分）；
            ruleTotal = 重算的执行得分 + 各指标按规则计算的得分之和。
            JSON 中的金额与分数都是保留两位小数的字符串，例如 "85.39"。
            """)

    @Argument(help: ArgumentHelp("表单文件或文件夹。", valueName: "PATH"))
    public var paths: [String] = []

    @OptionGroup public var policyOptions: PolicyOptions

    @Option(help: "输出格式：text（默认，中文表格）或 json。")
    public var format: ReportFormat = .text

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("请至少给出一个表单文件或文件夹，例如：jixiao score Forms/2023") }
    }

    public func run() throws {
        let policy = try policyOptions.resolve().policy
        // A score report names files, never lines.
        let source = FormFiles(paths, recordsLines: false)
        var output = StandardOutput()
        let format: ScoreStream.Format =
            switch self.format {
            case .json: .json
            case .text: .text
            }
        let outcome = ScoreStream(policy: policy, format: format).write(source, to: &output)
        output.flush()
        let errors = source.errors + outcome.unreadable
        Diagnostics.report(errors)
        if !errors.isEmpty { throw ExitCode.failure }
    }
}

/// Errors go to standard error, one per line, after the report.
enum Diagnostics {
    static func report(_ errors: [FormFileError]) {
        guard !errors.isEmpty else { return }
        var stream = StandardError()
        print("\n\(errors.count) 个文件无法读取：", to: &stream)
        for error in errors { print("  \(error)", to: &stream) }
    }

    /// Prints a message to standard error and returns the failure exit code to throw.
    static func fail(_ message: String) -> ExitCode {
        var stream = StandardError()
        print(message, to: &stream)
        return ExitCode.failure
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
