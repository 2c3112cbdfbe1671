import Foundation
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

    static func grid(_ sheet: Worksheet, file: String) -> DocumentGrid {
        let cells = SheetGrid(sheet)
        var rows: [GridRow] = []
        for sheetRow in cells.rows {
            var row: [GridCell] = []
            for (column, cell) in cells.cells(inRow: sheetRow) {
                let address = CellAddress(row: sheetRow, column: column)
                let range = cells.merge(containing: address)
                if let range, range.start != address { continue }
                let text = shown(cell)
                guard !text.isEmpty else { continue }
                row.append(
                    GridCell(
                        text: text, column: column - 1,
                        columnSpan: range.map { $0.end.column - $0.start.column + 1 } ?? 1,
                        rowSpan: range.map { $0.end.row - $0.start.row + 1 } ?? 1,
                        origin: GridOrigin(line: sheetRow, sheet: sheet.name, cell: address.description)))
            }
            guard !row.isEmpty else { continue }
            rows.append(
                GridRow(number: rows.count + 1, cells: row, origin: GridOrigin(line: sheetRow, sheet: sheet.name)))
        }
        return DocumentGrid(file: file, format: "Excel 工作表", rows: rows)
    }

    /// The text a cell shows, trimmed; a date as the platform prints it (`20240713150557`).
    static func shown(_ cell: Cell) -> String {
        if case .date(let date) = cell.kind { return date.compactText }
        return cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
