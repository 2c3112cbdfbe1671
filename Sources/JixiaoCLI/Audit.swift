import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao audit DOC…`: what a finance department or auditor runs on a unit's published disclosure.
public struct Audit: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "审查已公开的决算/预算公开文档：读出其中全部表单，评分、检查，并核对文档自己的汇总句。",
        discussion: """
            对每份文档：读出全部项目支出绩效自评表和目标表（与 jixiao import 相同的读取方式，不写任何文件），
            按评分规则重算每张自评表，运行整个规则目录（含重复表单），并把文档中的汇总句
              “YYYY年二级项目绩效自评个数X个，涉及资金Y万元：A个项目自评等级为“优”…”
              “纳入绩效目标管理的二级项目N个，共计金额Y万元。其中：…”
            与读出的表单逐项核对（规则 DS.*）：个数、表上与重算的等级个数、涉及资金与哪种口径（年初预算数、全年预算数、
            全年执行数）一致。每条发现都带规则编号和位置（文本为行号，PDF 为页码和页内行，Word/HTML 为表格和行）；
            无法读取的部分逐条列出位置和原因。
            同时给出的几份文档互相参照：例如同一年度的预算公开（目标表）与决算公开（自评表）一起审查时，
            自评表会与对应的目标表核对（XF.TGSE.*），同一张表在两份文档中公开也会被发现（XF.DUP.010）。
            JSON：一份文档输出一个对象（forms、unreadable、summarySentence…，见 docs/audit-report.md），多份文档输出对象数组。
            退出码：0 没有错误级发现且全部读出；1 有错误级发现、有无法读取的部分或文档无法读取；64 用法错误。
            """)

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case text, json, markdown }

    @Argument(help: ArgumentHelp("已公开的文档（.pdf、.docx、.html 或文本导出 .txt），或 .xlsx/.xml 表单文件。", valueName: "DOC"))
    public var documents: [String] = []

    @OptionGroup public var policyOptions: PolicyOptions

    @Option(help: "输出格式：text（默认）、json 或 markdown。")
    public var format: Format = .text

    public init() {}

    public func validate() throws {
        if documents.isEmpty { throw ValidationError("请至少给出一份文档，例如：jixiao audit 2023年度决算公开.txt") }
        try Import.validateImportable(documents)
    }

    public func run() throws {
        let (settings, policy) = try policyOptions.resolve()
        let configuration = CheckConfiguration(overrides: settings.overrides)
        var imports: [(document: String, result: ImportResult)] = []
        var failed = false
        var stderr = StandardError()
        for document in documents {
            guard let importer = FormImporters.importer(for: document, among: Import.importers) else { continue }
            do {
                imports.append((document, try importer.init().importForms(from: URL(fileURLWithPath: document))))
            } catch {
                print("\(error)", to: &stderr)
                failed = true
            }
        }
        // Each document is audited with the others' forms beside it, so cross-form rules see them all.
        let forms = imports.map { AuditReport.loadedForms(document: $0.document, imported: $0.result) }
        let reports = imports.indices.map { index in
            AuditReport(
                document: imports[index].document, imported: imports[index].result, policy: policy,
                configuration: configuration,
                companions: forms.indices.filter { $0 != index }.flatMap { forms[$0] })
        }
        switch format {
        case .text: if !reports.isEmpty { print(reports.map { $0.text() }.joined(separator: "\n\n")) }
        case .markdown: print(reports.map { $0.markdown() }.joined(separator: "\n"), terminator: "")
        case .json:
            if reports.count == 1 {
                print(reports[0].json().rendered())
            } else if !reports.isEmpty {
                print(JSONValue.array(reports.map { $0.json() }).rendered())
            }
        }
        if failed || reports.contains(where: \.fails) { throw ExitCode.failure }
    }
}
