import Foundation
import JixiaoFormats
import Testing

@testable import JixiaoDocuments

/// Rows and cells rebuilt from words and their positions, on pages made here: with ruling lines (cells are
/// the boxes the lines enclose) and without (cells by column alignment and line spacing).
@Suite struct PDFLayoutTests {
    /// A word `text` whose box starts at (`x`, `y`), 10 points high, 10 points a character wide.
    static func word(_ text: String, _ x: Double, _ y: Double) -> PDFText.Word {
        PDFText.Word(
            text: text, box: PageBox(left: x, top: y, right: x + 10 * Double(text.count), bottom: y + 10))
    }

    /// A page whose every word is a line of its own block (as producers often emit table cells).
    static func page(_ words: [PDFText.Word], rulings: [PDFRulings.Segment] = []) -> PDFText.Page {
        PDFText.Page(
            number: 3, width: 600, blocks: words.map { [PDFText.Line(words: [$0], box: $0.box)] }, rulings: rulings)
    }

    static func h(_ y: Double, _ from: Double, _ to: Double) -> PDFRulings.Segment {
        .init(horizontal: true, at: y, from: from, to: to)
    }

    static func v(_ x: Double, _ from: Double, _ to: Double) -> PDFRulings.Segment {
        .init(horizontal: false, at: x, from: from, to: to)
    }

    static func texts(_ rows: [[PDFLayout.Placed]]) -> [[String]] {
        rows.map { row in row.map { $0.piece.lines.joined(separator: "|") } }
    }

