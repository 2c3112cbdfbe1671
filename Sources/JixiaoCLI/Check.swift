import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoServer

/// `jixiao check PATH…` (or `--db` for the forms of a store): every rule of the catalogue over every form found, across files so duplicates
/// are seen.
public struct CheckCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "按规则目录检查表单中的计算错误、等级错误、重复表单和填报缺陷。",
        discussion: """
            每条发现都带规则编号、级别（错误/警告/提示）、中文说明、位置（文件、字段路径、行号）以及应为/实际的数字。
            级别可在 .jixiao.yml 中按规则调整或停用（rules: {SE.VAL.050: off}），报告会列出每项调整。
            退出码：0 没有错误级发现；1 有错误级发现（--strict 时警告也算）或有文件无法读取；64 用法错误。
            规则目录：jixiao rules。
            --db 检查网页版数据库中的表单（SQLite 文件或 postgres:// 地址），可加 --year 只查一个年度。
            """)

    @Argument(help: ArgumentHelp("表单文件或文件夹（递归查找 .yaml/.yml）。", valueName: "PATH"))
    public var paths: [String] = []

    @OptionGroup public var store: StoreSourceOptions

    @OptionGroup public var policyOptions: PolicyOptions

    @Option(help: "输出格式：text（默认）、json 或 sarif。")
    public var format: CheckFormat = .text

    @Flag(help: "警告也视为失败（退出码 1）。")
    public var strict = false

    @Option(name: .customLong("disable"), help: ArgumentHelp("停用某条规则（可重复）。", valueName: "ID"))
    public var disabled: [String] = []

    @Option(name: .customLong("only"), help: ArgumentHelp("只运行这些规则（可重复）。", valueName: "ID"))
    public var only: [String] = []

    @Option(help: ArgumentHelp("基线报告（此前 --format json 的输出）：其中已有的发现不再显示，只显示新增的。", valueName: "FILE"))
    public var baseline: String?

    public enum CheckFormat: String, ExpressibleByArgument, CaseIterable, Sendable { case text, json, sarif }

    public init() {}

    public func validate() throws {
        try store.validate(paths: paths, example: "jixiao check Forms 或 jixiao check --db jixiao.sqlite")
        let known = Set(CheckRegistry.all.map { $0.description.id })
        for id in disabled + only where !known.contains(id) {
            throw ValidationError("未知的规则编号“\(id)”；用 jixiao rules 查看全部规则")
        }
    }

    public func run() async throws {
        let (settings, policy) = try policyOptions.resolve()
        var configuration = CheckConfiguration(
            overrides: settings.overrides,
            only: only.isEmpty ? nil : Set(only), strict: strict)
        for id in disabled { configuration.overrides[id] = .init(severity: nil, origin: "--disable") }
        let baselineValue = try baseline.map { path throws -> Baseline in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Diagnostics.fail("\(path): 无法读取基线文件。修改建议：检查 --baseline 的路径")
            }
            do { return try Baseline(report: data, file: path) } catch { throw Diagnostics.fail("\(error)") }
        }
        let (source, sourceErrors) = try await store.source(paths: paths)
        let streamFormat: CheckStream.Format =
            switch format {
            case .text: .text
            case .json: .json
            case .sarif: .sarif
            }
        let stream = CheckStream(
            policy: policy, configuration: configuration, baseline: baselineValue, format: streamFormat)
        let outcome = try await StoreFormSource.run { () throws -> CheckStream.Outcome in
            var output = StandardOutput()
            defer { output.flush() }
            do { return try stream.write(source, to: &output) } catch { throw Diagnostics.fail("\(error)") }
        }
        let errors = sourceErrors + outcome.unreadable
        Diagnostics.report(errors)
        if outcome.fails(strict: strict) || !errors.isEmpty { throw ExitCode.failure }
    }
}
