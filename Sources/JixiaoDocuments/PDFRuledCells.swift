import Foundation
import JixiaoFormats

/// A page's table cells as the boxes its ruling lines enclose. A word is in the cell bounded by the nearest
/// lines around its middle, so the lines of a wrapped cell are one cell however they wrap, and a merged cell
/// (no line inside it) is one cell whatever it spans. Cells whose tops are on one line are a row; a cell's
/// columns are those between the vertical lines of its table (the lines connected to its own).
struct RuledCells {
    typealias Segment = PDFRulings.Segment

    let horizontals: [Segment]
    let verticals: [Segment]
    /// The table (connected lines) of each vertical line, and each table's column edges, left to right.
    private let tableOfVertical: [Int]
    private let columnEdges: [Int: [Double]]

    /// A line covers a position this close (points) beyond its ends: borders drawn cell by cell meet loosely.
    static let reach = 1.5
    /// A line running on this far (points) past a box's corner belongs to a table of more than this box; a
    /// box whose lines all end at its corners (a frame around a page or a note) is not a table cell.
    static let beyond = 3.0

    init(_ segments: [Segment]) {
        let horizontals = segments.filter(\.horizontal)
        let verticals = segments.filter { !$0.horizontal }
        self.horizontals = horizontals
        self.verticals = verticals
        // Tables: lines joined where a horizontal and a vertical one meet.
        var parent = Array(0..<(horizontals.count + verticals.count))
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for (h, horizontal) in horizontals.enumerated() {
            for (v, vertical) in verticals.enumerated() where Self.meet(horizontal, vertical) {
                parent[root(horizontals.count + v)] = root(h)
            }
        }
        let tables = verticals.indices.map { root(horizontals.count + $0) }
        tableOfVertical = tables
        var edges: [Int: [Double]] = [:]
        for (v, vertical) in verticals.enumerated() { edges[tables[v], default: []].append(vertical.at) }
        columnEdges = edges.mapValues { xs in
            var stops: [Double] = []
            for x in xs.sorted() where stops.last.map({ x - $0 > PDFRulings.tolerance * 2 }) ?? true {
                stops.append(x)
            }
            return stops
        }
    }

    static func meet(_ horizontal: Segment, _ vertical: Segment) -> Bool {
        vertical.at >= horizontal.from - reach && vertical.at <= horizontal.to + reach
            && horizontal.at >= vertical.from - reach && horizontal.at <= vertical.to + reach
    }

    static func covers(_ segment: Segment, _ position: Double) -> Bool {
        position >= segment.from - reach && position <= segment.to + reach
    }

    /// A cell's box; open at the top or bottom where a page break cut its row (no line there).
    struct Cell: Hashable {
        var box: PageBox
        var openTop = false
        var openBottom = false
    }

    /// The cell around a word: the box of the nearest lines on its four sides, or nil outside every table.
    func cell(around word: PageBox) -> Cell? {
        guard !horizontals.isEmpty, !verticals.isEmpty else { return nil }
        let x = (word.left + word.right) / 2
        let y = (word.top + word.bottom) / 2
        let left = verticals.filter { $0.at < x && Self.covers($0, y) }.max { $0.at < $1.at }
        let right = verticals.filter { $0.at > x && Self.covers($0, y) }.min { $0.at < $1.at }
        let top = horizontals.filter { $0.at < y && Self.covers($0, x) }.max { $0.at < $1.at }
        let bottom = horizontals.filter { $0.at > y && Self.covers($0, x) }.min { $0.at < $1.at }
        // A row broken by a page break is printed open: no line above its part on the next page, none below
        // its part on this one. Its cell is then bounded by where its side lines start or end.
        guard let left, let right, top != nil || bottom != nil else { return nil }
        let box = PageBox(
            left: left.at, top: top?.at ?? max(left.from, right.from), right: right.at,
            bottom: bottom?.at ?? min(left.to, right.to))
        guard box.bottom > box.top else { return nil }
        let inTable =
            (top.map { $0.from < box.left - Self.beyond || $0.to > box.right + Self.beyond } ?? false)
            || (bottom.map { $0.from < box.left - Self.beyond || $0.to > box.right + Self.beyond } ?? false)
            || left.from < box.top - Self.beyond || left.to > box.bottom + Self.beyond
            || right.from < box.top - Self.beyond || right.to > box.bottom + Self.beyond
        return inTable ? Cell(box: box, openTop: top == nil, openBottom: bottom == nil) : nil
    }

    /// The cells (each with its words) as rows: cells whose tops are on one line, left to right, each at the
    /// columns of its table it spans and over the rows whose tops lie inside it.
    func rows(_ cells: [(cell: Cell, words: [PDFText.Word])]) -> [[PDFLayout.Placed]] {
        var rows: [[(box: PageBox, cell: Cell, words: [PDFText.Word])]] = []
        for cell in cells.map({ (box: $0.cell.box, cell: $0.cell, words: $0.words) }).sorted(by: {
            ($0.box.top, $0.box.left) < ($1.box.top, $1.box.left)
        }) {
            if let top = rows.last?.first?.box.top, cell.box.top - top <= PDFRulings.tolerance * 2 {
                rows[rows.count - 1].append(cell)
            } else {
                rows.append([cell])
            }
        }
        let tops = rows.compactMap { $0.first?.box.top }
        return rows.map { row in
            row.sorted { $0.box.left < $1.box.left }.map { cell in
                let edges = edges(around: cell.box)
                let first = Self.index(of: cell.box.left, in: edges)
                let last = Self.index(of: cell.box.right, in: edges)
                let spanned = tops.count { $0 >= cell.box.top - PDFRulings.tolerance * 2 && $0 < cell.box.bottom - 2 }
                return PDFLayout.Placed(
                    column: first, columnSpan: max(1, last - first), rowSpan: max(1, spanned),
                    piece: Self.piece(cell.words, box: cell.box), openTop: cell.cell.openTop,
                    openBottom: cell.cell.openBottom, ruled: true)
            }
        }
    }

    /// The column edges of the table whose vertical line is the cell's left edge.
    private func edges(around box: PageBox) -> [Double] {
        let y = (box.top + box.bottom) / 2
        guard
            let v = verticals.indices.first(where: {
                abs(verticals[$0].at - box.left) <= PDFRulings.tolerance && Self.covers(verticals[$0], y)
            })
        else { return [box.left, box.right] }
        return columnEdges[tableOfVertical[v]] ?? [box.left, box.right]
    }

    static func index(of x: Double, in edges: [Double]) -> Int {
        edges.indices.min { abs(edges[$0] - x) < abs(edges[$1] - x) } ?? 0
    }

    /// A cell's words as its text: lines by baseline, top to bottom; on a line, words left to right
    /// (`PDFLayout.text(of:)`).
    static func piece(_ words: [PDFText.Word], box: PageBox) -> PDFLayout.Piece {
        var lines: [[PDFText.Word]] = []
        for word in words.sorted(by: { ($0.box.bottom, $0.box.left) < ($1.box.bottom, $1.box.left) }) {
            let height = word.box.bottom - word.box.top
            if let baseline = lines.last?.first?.box.bottom, abs(word.box.bottom - baseline) <= height * 0.4 {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        let boxes = lines.map { line in line.dropFirst().map(\.box).reduce(line[0].box, PDFLayout.union) }
        let texts = lines.map { PDFLayout.text(of: $0.sorted { $0.box.left < $1.box.left }) }
        var piece = PDFLayout.Piece(text: texts.first ?? "", box: boxes.first ?? box)
        piece.lines = texts
        piece.last = boxes.last ?? box
        piece.box = box
        return piece
    }
}
