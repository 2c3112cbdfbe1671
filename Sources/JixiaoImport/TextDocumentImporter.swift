import Foundation
import JixiaoCore
import JixiaoFormats

/// Imports the 项目支出绩效自评表 and 项目支出绩效目标表 printed in a published 决算/预算公开 document, from
/// its text export (`pdftotext` and the like: one table row per line, cells separated by tabs).
public struct TextDocumentImporter: FormImporter {
    public static let extensions: Set<String> = ["txt"]

    public init() {}

    public func importForms(from url: URL) throws(ImportError) -> ImportResult {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileReadProblem.describe(url.path)
            throw ImportError(file: url.path, problem: reason.problem, fix: reason.fix)
        }
        return try importForms(from: data, name: url.lastPathComponent)
    }

    /// Imports a document held in memory; `name` is recorded as each form's source document.
    public func importForms(from data: Data, name: String) throws(ImportError) -> ImportResult {
        let grid = try TabSeparatedText.grid(data: data, name: name)
        return try GridImporter.importForms(
            from: grid,
            noCells: (
                "找到了表题，但文件中没有用制表符分隔的表格单元格（可能是按空格排版导出的文本），无法可靠读出表格",
                "导出文本时保留表格单元格（单元格之间用制表符分隔），再导入；或直接导入 PDF 原文件"
            ))
    }
}

/// The form mapper over a document's grid, whatever the document was printed in.
///
/// Every form is found by its title and read by its printed labels, not by positions, so other units,
/// years and layouts read the same. Each value keeps its source row (`form.lines`: the grid's row numbers,
/// the file's lines for text); what cannot be read is reported with its row and the reason, and a form that
/// cannot be read completely is not imported.
public enum GridImporter {
    /// The forms in `grid`. `noCells` is the problem and fix to report when the document has titles but no
    /// row of more than one cell (no table could be recovered).
    public static func importForms(
        from grid: DocumentGrid, noCells: (problem: String, fix: String)
    ) throws(ImportError) -> ImportResult {
        let document = TextDocument(grid: grid)
        let name = grid.file
        let segments = FormSegmenter.segments(of: document)
        guard !segments.isEmpty else {
            throw ImportError(
                file: name, problem: "文件中没有找到项目支出绩效自评表或项目支出绩效目标表（按表题“…项目支出绩效自评表”“…项目支出绩效目标表”查找）",
                fix: "确认这是含绩效自评表或绩效目标表的决算/预算公开文档")
        }
        guard document.lines.contains(where: { $0.cells.count > 1 }) else {
            throw ImportError(file: name, problem: noCells.problem, fix: noCells.fix)
        }
        let sentences = DisclosureSentences.find(
            in: document.lines.map { DocumentLine(number: $0.number, text: $0.text) })
        var result = ImportResult(
            summarySentences: sentences.summary, budgetSentences: sentences.budget,
            scoreNarrations: sentences.narrations)
        for segment in segments {
            let (form, unreadable) =
                switch segment.kind {
                case .selfEvaluation: SelfEvaluationMapper(segment: segment, document: name).map()
                case .targetTable: TargetTableMapper(segment: segment, document: name).map()
                }
            if let form { result.forms.append(form) }
            result.unreadable += unreadable
            let rows = segment.titleLine...(segment.lines.last?.number ?? segment.titleLine)
            let project = form?.form.project ?? segment.projectFromTitle
            let named = project.isEmpty ? segment.label : "项目“\(project)”"
            result.unreadable += unreadableCells(in: rows, of: named, grid: grid)
        }
        if grid.rows.contains(where: { $0.origin.place != nil }) {
            for row in grid.rows { result.rowPlaces[row.number] = row.origin.place }
            let formCount = result.forms.count
            for index in result.forms.indices {
                if let origin = sheetOrigin(of: result.forms[index], in: grid, formsOnSheet: formCount) {
                    result.forms[index].origin = origin
                } else if let lines = result.forms[index].lines {
                    result.forms[index].origin = result.place(ofLines: lines)
                }
            }
        }
        return result
    }

    /// The reader's unreadable cells in a form's rows, a part per reason (`项目“会议培训费”：单元格
    /// I19（=SUM(I12:I18)）是公式，但…`): the form is then not complete (`ImportResult.isComplete`), never read
    /// as if the cells were blank.
    static func unreadableCells(in rows: ClosedRange<Int>, of named: String, grid: DocumentGrid) -> [UnreadablePart] {
        let inside = grid.unreadableCells.filter { $0.line.map(rows.contains) ?? false }
        return Set(inside.map(\.reason)).sorted().map { reason in
            let cells = inside.filter { $0.reason == reason }
            let row = cells[0].line ?? rows.lowerBound
            let names = cells.prefix(5).map(\.location).joined(separator: "、")
            return UnreadablePart(
                line: row, location: grid.place(ofRow: row) ?? "第 \(row) 行", reason: "\(named)：单元格 \(names) \(reason)")
        }
    }

    /// Where a form on a worksheet is: its sheet (`工作表“自评表”`), and where the sheet holds several forms
    /// the cell of its 项目名称 caption (`工作表“自评表” B39 起`); a sheet's rows are not lines a reader counts.
    /// Nil for a grid that is not a worksheet.
    static func sheetOrigin(of imported: ImportedForm, in grid: DocumentGrid, formsOnSheet: Int) -> String? {
        guard let first = imported.lines?.lowerBound, first >= 1, first <= grid.rows.count,
            let sheet = grid.rows[first - 1].origin.sheet
        else { return nil }
        let name = "工作表“\(sheet)”"
        guard formsOnSheet > 1 else { return name }
        let projectRow = imported.form.lines[FieldVocabulary.project.path] ?? first
        guard projectRow >= 1, projectRow <= grid.rows.count,
            let caption = grid.rows[projectRow - 1].cells.first(where: { FieldVocabulary.project.names($0.text) }),
            let cell = caption.origin.cell
        else { return name }
        return "\(name) \(cell) 起"
    }
}
