import Foundation
import JixiaoFormats

/// Collects a document's rows into a `DocumentGrid`, refusing what no real disclosure document has: more
/// rows, more cells in a row, or a longer cell than the limits (a hostile file must not exhaust memory).
struct GridBuilder {
    struct Limits: Sendable {
        var rows = 200_000
        var cellsPerRow = 1_000
        /// Grid columns a row may reach, cells and their spans counted (an Excel sheet's 16 384).
        var columns = 16_384
        /// A cell of a printed form holds at most a few thousand characters.
        var cellCharacters = 100_000
        var characters = 32 * 1024 * 1024
    }

    let file: String
    let format: String
    let limits: Limits
    private(set) var rows: [GridRow] = []
    private var characters = 0

    init(file: String, format: String, limits: Limits = Limits()) {
        self.file = file
        self.format = format
        self.limits = limits
    }

    var grid: DocumentGrid { DocumentGrid(file: file, format: format, rows: rows) }

    /// Adds a row; returns its index in `rows`.
    @discardableResult
    mutating func append(_ cells: [GridCell], origin: GridOrigin) throws(ImportError) -> Int {
        guard rows.count < limits.rows else {
            throw refusal("\(format)中的行数超过 \(limits.rows) 行，不像是决算/预算公开文档", at: origin)
        }
        guard cells.count <= limits.cellsPerRow else {
            throw refusal("\(format)中有一行有 \(cells.count) 个单元格，超过上限 \(limits.cellsPerRow) 个", at: origin)
        }
        for cell in cells {
            try checkColumns(cell.column, span: cell.columnSpan, at: cell.origin)
            try check(cell.text, at: cell.origin)
            try checkCharacters(cell.text, at: cell.origin)
            characters += cell.text.utf8.count
        }
        guard characters <= limits.characters else {
            throw refusal("\(format)的文字超过 \(limits.characters / 1024 / 1024) MB，不像是决算/预算公开文档", at: origin)
        }
        rows.append(GridRow(number: rows.count + 1, cells: cells, origin: origin))
        return rows.count - 1
    }

    /// Adds `cells` to the row at `index` (the rest of a row a page break cut): a cell in a column the row
    /// already has a cell in continues that cell's text on a new line; the others join the row.
    mutating func merge(_ cells: [GridCell], into index: Int) throws(ImportError) {
        for cell in cells {
            characters += cell.text.utf8.count
            if let existing = rows[index].cells.firstIndex(where: { $0.column == cell.column }) {
                let text = rows[index].cells[existing].text + "\n" + cell.text
                try check(text, at: cell.origin)
                rows[index].cells[existing].text = text
            } else {
                try check(cell.text, at: cell.origin)
                rows[index].cells.append(cell)
            }
        }
        guard characters <= limits.characters, rows[index].cells.count <= limits.cellsPerRow else {
            throw refusal("\(format)的文字超过 \(limits.characters / 1024 / 1024) MB，不像是决算/预算公开文档", at: rows[index].origin)
        }
        rows[index].cells.sort { $0.column < $1.column }
    }

    /// A line of text outside tables: a row of one cell (nothing for a blank line).
    mutating func paragraph(_ text: String, origin: GridOrigin) throws(ImportError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        try append([GridCell(text: trimmed, column: 0, origin: origin)], origin: origin)
    }

    /// Lets the cell at `cell` of row `row` span one more row (a vertical merge continued below it).
    mutating func extendRowSpan(row: Int, cell: Int) {
        rows[row].cells[cell].rowSpan += 1
    }

    /// Refuses a cell placed beyond the last grid column (by `colspan`, `gridSpan`, `gridBefore`…) while its
    /// row is still being read, before a reader keeps anything per column it covers.
    func checkColumns(_ column: Int, span: Int, at origin: GridOrigin) throws(ImportError) {
        guard column >= 0, span >= 1, column <= limits.columns - span else {
            let reach = column.addingReportingOverflow(span).partialValue
            throw refusal(
                "\(format)中有一个单元格跨到第 \(reach) 列，超过上限 \(limits.columns) 列（合并或跳过的列过多）", at: origin)
        }
    }

    /// Refuses a cell's text while it is still being collected, before it grows further: by its bytes (at most
    /// 4 a character), which cost nothing to count; counting characters on every chunk made a cell of many
    /// small runs quadratic (60 000 `<b>字</b>` in one cell: 15 s). `append` counts the characters once.
    func check(_ text: String, at origin: GridOrigin) throws(ImportError) {
        guard text.utf8.count <= limits.cellCharacters * 4 else { throw tooLong(at: origin) }
    }

    private func checkCharacters(_ text: String, at origin: GridOrigin) throws(ImportError) {
        guard text.utf8.count <= limits.cellCharacters || text.count <= limits.cellCharacters else {
            throw tooLong(at: origin)
        }
    }

    private func tooLong(at origin: GridOrigin) -> ImportError {
        refusal("\(format)中有一个单元格的文字超过 \(limits.cellCharacters) 字，不像是绩效表的内容", at: origin)
    }

    func refusal(_ problem: String, at origin: GridOrigin) -> ImportError {
        ImportError(
            file: file, problem: problem + (origin.place.map { "（\($0)）" } ?? ""),
            fix: "确认文件来源；只保留含绩效自评表或目标表的部分后再导入")
    }
}
