import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoServer
import JixiaoXML

/// `jixiao export PATH… --out DIR [--batch NAME]`: schema-valid, deterministic, checksummed XML.
public struct Export: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "把表单导出为经过模式校验的 XML（每张表单一个文件，可另加一个带清单和校验和的批次文件）。",
        discussion: """
            每张表单先按规则目录检查：有错误级发现的表单不导出（列出规则编号与原因），其余照常导出，退出码为 1；
            加 --allow-errors 则照样导出，并在批次清单中记下这些发现。
            每个文件写出前都按 Exports/schema/ 中的 XSD 校验，先写临时文件再改名，中途失败不会留下半个文件或部分批次。
            同样的输入总是得到逐字节相同的输出（不写时间，除非给出 --created-at）。
            已存在且内容不同的文件不会被覆盖（除非加 --overwrite），此时不写入任何文件。
            文件布局：DIR/<年度>/<单位>/<项目名称>.xml（目标表为 目标表-<项目名称>.xml），批次为 DIR/<NAME>.batch.xml。
            元素说明见 Exports/README.md。
            --db 导出网页版数据库中的表单（SQLite 文件或 postgres:// 地址），可加 --year 只导出一个年度。
            """)

    @Argument(help: ArgumentHelp("表单文件或文件夹（递归查找 .yaml/.yml）。", valueName: "PATH"))
    public var paths: [String] = []

    @OptionGroup public var store: StoreSourceOptions

    @Option(name: .long, help: ArgumentHelp("输出文件夹。", valueName: "DIR"))
    public var out: String

    @Option(help: ArgumentHelp("另写一个批次文件 DIR/NAME.batch.xml。", valueName: "NAME"))
    public var batch: String?

    @OptionGroup public var policyOptions: PolicyOptions

    @Flag(help: "有错误级发现的表单也导出（记入批次清单）。")
    public var allowErrors = false

    @Option(help: ArgumentHelp("写在批次上的创建时间（ISO 8601，例如 2024-07-13T15:05:57+08:00）；不给则不写时间。", valueName: "ISO"))
    public var createdAt: String?

    @Flag(help: "允许覆盖已存在且内容不同的文件。")
    public var overwrite = false

    public init() {}

    public func validate() throws {
        try store.validate(
            paths: paths,
            example: "jixiao export Forms/2023 --out Exports/out 或 jixiao export --db jixiao.sqlite --out Exports/out")
        if let batch {
            let forbidden = CharacterSet(charactersIn: "/\\:*?\"<>|").union(.controlCharacters)
            if batch.isEmpty || batch.count > 100 || batch.hasPrefix(".")
                || batch.rangeOfCharacter(from: forbidden) != nil
            {
                throw ValidationError("批次名称“\(batch)”不能用作文件名：不能为空、不能以“.”开头、不能含 / \\ : * ? \" < > | 或控制字符，最多 100 个字符")
            }
        }
        if let createdAt, ISO8601DateFormatter().date(from: createdAt) == nil {
            throw ValidationError("--created-at“\(createdAt)”不是 ISO 8601 时间，例如 2024-07-13T15:05:57+08:00")
        }
    }

    public func run() async throws {
        let (settings, policy) = try policyOptions.resolve()
        let (source, sourceErrors) = try await store.source(paths: paths)
        let options = ExportOptions(
            outputFolder: out, batchName: batch, policy: policy,
            configuration: CheckConfiguration(overrides: settings.overrides),
            allowErrors: allowErrors, createdAt: createdAt, overwrite: overwrite)
        let report = try await StoreFormSource.run { () throws -> ExportReport in
            do { return try Exporter(options: options).export(source) } catch {
                throw Diagnostics.fail("导出失败，未写入任何文件：\(error)")
            }
        }
        var stderr = StandardError()
        if !report.conflicts.isEmpty {
            print("以下文件已存在且内容不同，未覆盖；本次没有写入任何文件。修改建议：换一个输出文件夹，或确认后加 --overwrite", to: &stderr)
            for path in report.conflicts { print("  \(path)", to: &stderr) }
        } else {
            for item in report.exported {
                let note = item.errorFindings.isEmpty ? "" : "（含 \(item.errorFindings.count) 个错误级发现，--allow-errors）"
                print("\(item.unchanged ? "未变" : "写入") \(item.path)  sha256:\(item.sha256)\(note)")
            }
            if let batch = report.batch {
                print("\(batch.unchanged ? "未变" : "写入") \(batch.path)（批次，\(report.exported.count) 张表单）")
            }
        }
        if !report.refused.isEmpty {
            print("\n\(report.refused.count) 张表单未导出：", to: &stderr)
            for item in report.refused {
                print("  \(item.file)", to: &stderr)
                for reason in item.reasons { print("    - \(reason)", to: &stderr) }
            }
        }
        let errors = sourceErrors + report.unreadable
        Diagnostics.report(errors)
        if report.failed || !errors.isEmpty { throw ExitCode.failure }
    }
}
