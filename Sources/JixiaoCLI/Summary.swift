import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao summary PATH…`: the department summary of a 决算公开, one per unit and year.
public struct Summary: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "生成决算公开的部门绩效自评汇总：自评个数、涉及资金、各等级个数（表上与重算），以及汇总句。",
        discussion: """
            按预算单位和年度分组，每组输出：
              YYYY年二级项目绩效自评个数X个，涉及资金Y万元：A个项目自评等级为“优”，B个…“良”，C个…“中”，D个…“差”。
            X 与 A–D 按重算等级（表内得分重算的总分所对应的等级）计数，内容完全相同的重复表单只计一次；
            表上等级的个数并列给出。涉及资金先求和再四舍五入到 2 位，三种口径都列出，句中口径由 --funds 选择：
              declared 年初预算数（目标申报数）、full-year-budget 全年预算数、executed 全年执行数（默认）。
            目标表不参与汇总，会被跳过。CSV 为 UTF-8（无 BOM），每张表一行。
            """)

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case text, json, csv, markdown }

    @Argument(help: ArgumentHelp("表单文件或文件夹（递归查找 .yaml/.yml）。", valueName: "PATH"))
    public var paths: [String] = []

    @OptionGroup public var policyOptions: PolicyOptions

    @Option(help: "输出格式：text（默认）、json、csv 或 markdown。")
    public var format: Format = .text

    @Option(help: ArgumentHelp("汇总句中“涉及资金”的口径。", valueName: "declared|full-year-budget|executed"))
    public var funds: InvolvedFunds = .executed

    public init() {}

    public func validate() throws {
        if paths.isEmpty { throw ValidationError("请至少给出一个表单文件或文件夹，例如：jixiao summary Forms/2023") }
    }

    public func run() throws {
        let policy = try policyOptions.resolve().policy
        let source = FormFiles(paths)
        let streamFormat: SummaryRendering.Format =
            switch format {
            case .text: .text
            case .json: .json
            case .csv: .csv
            case .markdown: .markdown
            }
        var output = StandardOutput()
        let outcome = SummaryStream(policy: policy, funds: funds, format: streamFormat)
            .write(source, to: &output)
        output.flush()
        let errors = source.errors + outcome.unreadable
        guard outcome.units > 0 else {
            Diagnostics.report(errors)
            throw Diagnostics.fail(
                "\(paths.joined(separator: "、")): 没有找到自评表。修改建议：给出存放自评表（form: self-evaluation）的文件或文件夹")
        }
        Diagnostics.report(errors)
        if !errors.isEmpty { throw ExitCode.failure }
    }
}

extension InvolvedFunds: ExpressibleByArgument {}
