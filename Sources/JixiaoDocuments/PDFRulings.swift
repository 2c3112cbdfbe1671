import Foundation
import JixiaoFormats
import JixiaoXMLReading

/// The ruling lines of a PDF's pages: the horizontal and vertical strokes (and hairline-thin filled
/// rectangles, as Word and Excel draw borders) that tables are drawn with, read from poppler's
/// `pdftocairo -svg` (Debian: poppler-utils) through the one hardened XML reader. pdftotext gives words but no
/// lines; with the lines a table's cells are the boxes they enclose, merged cells and wrapped text included.
struct PDFRulings: Sendable {
    /// A horizontal (`at` is y) or vertical (`at` is x) line from `from` to `to`, in points from the page's
    /// top-left corner, as pdftotext's boxes are.
    struct Segment: Sendable, Hashable {
        var horizontal: Bool
        var at: Double
        var from: Double
        var to: Double
    }

    /// Per page (index 0 = page 1), its lines, collinear pieces joined.
    var pages: [[Segment]]

    /// Lines shorter than this (points) are not rulings (a dash, a tick of a glyph drawn as a path).
    static let minimumLength = 2.0
    /// A filled rectangle at most this thick (points) is a ruling drawn as a rectangle.
    static let hairline = 2.5
    /// Positions closer than this (points) are one line.
    static let tolerance = 1.0

    /// The page's lines, or none when the tool is missing or fails: then cells are rebuilt from the words'
    /// alignment alone, as for a table printed without rulings.
    static func read(_ url: URL, tool: String?, in folder: URL, file: String) -> PDFRulings {
        guard let tool else { return PDFRulings(pages: []) }
        let output = folder.appendingPathComponent("lines.svg")
        let messages = folder.appendingPathComponent("lines-messages.txt")
        guard (try? PDFText.run(tool, ["-svg", url.path, output.path], messages: messages, file: file)) == 0 else {
            return PDFRulings(pages: [])
        }
        // Streamed from the file; a page of vector art past the limit leaves the words to alignment alone.
        return (try? parse(.file(path: output.path))) ?? PDFRulings(pages: [])
    }

    /// cairo writes a few hundred KB a page of a table; a document's SVG past this is mostly vector art.
    static let maximumBytes: Int64 = 64 << 20

    /// Reads cairo's SVG: `<page>`s (one `<svg>` without them for a one-page file) of `<path>`s with a `style`,
    /// a `d` of absolute M/L/H/V/C/Z commands and an optional `transform="matrix(…)"`, also on enclosing
    /// groups. What is inside `<defs>` (glyph outlines, clip paths) is not drawn on the page.
    static func parse(_ input: HardenedXMLReader.Input) throws(HardenedXMLReader.Failure) -> PDFRulings {
        let reader = try HardenedXMLReader(input, limits: XMLReadingLimits(documentBytes: maximumBytes))
        var pages: [[Segment]] = []
        var transforms: [Matrix] = [.identity]
        var definitions = 0
        var sawPage = false
        while let event = try reader.next() {
            switch event {
            case .start(let element):
                let own = element.attributes["transform"].flatMap(Matrix.init(svg:)) ?? .identity
                transforms.append(own.then(transforms[transforms.count - 1]))
                if element.name == "defs" || element.name == "symbol" || element.name == "clipPath"
                    || element.name == "mask" || element.name == "pattern"
                {
                    definitions += 1
                }
                if element.name == "page" {
                    sawPage = true
                    pages.append([])
                } else if element.name == "svg", !sawPage, pages.isEmpty {
                    pages.append([])
                }
                guard element.name == "path", definitions == 0, !pages.isEmpty,
                    let d = element.attributes["d"]
                else { continue }
                let style = Style(element.attributes["style"] ?? "")
                pages[pages.count - 1] += segments(d, style: style, transform: transforms[transforms.count - 1])
            case .end(let name, _):
                transforms.removeLast()
                if name == "defs" || name == "symbol" || name == "clipPath" || name == "mask" || name == "pattern" {
                    definitions -= 1
                }
                if name == "svg", sawPage, pages.count > 1, pages[0].isEmpty {
                    // A multi-page file's outer <svg> opened a page of its own before the first <page>.
                    pages.removeFirst()
                }
            case .text:
                continue
            }
        }
        return PDFRulings(pages: pages.map(joined))
    }

