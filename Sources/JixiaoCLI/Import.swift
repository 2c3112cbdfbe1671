import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoDocuments
import JixiaoFormats
import JixiaoImport
import JixiaoXLSX
import JixiaoXML

/// `jixiao import FILE… --out DIR`: turns the files people have into form files.
public struct Import: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "把已有文件中的表单导入为表单文件（YAML）。",
        discussion: """
            按扩展名选择读取方式：\(Import.importers.flatMap { $0.extensions.sorted() }.map { "." + $0 }.joined(separator: "、"))。
            每张读出的表单写成 DIR/<年度>/<单位>/<项目名称>.yaml；已存在且内容不同的文件不会被覆盖（除非加 --overwrite）。
            无法读取的部分逐条列出（行号与原因），不会被猜测或丢弃。
            """)

    /// Every importer the command knows, chosen by file extension.
    static let importers: [any FormImporter.Type] = [
        TextDocumentImporter.self, PDFImporter.self, WordDocumentImporter.self, HTMLPageImporter.self,
        XLSXImporter.self, XMLFormImporter.self, LegacyOfficeImporter.self,
    ]

    @Argument(help: ArgumentHelp("要导入的文件。", valueName: "FILE"))
    public var files: [String] = []

    @Option(name: .long, help: ArgumentHelp("输出文件夹。", valueName: "DIR"))
    public var out: String

    @Flag(help: "允许覆盖已存在且内容不同的表单文件。")
    public var overwrite = false

    /// A batch exported under a policy file is verified with that file (`--policy`, or `.jixiao.yml`'s).
    @OptionGroup public var policyOptions: PolicyOptions

    public init() {}

    public func validate() throws {
        if files.isEmpty { throw ValidationError("请至少给出一个要导入的文件，例如：jixiao import 决算公开.txt --out Forms/导入") }
        try Import.validateImportable(files)
    }

    /// Refuses a file no importer reads, naming the extensions that can be read.
    static func validateImportable(_ files: [String]) throws {
        for file in files where FormImporters.importer(for: file, among: Import.importers) == nil {
            let known = Import.importers.flatMap { $0.extensions.sorted() }.map { "." + $0 }.joined(separator: "、")
            throw ValidationError("不支持的文件类型：\(file)（可导入：\(known.isEmpty ? "无" : known)）")
        }
    }

    public func run() throws {
        let policies = try policyOptions.resolve().configuration.library
        var failed = false
        var stderr = StandardError()
        for file in files {
            guard let importer = FormImporters.importer(for: file, among: Import.importers) else { continue }
            let result: ImportResult
            do {
                let reader: any FormImporter =
                    ObjectIdentifier(importer) == ObjectIdentifier(XMLFormImporter.self)
                    ? XMLFormImporter(policies: policies) : importer.init()
                result = try reader.importForms(from: URL(fileURLWithPath: file))
            } catch {
                print("\(error)", to: &stderr)
                failed = true
                continue
            }
            print("\(file)：读出 \(result.forms.count) 张表单")
            for imported in result.forms {
                guard result.isComplete(imported) else {
                    print("  未写入 \(imported.form.project)（\(imported.origin)）：该表有无法读取的部分，见下", to: &stderr)
                    failed = true
                    continue
                }
                let path = (out as NSString).appendingPathComponent(FormImporters.relativePath(for: imported.form))
                do {
                    let outcome = try AtomicFile.write(
                        Data(FormFileWriter.yaml(imported.form).utf8), to: path,
                        overwrite: overwrite)
                    print("  \(outcome == .written ? "写入" : "未变") \(path)（\(imported.origin)）")
                } catch {
                    print("  \(error)", to: &stderr)
                    failed = true
                }
            }
            for part in result.unreadable {
                print("  无法读取：\(part.location)\(part.line.map { "（第 \($0) 行）" } ?? "")：\(part.reason)", to: &stderr)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
