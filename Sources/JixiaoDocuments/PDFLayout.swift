import Foundation
import JixiaoFormats

/// Rebuilds a PDF's table rows and cells from its words, their positions and the pages' ruling lines.
/// Inside a ruled table a cell is the box its lines enclose (`RuledCells`): its wrapped lines are one cell,
/// and a row a page break cut is joined again. Elsewhere (text, a table printed without lines) rows are
/// rebuilt by alignment: words on one line far apart are different cells; a line whose pieces each start
/// under a wrapped cell of the row above, set as close as a cell's lines, continues that row; and a cell's
/// column is the left edge it shares with the other cells of its page.
enum PDFLayout {
    /// A cell: its text (wrapped lines joined by line breaks) and the box of its first line and of all of it.
    struct Piece {
        var lines: [String]
        /// The first line's box, the last line's, and the whole cell's.
        var first: PageBox
        var last: PageBox
        var box: PageBox
        var height: Double { first.bottom - first.top }

        init(text: String, box: PageBox) {
            lines = [text]
            first = box
            last = box
            self.box = box
        }
    }

    /// Words further apart than this many line heights are in different cells.
    static let cellGap = 1.0
    /// Words this many line heights apart (wider than a space) at a column's left edge are different cells.
    static let columnGap = 0.5
    /// Left edges closer than this (points) are one column.
    static let columnTolerance = 3.0
    /// A line ending closer than this many line heights to the next column (or the page's right margin)
    /// was wrapped there.
    static let wrapReach = 2.5

    /// A cell placed in its row: its first grid column, the columns and rows it spans, and its text.
    struct Placed {
        var column: Int
        var columnSpan = 1
        var rowSpan = 1
        var piece: Piece
        /// A ruled cell of a row cut by a page break: no line above its part at the top of a page, none below
        /// its part at the bottom of one.
        var openTop = false
        var openBottom = false
        /// Whether the cell is a ruled table's (not text rebuilt by alignment).
        var ruled = false
    }

    static func grid(_ text: PDFText, file: String) throws(ImportError) -> DocumentGrid {
        var builder = GridBuilder(file: file, format: "PDF")
        let rightMargin = text.pages.flatMap { $0.blocks.flatMap { $0.map(\.box.right) } }.max() ?? 0
        let spaced = spacesAfterPunctuation(text)
        let columns = sharedColumns(text.pages.flatMap { $0.blocks.flatMap { $0 } })
        // The last table row so far, when a page break cut it (open at the bottom): its index in the grid.
        var cutRow: Int?
        // The table rows so far (columns and texts), to know a header row a new page repeats.
        var tableRows: Set<[String]> = []
        for page in text.pages {
            var firstTableRow = true
            var afterRepeatedHeader = false
            for (index, row) in rows(of: page, rightMargin: rightMargin, columns: columns).enumerated() {
                let origin = GridOrigin(
                    page: page.number, line: index + 1,
                    box: PageBox(
                        left: row.map(\.piece.box.left).min() ?? 0, top: row.map(\.piece.box.top).min() ?? 0,
                        right: row.map(\.piece.box.right).max() ?? 0,
                        bottom: row.map(\.piece.box.bottom).max() ?? 0))
                let cells = row.map { placed in
                    GridCell(
                        text: joined(placed.piece.lines, spaceAfterPunctuation: spaced), column: placed.column,
                        columnSpan: placed.columnSpan, rowSpan: placed.rowSpan,
                        origin: GridOrigin(page: page.number, line: index + 1, box: placed.piece.box))
                }
                guard row.contains(where: \.ruled) else {
                    try builder.append(cells, origin: origin)
                    continue
                }
                let signature = cells.map { "\($0.column)\t\($0.text)" }
                defer { tableRows.insert(signature) }
                // A header row the new page repeats above the rest of a cut row: a row of its own (the mapper
                // knows it again), and the rest still belongs to the cut row.
                if firstTableRow, cutRow != nil, tableRows.contains(signature) {
                    try builder.append(cells, origin: origin)
                    afterRepeatedHeader = true
                    continue
                }
                // The rest of a row a page break cut: open at the top of the page (or under the header it
                // repeats), it belongs to that row.
                if firstTableRow, let cut = cutRow, afterRepeatedHeader || row.allSatisfy(\.openTop) {
                    try builder.merge(cells, into: cut)
                } else {
                    let appended = try builder.append(cells, origin: origin)
                    cutRow = row.contains(where: \.openBottom) ? appended : nil
                }
                firstTableRow = false
            }
        }
        return builder.grid
    }

