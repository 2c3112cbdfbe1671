import Foundation
import JixiaoCore
import JixiaoFormats

/// Imports the 项目支出绩效自评表 and 目标表 found on every sheet of an Excel workbook (.xlsx).
///
/// Forms are found by their printed labels, not by cell addresses, so a form shifted on the sheet, with or
/// without merged cells, or with the optional 定性值情况说明 column, imports the same. A sheet part that
/// looks like a form but cannot be mapped is reported with the reason; a file that is not a readable
/// workbook, or holds no form at all, is an `ImportError`.
public struct XLSXImporter: FormImporter {
    public static let extensions: Set<String> = ["xlsx"]

    public init() {}

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        let file = url.lastPathComponent
        let workbook: Workbook
        do {
            workbook = try WorkbookReader.read(url)
        } catch {
            throw ImportError(file: url.path, problem: error.problem, fix: error.fix)
        }
        var result = ImportResult()
        for sheet in workbook.sheets {
            let outcome = SheetMapper.map(sheet)
            let sheetName = "工作表“\(sheet.name)”"
            for (form, anchor) in outcome.forms {
                let origin = outcome.forms.count > 1 ? "\(sheetName) \(anchor) 起" : sheetName
                result.forms.append(ImportedForm(form: XLSXImporter.withSource(form, document: file), origin: origin))
            }
            for failure in outcome.failures {
                let location = failure.anchor.map { "\(sheetName) \($0) 起" } ?? sheetName
                result.unreadable.append(UnreadablePart(location: location, reason: failure.reason))
            }
        }
        if result.forms.isEmpty && result.unreadable.isEmpty {
            let names = workbook.sheets.map { "“\($0.name)”" }.joined(separator: "、")
            throw ImportError(
                file: url.path,
                problem: workbook.sheets.isEmpty
                    ? "工作簿中没有工作表"
                    : "工作簿的工作表（\(names)）中找不到项目支出绩效自评表或目标表（没有“项目名称”等栏目）",
                fix: "确认选对了文件；表单应保留省级平台导出时的栏目名称，如“项目名称”“主管部门及代码”“一级指标”")
        }
        return result
    }

    /// The form with its source set to the workbook it came from (an .xlsx has no line numbers).
    static func withSource(_ form: Form, document: String) -> Form {
        let source = SourceReference(document: document)
        switch form {
        case .selfEvaluation(var f):
            f.source = source
            return .selfEvaluation(f)
        case .targetTable(var t):
            t.source = source
            return .targetTable(t)
        }
    }
}
