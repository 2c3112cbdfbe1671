import ArgumentParser
import Foundation
import JixiaoXML

/// `jixiao validate FILE.xml…`: checks documents against the export schemas.
public struct Validate: ParsableCommand {
    public static let configuration = CommandConfiguration(
        abstract: "按导出模式（Exports/schema/）校验 XML 文件：自评表、目标表或批次，按根元素的命名空间选择。",
        discussion: """
            每个问题给出文件、行号和中文说明，括号中保留 libxml2 的英文原文。
            含文档类型声明（<!DOCTYPE>）或实体的文件一律拒绝（防实体炸弹与外部实体），从不联网或读取其他文件。
            退出码：0 全部有效；1 有文件无效或无法读取。
            """)

    @Argument(help: ArgumentHelp("要校验的 XML 文件。", valueName: "FILE"))
    public var files: [String] = []

    public init() {}

    public func validate() throws {
        if files.isEmpty { throw ValidationError("请至少给出一个 XML 文件，例如：jixiao validate Exports/out/2023.batch.xml") }
    }

    public func run() throws {
        var failed = false
        var stderr = StandardError()
        for file in files {
            let validation: XMLFormFile.Validation
            do {
                validation = try XMLFormFile.validate(path: file)
            } catch {
                print("\(file): \(error)", to: &stderr)
                failed = true
                continue
            }
            if validation.isValid, let kind = validation.kind {
                print("\(file): 有效（\(kind.label)）")
            } else {
                failed = true
                print("\(file): 无效，\(validation.problems.count) 个问题：", to: &stderr)
                for problem in validation.problems { print("  \(problem)", to: &stderr) }
            }
        }
        if failed { throw ExitCode.failure }
    }
}