    /// Punctuation that typed text follows with a space (`需求, 改善`) when its writer has that habit.
    static let spacedPunctuation: Set<Character> = [",", ";", ":", "!", "?"]

    /// Whether the document's writer puts a space after ASCII punctuation: more often a word on a line ends
    /// with it before another word than it stands inside a word before a letter (not a digit: `1,000`). A
    /// line that wraps after it then lost the space at the line's end.
    static func spacesAfterPunctuation(_ text: PDFText) -> Bool {
        var spaced = 0
        var closed = 0
        for line in text.pages.flatMap({ $0.blocks.flatMap { $0 } }) {
            for (index, word) in line.words.enumerated() {
                if index + 1 < line.words.count, let last = word.text.last, spacedPunctuation.contains(last) {
                    spaced += 1
                }
                // `1,000` and `10:30` are numbers, not prose.
                closed += zip(word.text, word.text.dropFirst()).count {
                    spacedPunctuation.contains($0.0) && !$0.1.isNumber
                }
            }
        }
        return spaced > closed
    }

    /// A cell's lines as its text, one line break between lines (the mapper joins them), or a space where a
    /// line ends with punctuation the writer follows with a space.
    static func joined(_ lines: [String], spaceAfterPunctuation: Bool) -> String {
        var text = ""
        for line in lines {
            if let last = text.last {
                text += spaceAfterPunctuation && spacedPunctuation.contains(last) ? " " : "\n"
            }
            text += line
        }
        return text
    }

    /// The page's rows, top to bottom, each its cells left to right: the cells of ruled tables are the boxes
    /// their lines enclose (`RuledCells`); the words outside them are rebuilt by alignment (`alignedRows`).
    static func rows(of page: PDFText.Page, rightMargin: Double, columns: [Double]? = nil) -> [[Placed]] {
        let ruled = RuledCells(page.rulings)
        var loose: [[PDFText.Line]] = []
        var enclosed: [RuledCells.Cell: [PDFText.Word]] = [:]
        var order: [RuledCells.Cell] = []
        for block in page.blocks {
            var lines: [PDFText.Line] = []
            for line in block {
                var outside: [PDFText.Word] = []
                for word in line.words {
                    if let cell = ruled.cell(around: word.box) {
                        if enclosed[cell] == nil { order.append(cell) }
                        enclosed[cell, default: []].append(word)
                    } else {
                        outside.append(word)
                    }
                }
                guard let first = outside.first else { continue }
                lines.append(PDFText.Line(words: outside, box: outside.dropFirst().map(\.box).reduce(first.box, union)))
            }
            if !lines.isEmpty { loose.append(lines) }
        }
        var rows = ruled.rows(order.map { (cell: $0, words: enclosed[$0] ?? []) })
        rows += alignedRows(of: loose, rightMargin: rightMargin, columns: columns).map { row in
            row.map { Placed(column: $0.column, piece: $0.piece) }
        }
        // Stable: rows at one height keep the order they were made in.
        return rows.enumerated().sorted {
            (top(of: $0.element), $0.offset) < (top(of: $1.element), $1.offset)
        }.map(\.element)
    }

    static func top(of row: [Placed]) -> Double { row.map(\.piece.first.top).min() ?? 0 }

