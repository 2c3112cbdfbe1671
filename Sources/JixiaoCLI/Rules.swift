import ArgumentParser
import Foundation
import JixiaoCore
import JixiaoFormats

/// `jixiao rules`: the check catalogue.
public struct Rules: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "列出检查规则目录（编号、名称、默认级别、依据）。",
        discussion: "jixiao rules --format markdown --output docs/rules.md 重新生成规则文档。")

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable { case text, markdown }

    @Option(help: "输出格式：text（默认）或 markdown。")
    public var format: Format = .text

    @Option(help: ArgumentHelp("写入文件而不是标准输出（原子写入，覆盖同名文件）。", valueName: "FILE"))
    public var output: String?

    public init() {}

    public func run() throws {
        let text = format == .markdown ? CatalogueDocument.markdown() : CatalogueDocument.text() + "\n"
        guard let output else { return print(text, terminator: "") }
        do {
            try AtomicFile.write(Data(text.utf8), to: output, overwrite: true)
        } catch {
            throw Diagnostics.fail("\(output): 无法写入（\(error.localizedDescription)）")
        }
    }
}
