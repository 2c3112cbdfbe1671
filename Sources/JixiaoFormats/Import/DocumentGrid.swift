/// A document as the form mapper reads it, whatever it was printed in: rows of cells in reading order, each
/// cell with its merged spans and where it came from. Readers fill it from tab-separated text, Word (.docx),
/// HTML pages and PDF; the mapper sees only the grid. Pure data: no reader's types in it.
public struct DocumentGrid: Sendable, Hashable {
    /// The source file's name, as recorded in each form's source.
    public var file: String
    /// What the rows were read from, for messages (`文本`, `Word 文档`, `HTML 页面`, `PDF`).
    public var format: String
    /// Every row, in reading order; a paragraph outside a table is a row of one cell.
    public var rows: [GridRow]
    /// Cells whose value the reader could not give (a formula saved without its result), each as an
    /// unreadable part whose `line` is its grid row and `location` the cell as the reader names it
    /// (`I19（=SUM(I12:I18)）`): a form holding one is reported, never read as if the cell were blank.
    public var unreadableCells: [UnreadablePart]

    public init(file: String, format: String, rows: [GridRow] = [], unreadableCells: [UnreadablePart] = []) {
        self.file = file
        self.format = format
        self.rows = rows
        self.unreadableCells = unreadableCells
    }

    /// Where the row numbered `number` is, for a reader of the source (`第 3 页`, `第 2 个表格第 5 行`); nil
    /// when the row number is the source's own line number (plain text).
    public func place(ofRow number: Int) -> String? {
        guard number >= 1, number <= rows.count else { return nil }
        return rows[number - 1].origin.place
    }
}

/// One row: a table row or a line of text.
public struct GridRow: Sendable, Hashable {
    /// 1-based position of the row in the grid: the line number every field read from it carries. For plain
    /// text it is the file's line number.
    public var number: Int
    /// The cells that start in this row, in column order. A position covered by a cell merged from the left
    /// or from a row above holds no cell of its own.
    public var cells: [GridCell]
    public var origin: GridOrigin

    public init(number: Int, cells: [GridCell], origin: GridOrigin) {
        self.number = number
        self.cells = cells
        self.origin = origin
    }
}

/// One cell: its text, the first grid column it occupies, and how many columns and rows it spans.
public struct GridCell: Sendable, Hashable {
    public var text: String
    /// 0-based column of the cell's left edge in its table's grid (0 for a line of text).
    public var column: Int
    public var columnSpan: Int
    public var rowSpan: Int
    public var origin: GridOrigin

    public init(text: String, column: Int, columnSpan: Int = 1, rowSpan: Int = 1, origin: GridOrigin) {
        self.text = text
        self.column = column
        self.columnSpan = max(1, columnSpan)
        self.rowSpan = max(1, rowSpan)
        self.origin = origin
    }
}

/// Where a row or a cell was read: page, line, table position or cell reference, and on a PDF page its box.
public struct GridOrigin: Sendable, Hashable {
    /// 1-based page (PDF).
    public var page: Int?
    /// 1-based line of the source file (text), or of the page (PDF).
    public var line: Int?
    /// 1-based table in the document and row in that table (Word, HTML).
    public var table: Int?
    public var tableRow: Int?
    /// 1-based paragraph outside tables (Word, HTML).
    public var paragraph: Int?
    /// The box on the page, in points from the top-left corner (PDF).
    public var box: PageBox?
    /// The worksheet (Excel), and the cell's reference on it (`C7`); a row of a sheet has its `line`.
    public var sheet: String?
    public var cell: String?

    public init(
        page: Int? = nil, line: Int? = nil, table: Int? = nil, tableRow: Int? = nil, paragraph: Int? = nil,
        box: PageBox? = nil, sheet: String? = nil, cell: String? = nil
    ) {
        self.page = page
        self.line = line
        self.table = table
        self.tableRow = tableRow
        self.paragraph = paragraph
        self.box = box
        self.sheet = sheet
        self.cell = cell
    }

    /// `第 3 页第 12 行`, `第 2 个表格第 5 行`, `第 7 段`, `工作表“Sheet1” C7`, `工作表“Sheet1”第 7 行`; nil when
    /// only a file line is known.
    public var place: String? {
        if let sheet {
            return "工作表“\(sheet)”" + (cell.map { " \($0)" } ?? line.map { "第 \($0) 行" } ?? "")
        }
        if let page { return "第 \(page) 页" + (line.map { "第 \($0) 行" } ?? "") }
        if let table { return "第 \(table) 个表格" + (tableRow.map { "第 \($0) 行" } ?? "") }
        if let paragraph { return "第 \(paragraph) 段" }
        return nil
    }
}

/// A rectangle on a PDF page, in points (1/72 inch) from the page's top-left corner. Positions are layout
/// measurements, never money: `Double` is their natural type.
public struct PageBox: Sendable, Hashable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }
}
