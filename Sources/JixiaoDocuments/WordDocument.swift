import Foundation
import JixiaoFormats
import JixiaoXLSX

/// A Word document (.docx) read into the grid: every `w:tbl` of the body a table (`w:tr` rows, `w:tc` cells
/// with `w:gridSpan` and `w:vMerge`, `w:gridBefore` skipped columns), every paragraph outside tables a line.
///
/// The package is opened by the xlsx package reader (sizes, entry counts and compression ratios capped before
/// and while inflating) and its XML streamed by the same libxml2 reader (no network, no entities, a document
/// type declaration refused), so a zip bomb or an entity trick is refused before it costs anything.
enum WordDocument {
    static func grid(_ url: URL) throws(ImportError) -> DocumentGrid {
        let kind = WorkbookArchive.Kind.wordDocument
        var builder = GridBuilder(file: url.lastPathComponent, format: "Word 文档")
        do {
            let archive = try WorkbookArchive(url: url, kind: kind)
            let path = try mainPart(archive)
            guard let data = try archive.part(path) else {
                throw ImportError(
                    file: url.path, problem: "压缩包中没有 Word 正文部件“\(path)”，不是 Word 文档",
                    fix: "在 Word 或 WPS 中打开后另存为 .docx 再导入")
            }
            var reader = BodyReader()
            try XMLPart.parse(data, part: path, kind: kind) { (event) throws(WorkbookError) in
                do throws(ImportError) {
                    try reader.handle(event, into: &builder)
                } catch {
                    throw WorkbookError(problem: error.problem, fix: error.fix)
                }
            }
        } catch let error as WorkbookError {
            throw ImportError(file: url.path, problem: error.problem, fix: error.fix)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(file: url.path, problem: "无法读取 Word 文档", fix: "在 Word 或 WPS 中打开后另存为 .docx 再导入")
        }
        return builder.grid
    }

    /// The main document part named by the package relationships (`word/document.xml` by default).
    static func mainPart(_ archive: WorkbookArchive) throws(WorkbookError) -> String {
        guard let rels = try archive.part("_rels/.rels") else { return "word/document.xml" }
        var target: String?
        try XMLPart.parse(rels, part: "_rels/.rels", kind: .wordDocument) { event in
            if case .start("Relationship", let attributes) = event, target == nil,
                attributes["Type"]?.hasSuffix("/officeDocument") == true
            {
                target = attributes["Target"]
            }
        }
        guard var path = target, !path.isEmpty else { return "word/document.xml" }
        while path.hasPrefix("/") { path.removeFirst() }
        return path
    }

    /// Follows the body's elements and fills the grid.
    struct BodyReader {
        private var tableDepth = 0
        private var paragraphDepth = 0
        private var inText = false
        /// Text of the paragraph outside tables, or of the current table cell.
        private var text = ""
        private var tables = 0
        private var paragraphs = 0
        private var tableRow = 0
        private var row: [GridCell] = []
        private var column = 0
        private var span = 1
        private var verticalMerge: String?
        private var cellOpen = false
        /// The grid row and cell index of each column's open vertical merge.
        private var openMerges: [Int: (row: Int, cell: Int)] = [:]
        private var pendingMerges: [(column: Int, cell: Int)] = []
        private var continued: [Int] = []

        mutating func handle(_ event: XMLPart.Event, into builder: inout GridBuilder) throws(ImportError) {
            switch event {
            case .start(let name, let attributes): try start(name, attributes, &builder)
            case .end(let name): try end(name, &builder)
            case .text(let chunk):
                guard inText else { return }
                text += chunk
                if cellOpen || tableDepth == 0 { try builder.check(text, at: origin) }
            }
        }

        private var origin: GridOrigin {
            tableDepth > 0
                ? GridOrigin(table: tables, tableRow: tableRow) : GridOrigin(paragraph: paragraphs + 1)
        }

        private mutating func start(
            _ name: String, _ attributes: [String: String], _ builder: inout GridBuilder
        ) throws(ImportError) {
            switch name {
            case "tbl":
                if tableDepth == 0 {
                    tables += 1
                    tableRow = 0
                    openMerges = [:]
                }
                tableDepth += 1
            case "tr" where tableDepth == 1:
                tableRow += 1
                row = []
                column = 0
                pendingMerges = []
                continued = []
            case "gridBefore" where tableDepth == 1 && !cellOpen:
                column += Self.count(attributes["val"])
            case "tc" where tableDepth == 1:
                cellOpen = true
                text = ""
                span = 1
                verticalMerge = nil
            case "gridSpan" where tableDepth == 1 && cellOpen: span = Self.count(attributes["val"])
            case "vMerge" where tableDepth == 1 && cellOpen: verticalMerge = attributes["val"] ?? "continue"
            case "p": paragraphDepth += 1
            case "t": inText = true
            case "tab": if inText || paragraphDepth > 0 { text += " " }
            case "br", "cr": if paragraphDepth > 0 { text += "\n" }
            default: break
            }
        }

        private mutating func end(_ name: String, _ builder: inout GridBuilder) throws(ImportError) {
            switch name {
            case "t": inText = false
            case "p":
                paragraphDepth -= 1
                if tableDepth == 0, paragraphDepth == 0 {
                    paragraphs += 1
                    try builder.paragraph(text, origin: GridOrigin(paragraph: paragraphs))
                    text = ""
                } else if tableDepth > 0 {
                    text += "\n"
                }
            case "tc" where tableDepth == 1:
                cellOpen = false
                try builder.checkColumns(column, span: span, at: GridOrigin(table: tables, tableRow: tableRow))
                let covered = column..<(column + span)
                if verticalMerge == "continue", openMerges[column] != nil {
                    continued.append(column)
                } else {
                    let cellOrigin = GridOrigin(table: tables, tableRow: tableRow)
                    row.append(
                        GridCell(
                            text: text.trimmingCharacters(in: .whitespacesAndNewlines), column: column,
                            columnSpan: span, origin: cellOrigin))
                    for covered in covered { openMerges[covered] = nil }
                    if verticalMerge == "restart" { pendingMerges.append((column, row.count - 1)) }
                }
                column += span
                text = ""
            case "tr" where tableDepth == 1:
                let index = try builder.append(row, origin: GridOrigin(table: tables, tableRow: tableRow))
                for column in continued {
                    if let open = openMerges[column] { builder.extendRowSpan(row: open.row, cell: open.cell) }
                }
                for (column, cell) in pendingMerges { openMerges[column] = (index, cell) }
            case "tbl":
                tableDepth -= 1
            default: break
            }
        }

        /// A `w:val` count (`gridSpan`, `gridBefore`), 1 when absent or unreadable, at most 1 000.
        static func count(_ value: String?) -> Int {
            min(max(Int(value ?? "") ?? 1, 1), 1_000)
        }
    }
}
