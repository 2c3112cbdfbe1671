import JixiaoCore

/// A worksheet as the layout mapper sees it: rows of cells in column order, each cell's own text and its
/// normalised label, and the merged range a cell belongs to.
///
/// "Own" text is what the cell itself holds; a cell covered by a merged range (other than its top-left cell)
/// holds nothing of its own. `resolved` follows the merge to the top-left value, which is how a row under a
/// merged 一级/二级 cell inherits its label.
struct SheetGrid {
    let name: String
    /// Rows holding at least one non-empty cell, ascending.
    let rows: [Int]
    private let cells: [CellAddress: Cell]
    private let byRow: [Int: [(column: Int, cell: Cell)]]
    /// Covered cell → its merged range, for ranges small enough to index cell by cell.
    private let mergeIndex: [CellAddress: CellRange]
    /// Ranges too large to index (looked up by scanning).
    private let largeMerges: [CellRange]

    /// Ranges above this many cells are scanned instead of indexed; the index holds at most
    /// `maxIndexedCells` cells in all.
    static let maxIndexedRange = 4_096
    static let maxIndexedCells = 1_000_000

    init(_ sheet: Worksheet) {
        name = sheet.name
        var cells: [CellAddress: Cell] = [:]
        var byRow: [Int: [(column: Int, cell: Cell)]] = [:]
        for (address, cell) in sheet.cells {
            let trimmed = Cell(cell.kind, text: cell.text.trimmingCharacters(in: .whitespacesAndNewlines))
            if trimmed.text.isEmpty, case .text = trimmed.kind { continue }
            cells[address] = trimmed
            byRow[address.row, default: []].append((address.column, trimmed))
        }
        self.cells = cells
        self.byRow = byRow.mapValues { $0.sorted { $0.column < $1.column } }
        rows = byRow.keys.sorted()
        var index: [CellAddress: CellRange] = [:]
        var large: [CellRange] = []
        var indexed = 0
        for range in sheet.merges {
            guard range.cellCount <= SheetGrid.maxIndexedRange, indexed + range.cellCount <= SheetGrid.maxIndexedCells
            else {
                large.append(range)
                continue
            }
            indexed += range.cellCount
            for row in range.start.row...range.end.row {
                for column in range.start.column...range.end.column {
                    index[CellAddress(row: row, column: column)] = range
                }
            }
        }
        mergeIndex = index
        largeMerges = large
    }

    func cell(_ address: CellAddress) -> Cell? { cells[address] }

    /// The cell's own text, trimmed ("" for an empty or covered cell).
    func text(_ address: CellAddress) -> String { cells[address]?.text ?? "" }

    /// The cell's own text as a label.
    func label(_ address: CellAddress) -> String { PrintedLabel.normalize(text(address)) }

    /// The non-empty cells of a row, in column order.
    func cells(inRow row: Int) -> [(column: Int, cell: Cell)] { byRow[row] ?? [] }

    func merge(containing address: CellAddress) -> CellRange? {
        mergeIndex[address] ?? largeMerges.first { $0.contains(address) }
    }

    /// The text shown at `address`: its own, or the top-left cell's when it lies in a merged range.
    func resolved(_ address: CellAddress) -> String {
        guard cells[address] == nil, let range = merge(containing: address) else { return text(address) }
        return text(range.start)
    }

    /// A value cell's text: its own, or that of a merged range it belongs to that starts on the same row
    /// (a value spread over several columns). A range that starts on a row above is another row's value.
    func value(_ address: CellAddress) -> String {
        if let own = cells[address] { return own.text }
        guard let range = merge(containing: address), range.start.row == address.row else { return "" }
        return text(range.start)
    }

    /// The last column a cell spans (its merged range's right edge, or its own column).
    func lastColumn(of address: CellAddress) -> Int {
        merge(containing: address)?.end.column ?? address.column
    }

    /// The last row a cell spans.
    func lastRow(of address: CellAddress) -> Int {
        merge(containing: address)?.end.row ?? address.row
    }
}
