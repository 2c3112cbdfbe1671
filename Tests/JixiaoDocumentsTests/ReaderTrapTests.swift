import Foundation
import JixiaoFormats
import Testing

@testable import JixiaoDocuments

/// Inputs that once trapped a reader or made it keep work per grid column without bound (found by auditing
/// the readers for the fuzz targets `docx`, `html` and `pdf`): each is now read, or refused in Chinese.
@Suite struct ReaderTrapTests {
    /// pdftotext's word boxes as the PDF reader parses them.
    static func layout(_ body: String) -> Data {
        Data("<html><body><doc>\(body)</doc></body></html>".utf8)
    }

    static let word =
        #"<line xMin="10" yMin="10" xMax="50" yMax="20"><word xMin="10" yMin="10" xMax="50" yMax="20">项目名称</word></line>"#

    /// A `block` before any `page` indexed the last page of none (Swift runtime failure: Index out of range).
    @Test func aBlockOutsideAPageIsIgnored() throws {
        let text = try PDFText.parse(
            Self.layout("<block>\(Self.word)</block><page width=\"595\"><block>\(Self.word)</block></page>"),
            file: "x.pdf")
        #expect(text.pages.count == 1)
        #expect(text.pages[0].blocks.count == 1)
        #expect(text.pages[0].blocks[0].map { $0.words.map(\.text) } == [["项目名称"]])
    }

    /// `nan`, `inf` and out-of-range numbers as positions would make every comparison of the layout false.
    @Test func nonFiniteCoordinatesReadAsZero() throws {
        let data = Self.layout(
            #"<page width="inf"><block><line xMin="nan" yMin="1e999" xMax="-inf" yMax="20"><word xMin="nan" yMin="1e999" xMax="-inf" yMax="20">甲</word></line></block></page>"#
        )
        let page = try #require(try PDFText.parse(data, file: "x.pdf").pages.first)
        #expect(page.width == 0)
        let box = try #require(page.blocks.first?.first?.words.first?.box)
        #expect([box.left, box.top, box.right, box.bottom] == [0, 0, 0, 20])
        _ = try PDFLayout.grid(PDFText(pages: [page]), file: "x.pdf")
    }

    /// The PDF columns are found by binary search (a linear search per cell made a page of 20 000 words in
    /// distinct columns take 3.7 s): the same answers as the linear search, empty and between stops included.
    @Test func columnLookupMatchesTheLinearSearch() {
        for stops in [[], [40.0], PDFLayout.columnStops([40, 41, 100, 250.5, 251, 400, 900, 900.2])] {
            for x in stride(from: 0.0, through: 1_000, by: 0.25) {
                let column = stops.lastIndex { $0 <= x + PDFLayout.columnTolerance } ?? 0
                #expect(PDFLayout.column(of: x, stops) == column, "\(x) in \(stops)")
                #expect(PDFLayout.firstStop(after: x, stops) == stops.firstIndex { $0 > x } ?? stops.count)
            }
        }
    }

    /// Eighteen cells of `colspan="1000"` reach column 18 000: refused before anything is kept per column.
    @Test func htmlCellsBeyondTheLastColumnAreRefused() throws {
        let cells = String(repeating: #"<td colspan="1000" rowspan="2">甲</td>"#, count: 18)
        let html = Data("<html><body><table><tr>\(cells)</tr></table></body></html>".utf8)
        let error = #expect(throws: ImportError.self) { try HTMLPage.grid(html, file: "宽表.html") }
        #expect(error?.problem == "HTML 页面中有一个单元格跨到第 17000 列，超过上限 16384 列（合并或跳过的列过多）（第 1 个表格第 1 行）")
        // Sixteen such cells (16 000 columns) are a grid like any other.
        let fits = String(repeating: #"<td colspan="1000">甲</td>"#, count: 16)
        let grid = try HTMLPage.grid(Data("<table><tr>\(fits)</tr></table>".utf8), file: "宽表.html")
        #expect(grid.rows.map { $0.cells.map(\.column) } == [Array(stride(from: 0, to: 16_000, by: 1_000))])
    }

    /// The same limit for every reader that builds a grid (Word's `gridBefore` and `gridSpan`, PDF columns).
    @Test func gridBuilderRefusesAColumnBeyondTheLimit() throws {
        var builder = GridBuilder(file: "宽表.docx", format: "Word 文档")
        let origin = GridOrigin(table: 1, tableRow: 1)
        try builder.append([GridCell(text: "甲", column: 16_383, origin: origin)], origin: origin)
        let error = #expect(throws: ImportError.self) {
            try builder.append([GridCell(text: "乙", column: 16_000, columnSpan: 385, origin: origin)], origin: origin)
        }
        #expect(
            error?.problem.hasPrefix("Word 文档中有一个单元格跨到第 16385 列，超过上限 16384 列") == true, "\(String(describing: error))")
        #expect(throws: ImportError.self) {
            try builder.append([GridCell(text: "丙", column: Int.max, columnSpan: 2, origin: origin)], origin: origin)
        }
        #expect(builder.rows.count == 1)
    }

    /// A cell of many small runs (here 60 000 `<b>字</b>`, 600 KB) is read in one pass (its characters were
    /// counted again after every run: 15 s); one character more than the limit is still refused.
    @Test func aCellOfManyRunsIsReadAndItsLimitHolds() throws {
        let runs = String(repeating: "<b>字</b>", count: 60_000)
        let grid = try HTMLPage.grid(Data("<table><tr><td>\(runs)</td></tr></table>".utf8), file: "长.html")
        #expect(grid.rows.first?.cells.first?.text.count == 60_000)
        var builder = GridBuilder(file: "长.html", format: "HTML 页面", limits: .init(cellCharacters: 1_000))
        let origin = GridOrigin(table: 1, tableRow: 1)
        try builder.check(String(repeating: "字", count: 1_001), at: origin)
        let error = #expect(throws: ImportError.self) {
            try builder.append(
                [GridCell(text: String(repeating: "字", count: 1_001), column: 0, origin: origin)], origin: origin)
        }
        #expect(error?.problem == "HTML 页面中有一个单元格的文字超过 1000 字，不像是绩效表的内容（第 1 个表格第 1 行）")
        try builder.append(
            [GridCell(text: String(repeating: "字", count: 1_000), column: 0, origin: origin)], origin: origin)
        #expect(throws: ImportError.self) { try builder.check(String(repeating: "a", count: 4_001), at: origin) }
    }

    /// Whitespace inside page text is folded as a browser folds it, by hand now (was a regex per text node).
    @Test func whitespaceIsFoldedAsInABrowser() {
        #expect(HTMLPage.Reader.foldingWhitespace("  项目\n\t 名称  ") == " 项目 名称 ")
        #expect(HTMLPage.Reader.foldingWhitespace("\u{3000}甲\u{00A0}\u{00A0}乙") == " 甲 乙")
        #expect(HTMLPage.Reader.foldingWhitespace("") == "")
    }
}
