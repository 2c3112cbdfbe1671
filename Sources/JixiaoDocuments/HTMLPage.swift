import Foundation
import JixiaoFormats

/// An HTML page (a saved web page or a file) read into the grid: each `table`'s `tr` rows and `td`/`th`
/// cells with `colspan`/`rowspan` laid out as a browser does; text outside tables as lines, one per block
/// element or `<br>`; scripts, styles and the head ignored. A table inside a cell is part of the cell's text.
enum HTMLPage {
    /// A saved 决算公开 page is well under 5 MB.
    static let maximumBytes = 32 * 1024 * 1024

    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
        "header", "footer", "main", "nav", "aside", "blockquote", "pre", "hr", "address", "figure", "figcaption",
        "body", "html", "form", "fieldset", "center",
    ]

    static func grid(_ url: URL) throws(ImportError) -> DocumentGrid {
        let data = try DocumentFile.read(url, maximumBytes: maximumBytes, format: "HTML 页面")
        return try grid(data, file: url.lastPathComponent)
    }

    static func grid(_ data: Data, file: String) throws(ImportError) -> DocumentGrid {
        var builder = GridBuilder(file: file, format: "HTML 页面")
        var reader = Reader()
        try HTMLTree.walk(data, file: file, format: "HTML 页面") { (event) throws(ImportError) in
            try reader.handle(event, into: &builder)
        }
        try reader.flush(into: &builder)
        return builder.grid
    }

    struct Reader {
        private var tableDepth = 0
        private var text = ""
        private var paragraphs = 0
        private var tables = 0
        private var tableRow = 0
        private var row: [GridCell] = []
        private var column = 0
        private var cellOpen = false
        private var span = 1
        private var rowSpan = 1
        /// Columns taken by cells from rows above: column → rows still covered after the current one.
        private var covered: [Int: Int] = [:]

        private var origin: GridOrigin {
            tableDepth > 0 ? GridOrigin(table: tables, tableRow: tableRow) : GridOrigin(paragraph: paragraphs + 1)
        }

        mutating func handle(_ event: HTMLTree.Event, into builder: inout GridBuilder) throws(ImportError) {
            switch event {
            case .text(let chunk):
                guard tableDepth == 0 || cellOpen || tableDepth > 1 else { return }
                text += Self.foldingWhitespace(chunk)
                try builder.check(text, at: origin)
            case .start(let name, let attribute): try start(name, attribute, &builder)
            case .end(let name): try end(name, &builder)
            }
        }

        private mutating func start(
            _ name: String, _ attribute: (String) -> String?, _ builder: inout GridBuilder
        ) throws(ImportError) {
            if tableDepth == 0, name == "table" || HTMLPage.blocks.contains(name) || name == "br" {
                if name == "br" { text += "\n" } else { try flush(into: &builder) }
            }
            switch name {
            case "table":
                tableDepth += 1
                if tableDepth == 1 {
                    tables += 1
                    tableRow = 0
                    covered = [:]
                }
            case "tr" where tableDepth == 1:
                tableRow += 1
                row = []
                column = 0
            case "td", "th":
                guard tableDepth == 1 else { return }
                cellOpen = true
                text = ""
                span = Self.count(attribute("colspan"), limit: 1_000)
                rowSpan = Self.count(attribute("rowspan"), limit: 65_534)
            case "caption" where tableDepth == 1:
                text = ""
                cellOpen = true
            case "br" where tableDepth > 0: text += "\n"
            case "p", "div", "li":
                if tableDepth > 0, !text.isEmpty { text += "\n" }
            default: break
            }
        }

        private mutating func end(_ name: String, _ builder: inout GridBuilder) throws(ImportError) {
            switch name {
            case "table":
                tableDepth -= 1
                if tableDepth == 0 { text = "" }
            case "caption" where tableDepth == 1:
                cellOpen = false
                paragraphs += 1
                try builder.paragraph(text, origin: GridOrigin(paragraph: paragraphs))
                text = ""
            case "td", "th":
                guard tableDepth == 1, cellOpen else { return }
                cellOpen = false
                while covered[column, default: 0] > 0 { column += 1 }
                try builder.checkColumns(column, span: span, at: GridOrigin(table: tables, tableRow: tableRow))
                row.append(
                    GridCell(
                        text: text.trimmingCharacters(in: .whitespacesAndNewlines), column: column, columnSpan: span,
                        rowSpan: rowSpan, origin: GridOrigin(table: tables, tableRow: tableRow)))
                if rowSpan > 1 { for taken in column..<(column + span) { covered[taken] = rowSpan } }
                column += span
                text = ""
            case "tr" where tableDepth == 1:
                try builder.append(row, origin: GridOrigin(table: tables, tableRow: tableRow))
                // Each covered column is covered for one row fewer; a cell of this row counted itself.
                covered = covered.compactMapValues { $0 > 1 ? $0 - 1 : nil }
                row = []
            default:
                if tableDepth == 0, HTMLPage.blocks.contains(name) { try flush(into: &builder) }
            }
        }

        /// The text collected outside tables as a line.
        mutating func flush(into builder: inout GridBuilder) throws(ImportError) {
            guard tableDepth == 0 else { return }
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                paragraphs += 1
                try builder.paragraph(trimmed, origin: GridOrigin(paragraph: paragraphs))
            }
            text = ""
        }

        /// Runs of whitespace as one space, as a browser lays text out (by hand: a regex literal is parsed
        /// again on every use, which made reading a page several times slower).
        static func foldingWhitespace(_ chunk: String) -> String {
            var folded = ""
            var inSpace = false
            for character in chunk {
                if character.isWhitespace {
                    if !inSpace { folded.append(" ") }
                    inSpace = true
                } else {
                    folded.append(character)
                    inSpace = false
                }
            }
            return folded
        }

        /// A `colspan`/`rowspan` value: 1 when absent, zero or unreadable, at most `limit`.
        static func count(_ value: String?, limit: Int) -> Int {
            min(max(Int(value?.trimmingCharacters(in: .whitespaces) ?? "") ?? 1, 1), limit)
        }
    }
}