    /// An indicator table printed without lines: the 三级指标 wrapped in its column band joins its cell; the
    /// next row, with values in columns whose cells above were not wrapped, starts a row of its own.
    @Test func wrappedCellWithoutRulingsIsOneCell() {
        let words = [
            Self.word("一级指标", 50, 100), Self.word("二级指标", 120, 100), Self.word("三级指标", 190, 100),
            Self.word("指标值", 270, 100), Self.word("分值", 340, 100),
            Self.word("产出指标", 50, 115), Self.word("数量指标", 120, 115), Self.word("对各市各机构", 190, 115),
            Self.word("≤20次", 270, 115), Self.word("10", 340, 115),
            Self.word("检查次数", 190, 125),
            Self.word("用电量", 190, 140), Self.word("≤100000度", 270, 140), Self.word("5", 340, 140),
        ]
        let rows = PDFLayout.rows(of: Self.page(words), rightMargin: 400)
        #expect(
            Self.texts(rows) == [
                ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
                ["产出指标", "数量指标", "对各市各机构|检查次数", "≤20次", "10"],
                ["用电量", "≤100000度", "5"],
            ])
        #expect(rows[1].map(\.column) == [0, 1, 2, 3, 4])
        #expect(rows[2].map(\.column) == [2, 3, 4])
    }

    /// A table set tight (cells closer than a line's height): a word at a column other lines' cells start at,
    /// further from the word before it than a space, starts a cell; closer, it is the same cell's word.
    @Test func tightCellsSplitAtSharedColumns() {
        let line = PDFText.Line(
            words: [Self.word("项目年度", 40, 100), Self.word("年度目标", 87, 100)],
            box: PageBox(left: 40, top: 100, right: 127, bottom: 110))
        let rows = [
            PDFText.Line(
                words: [Self.word("产出指标", 87, 115)], box: PageBox(left: 87, top: 115, right: 127, bottom: 125)),
            PDFText.Line(
                words: [Self.word("效益指标", 87, 130)], box: PageBox(left: 87, top: 130, right: 127, bottom: 140)),
        ]
        let columns = PDFLayout.sharedColumns([line] + rows)
        #expect(PDFLayout.split(line, columns: columns).map(\.lines) == [["项目年度"], ["年度目标"]])
        #expect(PDFLayout.split(line).map(\.lines) == [["项目年度 年度目标"]])
        let close = PDFText.Line(
            words: [Self.word("项目年度", 40, 100), Self.word("年度目标", 82, 100)],
            box: PageBox(left: 40, top: 100, right: 122, bottom: 110))
        #expect(PDFLayout.split(close, columns: [82]).count == 1)
    }

    /// Lines set at the page's leading continue a wrapped cell; a row set a padding further below does not,
    /// though its cells start under wrapped ones.
    @Test func rowsSetApartByMoreThanTheLeading() {
        let words = [
            Self.word("产出情况及分析", 40, 100), Self.word("档案用房完成租赁档案存放无风险", 120, 100),
            Self.word("情况说明一二", 40, 110.5), Self.word("工伤档案用房主要用于存放", 120, 110.5),
            Self.word("效益情况及分析", 40, 125), Self.word("档案用房完成租赁档案存放无风险", 120, 125),
        ]
        #expect(
            Self.texts(PDFLayout.rows(of: Self.page(words), rightMargin: 250)) == [
                ["产出情况及分析|情况说明一二", "档案用房完成租赁档案存放无风险|工伤档案用房主要用于存放"],
                ["效益情况及分析", "档案用房完成租赁档案存放无风险"],
            ])
    }

    /// A line with a value under a cell that ended short of its column's edge is a new row, however close,
    /// even where its other piece is under a wrapped cell.
    @Test func lineWithANewValueIsANewRow() {
        let words = [
            Self.word("工伤保险业务经办费用项目名称", 50, 100), Self.word("工伤", 200, 100),
            Self.word("主管部门", 50, 111), Self.word("人社厅", 200, 111),
        ]
        #expect(
            Self.texts(PDFLayout.rows(of: Self.page(words), rightMargin: 400)) == [
                ["工伤保险业务经办费用项目名称", "工伤"], ["主管部门", "人社厅"],
            ])
    }

    /// Lines of a ruled table: each cell is the box its lines enclose, so a cell's second line (however close
    /// to the next row) joins it, a merged cell spans the rows whose tops lie in it, and words outside stay
    /// paragraphs above and below it.
    @Test func ruledCellsAreTheBoxesTheLinesEnclose() {
        let (h, v) = (Self.h, Self.v)
        // Columns at 40 | 110 | 250 | 320; rows at 95 | 112 | 137 | 152. The first column's second and
        // third rows are one merged cell (no line between them there).
        let rulings = [
            h(95, 40, 320), h(112, 40, 320), h(137, 110, 320), h(152, 40, 320),
            v(40, 95, 152), v(110, 95, 152), v(250, 95, 152), v(320, 95, 152),
        ]
        let words = [
            Self.word("附件：自评表", 40, 80),
            Self.word("一级指标", 45, 98), Self.word("三级指标", 115, 98), Self.word("分值", 255, 98),
            Self.word("产出指标", 45, 130), Self.word("对各市各机构检", 115, 114), Self.word("查核查次数", 115, 124),
            Self.word("10", 255, 114),
            Self.word("用电量", 115, 139), Self.word("5", 255, 139),
            Self.word("备注：", 40, 160),
        ]
        let rows = PDFLayout.rows(of: Self.page(words, rulings: rulings), rightMargin: 400)
        #expect(
            Self.texts(rows) == [
                ["附件：自评表"], ["一级指标", "三级指标", "分值"], ["产出指标", "对各市各机构检|查核查次数", "10"],
                ["用电量", "5"], ["备注："],
            ])
        #expect(rows[2].map(\.column) == [0, 1, 2])
        #expect(rows[2].map(\.rowSpan) == [2, 1, 1])
        #expect(rows[3].map(\.column) == [1, 2])
    }

    /// A frame around the page is not a table: its lines end at its corners, so the words in it are read by
    /// alignment, as paragraphs.
    @Test func aFrameIsNotATable() {
        let frame: [PDFRulings.Segment] = [
            .init(horizontal: true, at: 20, from: 20, to: 580), .init(horizontal: true, at: 800, from: 20, to: 580),
            .init(horizontal: false, at: 20, from: 20, to: 800), .init(horizontal: false, at: 580, from: 20, to: 800),
        ]
        let words = [Self.word("第一段", 40, 100), Self.word("第二段", 40, 130)]
        let rows = PDFLayout.rows(of: Self.page(words, rulings: frame), rightMargin: 560)
        #expect(Self.texts(rows) == [["第一段"], ["第二段"]])
    }

    /// cairo's SVG as pdftocairo writes it: lines stroked under a flipping matrix, a hairline drawn as a
    /// filled rectangle, glyph outlines in <defs> ignored, white lines not seen; one list per <page>.
    @Test func rulingsReadFromCairoSVG() throws {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="595pt" height="842pt" viewBox="0 0 595 842">
            <defs><g><symbol id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 5 0 L 5 -6 Z"/></symbol></g></defs>
            <pageSet><page><g id="surface1">
            <path style="fill:none;stroke-width:0.5;stroke:rgb(0%,0%,0%);" d="M 0 0 L 100 0 " transform="matrix(1,0,0,-1,40,500)"/>
            <path style="fill:none;stroke-width:0.5;stroke:rgb(0%,0%,0%);" d="M 0 0 L 0 50 " transform="matrix(1,0,0,-1,40,500)"/>
            <path style="fill:none;stroke:rgb(100%,100%,100%);" d="M 0 0 L 300 0 "/>
            </g></page><page><g id="surface2">
            <path style="stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0%);" d="M 40 100 L 200 100 L 200 100.75 L 40 100.75 Z M 40 100 "/>
            <path style="stroke:none;fill:rgb(90%,90%,90%);" d="M 40 100 L 200 100 L 200 140 L 40 140 Z"/>
            </g></page></pageSet></svg>
            """
        let rulings = try PDFRulings.parse(.data(Data(svg.utf8)))
        #expect(rulings.pages.count == 2)
        #expect(
            rulings.pages[0] == [
                .init(horizontal: true, at: 500, from: 40, to: 140),
                .init(horizontal: false, at: 40, from: 450, to: 500),
            ])
        #expect(rulings.pages[1] == [.init(horizontal: true, at: 100.375, from: 40, to: 200)])
    }

    /// A row a page break cut (no line below its part on one page, none above the rest on the next) is one
    /// row of the grid: the rest's cells join it, a cell continued in its column on a new line. Each cell
    /// keeps the page it was printed on.
    @Test func rowCutByAPageBreakIsOneRow() throws {
        let (h, v) = (Self.h, Self.v)
        let columns = [40.0, 110, 250, 320]
        var first = Self.page(
            [
                Self.word("时效指标", 45, 103), Self.word("及时发放", 115, 103), Self.word("及时", 255, 103),
                Self.word("成本指标", 45, 125), Self.word("及时", 255, 125),
            ],
            rulings: [h(100, 40, 320), h(120, 40, 320)] + columns.map { v($0, 100, 800) })
        first.number = 1
        var second = Self.page(
            [
                Self.word("失业保险金", 115, 52), Self.word("按月", 255, 52),
                Self.word("社会效益", 45, 83), Self.word("稳定", 255, 83),
            ],
            rulings: [h(80, 40, 320), h(100, 40, 320)] + columns.map { v($0, 50, 100) })
        second.number = 2
        let grid = try PDFLayout.grid(PDFText(pages: [first, second]), file: "cut.pdf")
        #expect(
            grid.rows.map { $0.cells.map(\.text) } == [
                ["时效指标", "及时发放", "及时"], ["成本指标", "失业保险金", "及时\n按月"], ["社会效益", "稳定"],
            ])
        #expect(grid.rows.map { $0.cells.map(\.column) } == [[0, 1, 2], [0, 1, 2], [0, 2]])
        #expect(grid.rows[1].cells.map { $0.origin.page } == [1, 2, 1])
        #expect(grid.rows.map(\.origin.place) == ["第 1 页第 1 行", "第 1 页第 2 行", "第 2 页第 2 行"])
    }

    /// A page that repeats the table's header row above the rest of a cut row: the header is a row of its
    /// own again, and the rest still joins the cut row.
    @Test func cutRowContinuedUnderARepeatedHeader() throws {
        let (h, v) = (Self.h, Self.v)
        let columns = [40.0, 110, 250]
        let header = [Self.word("一级指标", 45, 103), Self.word("三级指标", 115, 103)]
        var first = Self.page(
            header + [Self.word("产出指标", 45, 125), Self.word("对各市各机构检", 115, 125)],
            rulings: [h(100, 40, 250), h(120, 40, 250)] + columns.map { v($0, 100, 800) })
        first.number = 1
        var second = Self.page(
            [Self.word("一级指标", 45, 53), Self.word("三级指标", 115, 53)] + [
                Self.word("查核查次数", 115, 73), Self.word("效益指标", 45, 93), Self.word("用电量", 115, 93),
            ],
            rulings: [h(50, 40, 250), h(70, 40, 250), h(90, 40, 250), h(110, 40, 250)] + columns.map { v($0, 50, 110) })
        second.number = 2
        let grid = try PDFLayout.grid(PDFText(pages: [first, second]), file: "header.pdf")
        #expect(
            grid.rows.map { $0.cells.map(\.text) } == [
                ["一级指标", "三级指标"], ["产出指标", "对各市各机构检\n查核查次数"], ["一级指标", "三级指标"], ["效益指标", "用电量"],
            ])
    }

    /// Words of Chinese set apart by a space's width keep the space (`委员会 教育部`); cut without a gap, they
    /// are one run. A line wrapped after a comma keeps the comma's space when the writer types one.
    @Test func spacesBetweenWordsAndAtWraps() throws {
        let words = [
            PDFText.Word(text: "委员会", box: PageBox(left: 100, top: 100, right: 130, bottom: 108)),
            PDFText.Word(text: "教育部", box: PageBox(left: 132, top: 100, right: 162, bottom: 108)),
            PDFText.Word(text: "财政", box: PageBox(left: 162.5, top: 100, right: 182, bottom: 108)),
            PDFText.Word(text: "部", box: PageBox(left: 182, top: 100, right: 192, bottom: 108)),
            PDFText.Word(text: "(63号)", box: PageBox(left: 194, top: 100, right: 220, bottom: 108)),
        ]
        #expect(PDFLayout.text(of: words) == "委员会 教育部财政部 (63号)")
        #expect(PDFLayout.joined(["满足需求,", "改善条件"], spaceAfterPunctuation: true) == "满足需求, 改善条件")
        #expect(PDFLayout.joined(["满足需求,", "改善条件"], spaceAfterPunctuation: false) == "满足需求,\n改善条件")
        func line(_ words: [PDFText.Word]) -> PDFText {
            PDFText(pages: [
                PDFText.Page(number: 1, width: 600, blocks: [[PDFText.Line(words: words, box: words[0].box)]])
            ])
        }
        let spaced = line([Self.word("任务重,", 40, 100), Self.word("工作多,", 120, 100), Self.word("1,000元", 200, 100)])
        #expect(PDFLayout.spacesAfterPunctuation(spaced))
        let closed = line([Self.word("任务重,工作多,经费少", 40, 100)])
        #expect(!PDFLayout.spacesAfterPunctuation(closed))
    }
}