    /// Rows rebuilt from the words' alignment alone (a table printed without ruling lines, and the text
    /// around tables), each a list of (column, cell) left to right. The lines of the page are taken top to
    /// bottom; a line continues the row above it, its pieces appended to that row's cells, when each of its
    /// pieces starts under a cell of that row (the same column band) that was wrapped (its last line ended
    /// against the next column or the page's right margin), no closer to the cell than the lines of one
    /// paragraph are set and no further than the page's wrapped lines are apart, and no two of its pieces
    /// continue one cell: a line with a value in a column the row has no wrapped cell in starts a new row.
    static func alignedRows(
        of lineBlocks: [[PDFText.Line]], rightMargin: Double, columns: [Double]? = nil
    ) -> [[(column: Int, piece: Piece)]] {
        // Words into pieces: one per run of close words on a line; pieces into lines by their baseline.
        let lineList = lineBlocks.flatMap { $0 }
        let shared = columns ?? sharedColumns(lineList)
        let pieces = lineList.flatMap { split($0, columns: shared) }
            .sorted { ($0.first.bottom, $0.first.left) < ($1.first.bottom, $1.first.left) }
        var lines: [[Piece]] = []
        for piece in pieces {
            if let baseline = lines.last?.first?.first.bottom, abs(piece.first.bottom - baseline) <= piece.height * 0.4
            {
                lines[lines.count - 1].append(piece)
            } else {
                lines.append([piece])
            }
        }
        let stops = columnStops(pieces.map(\.first.left))
        let leading = leading(of: lines)
        var rows: [[Piece]] = []
        for line in lines.map({ $0.sorted { $0.first.left < $1.first.left } }) {
            if let row = rows.last, let targets = continued(row, by: line, stops, rightMargin, leading: leading) {
                for (piece, target) in zip(line, targets) {
                    rows[rows.count - 1][target].lines += piece.lines
                    rows[rows.count - 1][target].last = piece.first
                    rows[rows.count - 1][target].box = union(row[target].box, piece.box)
                }
            } else {
                rows.append(line)
            }
        }
        return rows.map { row in row.map { (column(of: $0.first.left, stops), $0) } }
    }

    /// For each piece of `line`, the index of the cell of `row` it continues; nil when the line is a row of
    /// its own.
    static func continued(
        _ row: [Piece], by line: [Piece], _ stops: [Double], _ rightMargin: Double, leading: Double? = nil
    ) -> [Int]? {
        var targets: [Int] = []
        for piece in line {
            guard
                let target = row.indices.first(where: {
                    continues(row[$0], with: piece, stops, rightMargin, leading: leading)
                }),
                !targets.contains(target)
            else { return nil }
            targets.append(target)
        }
        return targets
    }

    /// A line's words as pieces: a gap wider than `cellGap` line heights starts another cell.
    static func split(_ line: PDFText.Line, columns: [Double] = []) -> [Piece] {
        var runs: [[PDFText.Word]] = []
        for word in line.words {
            if let last = runs.last?.last {
                let height = max(last.box.bottom - last.box.top, word.box.bottom - word.box.top)
                let gap = word.box.left - last.box.right
                let atColumn =
                    gap > height * columnGap && columns.contains { abs($0 - word.box.left) <= columnTolerance }
                if gap <= height * cellGap, !atColumn {
                    runs[runs.count - 1].append(word)
                    continue
                }
            }
            runs.append([word])
        }
        return runs.map { run in
            Piece(text: text(of: run), box: run.dropFirst().map(\.box).reduce(run[0].box, union))
        }
    }

    /// A gap between two words of Chinese narrower than this many line heights is no space: producers cut a
    /// run of Chinese into several words; a printed space is about a quarter of the height.
    static let spaceWidth = 0.15

