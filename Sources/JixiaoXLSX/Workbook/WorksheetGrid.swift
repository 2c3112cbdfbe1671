import Foundation
import JixiaoCore
import JixiaoFormats

/// A worksheet as the document grid the form mapper reads (`DocumentGrid`): a row for every sheet row that
/// holds something, numbered in order; each cell at its 0-based column with its merged range's spans, and its
/// cell reference (`C7`) as origin. A cell covered by a merged range has no cell of its own, as in a Word or
/// HTML table.
public enum WorksheetGrid {
    /// Every sheet of the workbook at `url`, a grid each, named `file`.
    public static func grids(_ url: URL) throws(ImportError) -> [DocumentGrid] {
        let workbook: Workbook
        do {
            workbook = try WorkbookReader.read(url)
        } catch {
            throw ImportError(file: url.path, problem: error.problem, fix: error.fix)
        }
        return workbook.sheets.map { grid($0, file: url.lastPathComponent) }
    }

    /// Forms printed side by side are read one after the other: the sheet's column bands (`bands`) laid out
    /// in turn, each band's rows top to bottom, so every form is a run of rows under its own title.
    static func grid(_ sheet: Worksheet, file: String) -> DocumentGrid {
        let cells = SheetGrid(sheet)
        var rows: [GridRow] = []
        var uncomputed: [UnreadablePart] = []
        for band in bands(cells) {
            for sheetRow in cells.rows {
                for (column, cell) in cells.cells(inRow: sheetRow) where band.contains(column) {
                    guard case .uncomputedFormula(let formula) = cell.kind else { continue }
                    uncomputed.append(
                        UnreadablePart(
                            line: rows.count + 1,
                            location: "\(CellAddress(row: sheetRow, column: column))（=\(formula)）",
                            reason: uncomputedReason))
                }
                let row = gridCells(cells, row: sheetRow, band: band, sheet: sheet.name)
                guard !row.isEmpty else {
                    // A row of formulas only, none with its result: the row still counts for the cells' place.
                    if uncomputed.last?.line == rows.count + 1 {
                        rows.append(
                            GridRow(
                                number: rows.count + 1, cells: [], origin: GridOrigin(line: sheetRow, sheet: sheet.name)
                            ))
                    }
                    continue
                }
                rows.append(
                    GridRow(number: rows.count + 1, cells: row, origin: GridOrigin(line: sheetRow, sheet: sheet.name)))
            }
        }
        return DocumentGrid(file: file, format: "Excel 工作表", rows: rows, unreadableCells: uncomputed)
    }

    static let uncomputedReason = "是公式，但文件中没有保存计算结果；请在 Excel 或 WPS 中打开、重新计算并保存后再导入"

    /// The column bands of a sheet (1-based columns): one for the whole sheet, or where a 项目名称 caption sits
    /// right of another within a form's title rows (`FormRegion.titleRowLimit`), a band starting at each such
    /// caption's column: the form beside ends the one before it.
    static func bands(_ cells: SheetGrid) -> [ClosedRange<Int>] {
        var anchors: [CellAddress] = []
        for row in cells.rows {
            for (column, cell) in cells.cells(inRow: row) where FieldVocabulary.project.names(cell.text) {
                anchors.append(CellAddress(row: row, column: column))
            }
        }
        let starts = Set(
            anchors.filter { anchor in
                anchors.contains {
                    $0.column < anchor.column && abs($0.row - anchor.row) <= FormRegion.titleRowLimit
                }
            }.map(\.column)
        ).sorted()
        var bands: [ClosedRange<Int>] = []
        var start = 1
        for next in starts {
            bands.append(start...(next - 1))
            start = next
        }
        bands.append(start...Int.max)
        return bands
    }

    static func gridCells(_ cells: SheetGrid, row sheetRow: Int, band: ClosedRange<Int>, sheet: String) -> [GridCell] {
        var row: [GridCell] = []
        for (column, cell) in cells.cells(inRow: sheetRow) where band.contains(column) {
            let address = CellAddress(row: sheetRow, column: column)
            let range = cells.merge(containing: address)
            if let range, range.start != address { continue }
            let text = shown(cell)
            guard !text.isEmpty else { continue }
            row.append(
                GridCell(
                    text: text, column: column - band.lowerBound,
                    columnSpan: range.map { $0.end.column - $0.start.column + 1 } ?? 1,
                    rowSpan: range.map { $0.end.row - $0.start.row + 1 } ?? 1,
                    origin: GridOrigin(line: sheetRow, sheet: sheet, cell: address.description)))
        }
        return row
    }

    /// The text a cell shows, trimmed; a date as the platform prints it (`20240713150557`), a number shown in a
    /// percent format as its percentage without the sign (0.5392 shown `53.92%` → `53.92`, as a rate is
    /// entered); a percent typed as text is kept as typed.
    static func shown(_ cell: Cell) -> String {
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch cell.kind {
        case .date(let date): return date.compactText
        case .number where text.hasSuffix("%"):
            return String(text.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines)
        default: return text
        }
    }
}