    /// The straight axis-aligned lines a path draws: each stroked edge, and a filled hairline rectangle's
    /// middle line. White lines are not seen on paper.
    static func segments(_ d: String, style: Style, transform: Matrix) -> [Segment] {
        guard style.strokes || style.fills else { return [] }
        var result: [Segment] = []
        for path in subpaths(d) {
            let points = path.points.map(transform.apply)
            if style.strokes {
                var edges = zip(points, points.dropFirst()).map { ($0, $1) }
                if path.closed, let first = points.first, let last = points.last { edges.append((last, first)) }
                result += edges.compactMap { edge($0.0, $0.1) }
            } else if let rectangle = hairlineRectangle(points) {
                result.append(rectangle)
            }
        }
        return result
    }

    static func edge(_ a: Point, _ b: Point) -> Segment? {
        if abs(a.y - b.y) <= 0.5, abs(a.x - b.x) >= minimumLength {
            return Segment(horizontal: true, at: (a.y + b.y) / 2, from: min(a.x, b.x), to: max(a.x, b.x))
        }
        if abs(a.x - b.x) <= 0.5, abs(a.y - b.y) >= minimumLength {
            return Segment(horizontal: false, at: (a.x + b.x) / 2, from: min(a.y, b.y), to: max(a.y, b.y))
        }
        return nil
    }

    /// A filled rectangle (every point on a corner of its bounds) thin enough to be a line.
    static func hairlineRectangle(_ points: [Point]) -> Segment? {
        guard points.count >= 4, points.count <= 5 else { return nil }
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        guard let left = xs.min(), let right = xs.max(), let top = ys.min(), let bottom = ys.max() else { return nil }
        let onCorners = points.allSatisfy {
            (abs($0.x - left) <= 0.5 || abs($0.x - right) <= 0.5)
                && (abs($0.y - top) <= 0.5 || abs($0.y - bottom) <= 0.5)
        }
        guard onCorners else { return nil }
        let width = right - left
        let height = bottom - top
        if height <= hairline, width >= minimumLength, width > height {
            return Segment(horizontal: true, at: (top + bottom) / 2, from: left, to: right)
        }
        if width <= hairline, height >= minimumLength, height > width {
            return Segment(horizontal: false, at: (left + right) / 2, from: top, to: bottom)
        }
        return nil
    }

    /// Collinear lines that touch or overlap joined into one (a cell border drawn cell by cell is one line).
    static func joined(_ segments: [Segment]) -> [Segment] {
        let sorted = segments.sorted {
            ($0.horizontal ? 0 : 1, $0.at, $0.from) < ($1.horizontal ? 0 : 1, $1.at, $1.from)
        }
        var lines: [[Segment]] = []
        for segment in sorted {
            if let last = lines.last?.first, last.horizontal == segment.horizontal,
                segment.at - last.at <= tolerance
            {
                lines[lines.count - 1].append(segment)
            } else {
                lines.append([segment])
            }
        }
        var result: [Segment] = []
        for line in lines {
            let at = line.map(\.at).reduce(0, +) / Double(line.count)
            var open: Segment?
            for segment in line.sorted(by: { $0.from < $1.from }) {
                if var current = open, segment.from <= current.to + tolerance * 1.5 {
                    current.to = max(current.to, segment.to)
                    open = current
                } else {
                    if let current = open { result.append(current) }
                    open = Segment(horizontal: segment.horizontal, at: at, from: segment.from, to: segment.to)
                }
            }
            if let current = open { result.append(current) }
        }
        return result
    }

    // MARK: - SVG pieces

    struct Point: Sendable, Hashable {
        var x: Double
        var y: Double
    }

    /// An affine transform `matrix(a,b,c,d,e,f)`: x' = a·x + c·y + e, y' = b·x + d·y + f.
    struct Matrix: Sendable, Hashable {
        var a, b, c, d, e, f: Double
        static let identity = Matrix(a: 1, b: 0, c: 0, d: 1, e: 0, f: 0)