    /// Words of one line, left to right, as text: a space between them, except between Chinese characters
    /// set closer than a space's width.
    static func text(of words: [PDFText.Word]) -> String {
        var text = ""
        var previous: PDFText.Word?
        for word in words {
            if let previous, let last = text.last, let first = word.text.first {
                let height = max(previous.box.bottom - previous.box.top, word.box.bottom - word.box.top)
                let touching = word.box.left - previous.box.right < height * spaceWidth
                if !(touching && isCJK(last) && isCJK(first)) { text += " " }
            }
            text += word.text
            previous = word
        }
        return text
    }

    static func isCJK(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
    }

    /// Whether `next` (a piece of the line below) continues the cell `previous`: it starts at the same left
    /// edge just below it (closer than a row's spacing: the gap between a cell's lines is its leading), and
    /// the previous line ended against the next column or the page's right margin.
    static func continues(
        _ previous: Piece, with next: Piece, _ stops: [Double], _ rightMargin: Double, leading: Double? = nil
    ) -> Bool {
        let height = previous.height
        let reach = min(height * 0.8, leading.map { max(0, $0) + height * 0.25 } ?? height * 0.8)
        guard abs(next.first.left - previous.first.left) <= columnTolerance,
            next.first.top >= previous.box.bottom - height * 0.5,
            next.first.top - previous.box.bottom <= reach
        else { return false }
        let lastRight = previous.last.right
        let next = firstStop(after: lastRight + 0.5, stops)
        let edge = next < stops.count ? stops[next] : rightMargin
        return edge - lastRight <= height * wrapReach
    }

    /// Columns: left edges that pieces of several lines share (the document's, so that a short table on a page
    /// has the columns its form has on the others). A word starting at one, set further from the word before
    /// it than a space, starts a cell there, however close (a table set tight).
    static func sharedColumns(_ lines: [PDFText.Line]) -> [Double] {
        let pieces = lines.map { split($0) }
        return columnStops(pieces.flatMap { $0.map(\.first.left) }).filter { stop in
            pieces.count { line in line.contains { abs($0.first.left - stop) <= columnTolerance } } >= 2
        }
    }

    /// The gap the page's lines are set with inside a paragraph or a cell (its leading): the gap between
    /// consecutive lines that a tenth of them are closer than. Rows of a table are set further apart (their
    /// cells' padding), so a line further below than this and a little more starts a row.
    static func leading(of lines: [[Piece]]) -> Double? {
        let gaps = zip(lines, lines.dropFirst()).compactMap { above, below -> Double? in
            guard let top = below.map(\.first.top).min(), let bottom = above.map(\.first.bottom).max(),
                let height = above.first?.height, top - bottom >= -height * 0.5
            else { return nil }
            return top - bottom
        }.sorted()
        return gaps.isEmpty ? nil : gaps[gaps.count / 10]
    }

    /// The left edges of the page's cells, clustered.
    static func columnStops(_ lefts: [Double]) -> [Double] {
        var stops: [Double] = []
        for left in lefts.sorted() where stops.last.map({ left - $0 > columnTolerance }) ?? true {
            stops.append(left)
        }
        return stops
    }

    static func column(of left: Double, _ stops: [Double]) -> Int {
        max(firstStop(after: left + columnTolerance, stops) - 1, 0)
    }

    /// The index of the first stop right of `x` (`stops.count` when none): a binary search, as a page of many
    /// columns made a linear one per cell quadratic (20 000 words in distinct columns: 3.7 s).
    static func firstStop(after x: Double, _ stops: [Double]) -> Int {
        var low = 0
        var high = stops.count
        while low < high {
            let middle = low + (high - low) / 2
            if stops[middle] > x { high = middle } else { low = middle + 1 }
        }
        return low
    }

    static func union(_ a: PageBox, _ b: PageBox) -> PageBox {
        PageBox(
            left: min(a.left, b.left), top: min(a.top, b.top), right: max(a.right, b.right),
            bottom: max(a.bottom, b.bottom))
    }
}
