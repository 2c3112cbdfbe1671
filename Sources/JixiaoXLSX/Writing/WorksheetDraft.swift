import Foundation

/// A worksheet to be written: cells by row and column (1-based), merged areas, column widths and row heights.
/// Numbers given as text are written as numeric cells whose format shows exactly that text (`100.00` stays
/// `100.00`), so the workbook sums in Excel and reads back unchanged.
public struct WorksheetDraft: Sendable {
    /// The few looks a form needs; each is one `cellXfs` entry of `XLSXWriter`'s styles.
    public enum Style: Int, Sendable {
        /// No border (titles' surroundings, notes).
        case plain = 0
        /// A bordered, wrapping value cell.
        case cell = 1
        /// A bordered caption (bold, shaded).
        case label = 2
        /// The form's title (large, bold, centred).
        case title = 3
    }

    enum Value: Sendable {
        case text(String)
        /// A number's canonical text and how many decimals to show.
        case number(String, decimals: Int)
    }

    struct Cell: Sendable {
        let value: Value
        let style: Style
    }

    public let name: String
    private(set) var cells: [Int: [Int: Cell]] = [:]
    private(set) var merges: [(Int, Int, Int, Int)] = []
    public var columnWidths: [Double] = []
    private(set) var rowHeights: [Int: Double] = [:]

    /// `name` is cut to Excel's 31 characters with its forbidden characters replaced.
    public init(name: String) {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        self.name = cleaned.isEmpty ? "Sheet1" : cleaned
    }

    public var lastRow: Int { cells.keys.max() ?? 0 }

    public mutating func text(_ row: Int, _ column: Int, _ text: String, style: Style = .cell) {
        cells[row, default: [:]][column] = Cell(value: .text(text), style: style)
    }

    /// A number when `text` is a plain decimal (`-12.50`, `598500`), otherwise the text itself.
    public mutating func number(_ row: Int, _ column: Int, _ text: String, style: Style = .cell) {
        guard let decimals = WorksheetDraft.plainDecimals(text) else {
            return self.text(row, column, text, style: style)
        }
        cells[row, default: [:]][column] = Cell(value: .number(text, decimals: decimals), style: style)
    }

    /// Writes `text` in the top-left cell of the area and merges it; the other cells get the same border.
    public mutating func span(
        _ row: Int, _ column: Int, to lastRow: Int, _ lastColumn: Int, _ text: String, style: Style = .cell,
        numeric: Bool = false
    ) {
        for r in row...lastRow {
            for c in column...lastColumn { cells[r, default: [:]][c] = Cell(value: .text(""), style: style) }
        }
        if numeric { number(row, column, text, style: style) } else { self.text(row, column, text, style: style) }
        if lastRow > row || lastColumn > column { merges.append((row, column, lastRow, lastColumn)) }
    }

    public mutating func height(_ row: Int, _ points: Double) { rowHeights[row] = points }

    /// Decimals of a plain number written without grouping or exponent (at most 6, 15 digits in all, so the
    /// stored double shows the same text); nil for anything else.
    static func plainDecimals(_ text: String) -> Int? {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole == "0" || whole.first != "0"
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            fraction.count <= 6, whole.count + fraction.count <= 15
        else { return nil }
        return fraction.count
    }
}