        init(a: Double, b: Double, c: Double, d: Double, e: Double, f: Double) {
            (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
        }

        /// `matrix(…)`, `translate(…)` or `scale(…)` (cairo writes only these); nil for anything else.
        init?(svg: String) {
            let trimmed = svg.trimmingCharacters(in: .whitespaces)
            guard let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") else { return nil }
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let numbers = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
            switch (name, numbers.count) {
            case ("matrix", 6):
                self.init(a: numbers[0], b: numbers[1], c: numbers[2], d: numbers[3], e: numbers[4], f: numbers[5])
            case ("translate", 1), ("translate", 2):
                self.init(a: 1, b: 0, c: 0, d: 1, e: numbers[0], f: numbers.count == 2 ? numbers[1] : 0)
            case ("scale", 1), ("scale", 2):
                self.init(a: numbers[0], b: 0, c: 0, d: numbers.count == 2 ? numbers[1] : numbers[0], e: 0, f: 0)
            default:
                return nil
            }
        }

        func apply(_ p: Point) -> Point { Point(x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f) }

        /// This transform applied first, then `outer`.
        func then(_ outer: Matrix) -> Matrix {
            Matrix(
                a: outer.a * a + outer.c * b, b: outer.b * a + outer.d * b, c: outer.a * c + outer.c * d,
                d: outer.b * c + outer.d * d, e: outer.a * e + outer.c * f + outer.e,
                f: outer.b * e + outer.d * f + outer.f)
        }
    }

    /// Whether a path is stroked and whether it is filled, from its `style` (SVG fills by default).
    struct Style: Sendable {
        var strokes: Bool
        var fills: Bool

        init(_ style: String) {
            var values: [String: String] = [:]
            for declaration in style.split(separator: ";") {
                let parts = declaration.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { continue }
                values[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            func visible(_ paint: String?) -> Bool {
                guard let paint else { return false }
                return paint != "none" && paint != "rgb(100%,100%,100%)" && paint != "#ffffff" && paint != "white"
            }
            strokes = visible(values["stroke"])
            fills = visible(values["fill"] ?? "black") && !strokes
        }
    }

    /// A path's subpaths as the corner points of their straight pieces; a curve ends a subpath's straight run
    /// (its end point starts the next), so no straight line is read into a curve.
    static func subpaths(_ d: String) -> [(points: [Point], closed: Bool)] {
        var result: [(points: [Point], closed: Bool)] = []
        var points: [Point] = []
        var numbers: [Double] = []
        var command: Character = " "
        var current = Point(x: 0, y: 0)
        var start = current
        func finish(closed: Bool) {
            if points.count >= 2 { result.append((points, closed)) }
            points = []
        }
        func flush() {
            switch command {
            case "M":
                var index = 0
                while index + 1 < numbers.count {
                    current = Point(x: numbers[index], y: numbers[index + 1])
                    if index == 0 {
                        finish(closed: false)
                        start = current
                    }
                    points.append(current)
                    index += 2
                }
            case "L":
                var index = 0
                while index + 1 < numbers.count {
                    current = Point(x: numbers[index], y: numbers[index + 1])
                    if points.isEmpty { points.append(start) }
                    points.append(current)
                    index += 2
                }
            case "H", "V":
                for value in numbers {
                    current = command == "H" ? Point(x: value, y: current.y) : Point(x: current.x, y: value)
                    if points.isEmpty { points.append(start) }
                    points.append(current)
                }
            case "C":
                var index = 0
                while index + 5 < numbers.count {
                    finish(closed: false)
                    current = Point(x: numbers[index + 4], y: numbers[index + 5])
                    points = [current]
                    index += 6
                }
            case "Z":
                finish(closed: true)
                current = start
            default:
                break
            }
            numbers = []
        }
        var token = ""
        func endNumber() {
            if let value = Double(token) { numbers.append(value) }
            token = ""
        }
        for ch in d {
            if ch.isLetter, ch != "e", ch != "E" {
                endNumber()
                flush()
                command = ch
                if ch == "Z" || ch == "z" {
                    command = "Z"
                    flush()
                    command = " "
                }
            } else if ch == " " || ch == "," {
                endNumber()
            } else if ch == "-", !token.isEmpty, token.last != "e", token.last != "E" {
                endNumber()
                token = "-"
            } else {
                token.append(ch)
            }
        }
        endNumber()
        flush()
        finish(closed: false)
        return result
    }
}
