import Foundation
import JixiaoFormats

/// Rebuilds a PDF's table rows and cells from its words and their positions (pdftotext gives no ruling
/// lines): words on one line far apart are different cells; the lines of a block that wrap at the edge of
/// their column (or of the page) are one cell; cells whose first lines share a baseline are one row; and a
/// cell's column is the left edge it shares with the other cells of its page.
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
    /// Left edges closer than this (points) are one column.
    static let columnTolerance = 3.0
    /// A line ending closer than this many line heights to the next column (or the page's right margin)
    /// was wrapped there.
    static let wrapReach = 2.5

    static func grid(_ text: PDFText, file: String) throws(ImportError) -> DocumentGrid {
        var builder = GridBuilder(file: file, format: "PDF")
        let rightMargin = text.pages.flatMap { $0.blocks.flatMap { $0.map(\.box.right) } }.max() ?? 0
        for page in text.pages {
            let rows = rows(of: page, rightMargin: rightMargin)
            for (index, row) in rows.enumerated() {
                let origin = GridOrigin(
                    page: page.number, line: index + 1,
                    box: PageBox(
                        left: row.map(\.piece.box.left).min() ?? 0, top: row.map(\.piece.box.top).min() ?? 0,
                        right: row.map(\.piece.box.right).max() ?? 0,
                        bottom: row.map(\.piece.box.bottom).max() ?? 0))
                let cells = row.map { column, piece in
                    GridCell(
                        text: piece.lines.joined(separator: "\n"), column: column,
                        origin: GridOrigin(page: page.number, line: index + 1, box: piece.box))
                }
                try builder.append(cells, origin: origin)
            }
        }
        return builder.grid
    }

    /// The page's rows, top to bottom, each a list of (column, cell) left to right.
    static func rows(of page: PDFText.Page, rightMargin: Double) -> [[(column: Int, piece: Piece)]] {
        // Words into pieces: one per run of close words on a line.
        let blocks: [[[Piece]]] = page.blocks.map { block in block.map(split) }
        let stops = columnStops(blocks.flatMap { $0.flatMap { $0.map(\.first.left) } })
        var pieces: [Piece] = []
        for block in blocks {
            var open: Piece?
            for line in block {
                if line.count == 1, let previous = open, continues(previous, with: line[0], stops, rightMargin) {
                    open?.lines += line[0].lines
                    open?.last = line[0].first
                    open?.box = union(previous.box, line[0].box)
                    continue
                }
                if let previous = open { pieces.append(previous) }
                if line.count == 1 {
                    open = line[0]
                } else {
                    open = nil
                    pieces += line
                }
            }
            if let previous = open { pieces.append(previous) }
        }
        // Pieces into rows by the baseline of their first line.
        let sorted = pieces.sorted { ($0.first.bottom, $0.first.left) < ($1.first.bottom, $1.first.left) }
        var rows: [[Piece]] = []
        for piece in sorted {
            if let baseline = rows.last?.first?.first.bottom, abs(piece.first.bottom - baseline) <= piece.height * 0.4 {
                rows[rows.count - 1].append(piece)
            } else {
                rows.append([piece])
            }
        }
        return rows.map { row in
            row.sorted { $0.first.left < $1.first.left }.map { (column(of: $0.first.left, stops), $0) }
        }
    }

    /// A line's words as pieces: a gap wider than `cellGap` line heights starts another cell.
    static func split(_ line: PDFText.Line) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var box: PageBox?
        for word in line.words {
            if let current = box {
                let height = max(current.bottom - current.top, word.box.bottom - word.box.top)
                if word.box.left - current.right > height * cellGap {
                    pieces.append(Piece(text: text, box: current))
                    text = word.text
                    box = word.box
                    continue
                }
                text += " " + word.text
                box = union(current, word.box)
            } else {
                text = word.text
                box = word.box
            }
        }
        if let box { pieces.append(Piece(text: text, box: box)) }
        return pieces
    }

    /// Whether `next` (one piece alone on its line) continues the cell `previous`: it starts at the same left
    /// edge just below it, and the previous line ended against the next column or the page's right margin.
    static func continues(_ previous: Piece, with next: Piece, _ stops: [Double], _ rightMargin: Double) -> Bool {
        let height = previous.height
        guard abs(next.first.left - previous.first.left) <= columnTolerance,
            next.first.top >= previous.box.bottom - height * 0.5,
            next.first.top - previous.box.bottom <= height * 0.8
        else { return false }
        let lastRight = previous.last.right
        let next = firstStop(after: lastRight + 0.5, stops)
        let edge = next < stops.count ? stops[next] : rightMargin
        return edge - lastRight <= height * wrapReach
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
