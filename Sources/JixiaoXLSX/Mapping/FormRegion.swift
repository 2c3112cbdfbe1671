import Foundation
import JixiaoCore

/// Why a part of a sheet that looks like a form could not be mapped (Chinese, with cell references).
struct MappingFailure: Error, Sendable {
    let reason: String
}

/// The part of a sheet one form takes: from its 项目名称 row to the row before the next form below it, from
/// its 项目名称 column to the column before a form beside it, plus the few rows above that carry the title
/// and the year. Every lookup of the layout mappers goes through here, so nothing outside the form is read.
struct FormRegion {
    let grid: SheetGrid
    /// The 项目名称 label cell.
    let anchor: CellAddress
    /// Rows of the form body (the anchor row first).
    let rows: [Int]
    /// Columns of the form.
    let columns: ClosedRange<Int>
    /// Rows above the anchor that may hold the title and `(2023年度)`, nearest first.
    let titleRows: [Int]

    /// How many rows above 项目名称 the title block may take.
    static let titleRowLimit = 4

    /// `项目“会议培训费”` — how messages name this form (its location is given beside them).
    var name: String {
        let project = value(after: anchor)
        return project.isEmpty ? "项目名称为空的表单" : "项目“\(project)”"
    }

    /// The non-empty cells of a row within the form's columns, in column order.
    func cells(inRow row: Int) -> [(column: Int, cell: Cell)] {
        grid.cells(inRow: row).filter { columns.contains($0.column) }
    }

    // MARK: Finding labels

    /// The first cell (row by row, left to right) whose label is one of `labels`, in `rows` (default: all).
    func find(_ labels: Set<String>, in rows: [Int]? = nil) -> CellAddress? {
        find(in: rows) { Label.matches($0, labels) }
    }

    func find(in rows: [Int]? = nil, where matches: (String) -> Bool) -> CellAddress? {
        for row in rows ?? self.rows {
            for (column, cell) in cells(inRow: row) where matches(PrintedLabel.normalize(cell.text)) {
                return CellAddress(row: row, column: column)
            }
        }
        return nil
    }

    /// Every cell in `row` whose label is one of `labels`, left to right.
    func findAll(_ labels: Set<String>, inRow row: Int) -> [CellAddress] {
        cells(inRow: row).filter { Label.matches(PrintedLabel.normalize($0.cell.text), labels) }
            .map { CellAddress(row: row, column: $0.column) }
    }

    func rows(after row: Int, before end: Int? = nil) -> [Int] {
        rows.filter { candidate in candidate > row && end.map { candidate < $0 } ?? true }
    }

    // MARK: Reading values beside and below labels

    /// The first cell right of a label (past its merged range) that holds something, unless that is
    /// another label; stops before column `before`.
    func cell(after label: CellAddress, before: Int? = nil) -> CellAddress? {
        let from = grid.lastColumn(of: label)
        guard let (column, cell) = cells(inRow: label.row).first(where: { $0.column > from }),
            before.map({ column < $0 }) ?? true,
            !Label.isCaption(PrintedLabel.normalize(cell.text))
        else { return nil }
        return CellAddress(row: label.row, column: column)
    }

    /// The text of `cell(after:)`, or "" when the label has no value.
    func value(after label: CellAddress?, before: Int? = nil) -> String {
        guard let label, let cell = cell(after: label, before: before) else { return "" }
        return grid.text(cell)
    }

    /// The text under a caption: the first value in the row below the caption's (merged) cell, within the
    /// caption's columns; when there is none, the value beside the caption.
    func value(below caption: CellAddress?) -> String {
        guard let caption else { return "" }
        let row = grid.lastRow(of: caption) + 1
        for column in caption.column...grid.lastColumn(of: caption) {
            let text = grid.value(CellAddress(row: row, column: column))
            if !text.isEmpty { return Label.isCaption(PrintedLabel.normalize(text)) ? "" : text }
        }
        return value(after: caption)
    }

    // MARK: Year and sanity

    /// The year from `(2023年度)` or a title such as `2023年度…绩效自评表` above the form, else from the
    /// sheet name.
    func year() throws(MappingFailure) -> Int {
        for row in titleRows {
            for (_, cell) in cells(inRow: row) where cell.text.count <= 60 {
                if let year = FormRegion.year(in: cell.text) { return year }
            }
        }
        if let year = FormRegion.year(in: grid.name) { return year }
        throw MappingFailure(reason: "\(name)：表头上方找不到年度（应有“(2023年度)”这样的一行，或标题中写明年度）")
    }

    /// The first `NNNN年` in a text, for years 1990–2099.
    static func year(in text: String) -> Int? {
        let digits = Array(text)
        var index = 0
        while index + 4 < digits.count {
            let candidate = String(digits[index..<(index + 4)])
            if digits[index + 4] == "年", candidate.allSatisfy({ $0.isASCII && $0.isNumber }),
                let year = Int(candidate), (1990...2099).contains(year),
                index == 0 || !(digits[index - 1].isASCII && digits[index - 1].isNumber)
            {
                return year
            }
            index += 1
        }
        return nil
    }

    /// Fails when a cell of the form is a formula whose result the file does not hold: its value would be
    /// read as blank.
    func requireComputedFormulas() throws(MappingFailure) {
        var uncomputed: [String] = []
        for row in rows {
            for (column, cell) in cells(inRow: row) {
                if case .uncomputedFormula(let formula) = cell.kind {
                    uncomputed.append("\(CellAddress(row: row, column: column))（=\(formula)）")
                }
            }
        }
        guard uncomputed.isEmpty else {
            throw MappingFailure(
                reason:
                    "\(name)：单元格 \(uncomputed.prefix(5).joined(separator: "、")) 是公式，但文件中没有保存计算结果；请在 Excel 或 WPS 中打开、重新计算并保存后再导入"
            )
        }
    }
}
