import Foundation
import JixiaoCore
import JixiaoFormats
import Testing

@testable import JixiaoImport

/// The national template's 项目支出绩效自评表 (财预〔2020〕10号) and a county layout whose 年初预算数 header is
/// merged over two unlabelled columns (issue 11, item 3), from their text exports in Fixtures/.
@Suite struct NationalLayoutTests {
    static let national = "national-template.txt"
    static let county = "county-merged-header.txt"

    static func imported(_ name: String, edit: (inout String) -> Void = { _ in }) throws -> ImportResult {
        var text = try Seeds.text(name)
        edit(&text)
        return try Importing.document(text, name: name)
    }

    /// The national template's captions as forms print them: letters in ASCII or full-width parentheses (or
    /// full-width letters), with or without spaces, or none; 全年实际值 or 实际完成值, 未完成原因分析 or
    /// 偏差原因分析及改进措施.
    @Test(arguments: [
        ["全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "年度指标值（A）", "全年实际值（B）", "偏差原因分析及改进措施"],
        ["全年预算数(A)", "全年执行数(B)", "执行率(B/A)", "年度指标值(A)", "实际完成值(B)", "未完成原因分析"],
        ["全年预算数 （Ａ）", "全年执行数 (B)", "执行率 （B／A）", "年度指标值 (A)", "全年实际值 （Ｂ）", "未完成原因分析及改进措施"],
        ["全年预算数", "全年执行数", "执行率", "年度指标值", "全年实际值", "偏差原因分析及改进措施"],
    ])
    func nationalTemplate(_ captions: [String]) throws {
        let printed = ["全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "年度指标值（A）", "全年实际值（B）", "偏差原因分析及改进措施"]
        let result = try Self.imported(Self.national) { text in
            for (old, new) in zip(printed, captions) { text = text.replacingOccurrences(of: old, with: new) }
        }
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        let imported = try #require(result.forms.first)
        #expect(result.forms.count == 1 && imported.lines == 4...23)
        let form = try #require(imported.form.selfEvaluation)
        #expect(form.year == 2023 && form.project == "农村义务教育学生营养改善计划")
        #expect(form.department.text == "某县教育体育局" && form.implementingAgency == "某县第一中学")
        let total = form.funds.total
        #expect(total.declared == "40.00" && total.compiled == "" && total.fullYearBudget == "42.50")
        #expect(total.executed == "38.25" && total.balance == "" && total.deviation == nil)
        // 分值 is the row's weight, never its 得分.
        #expect(total.weight == "10" && total.rate == "90.00%" && total.score == "9.00")
        #expect(form.funds.sources.map(\.source) == ["当年财政拨款", "上年结转资金", "其他资金"])
        #expect(form.funds.sources[0].executed == "36.00" && form.funds.sources[0].weight == "—")
        #expect(form.funds.sources[0].rate == "90.00%" && form.funds.sources[0].score == "—")
        #expect(form.funds.sources[1].declared == "—" && form.funds.sources[1].fullYearBudget == "2.50")
        #expect(form.goals.completion == "为735名学生提供营养膳食补助，学生营养状况有所改善")
        #expect(form.indicators.count == 7)
        #expect(form.indicators.map(\.weight) == ["20", "15", "10", "5", "20", "10", "10"])
        #expect(form.indicators.map(\.score) == ["20", "15", "8", "5", "17", "10", "10"])
        let late = form.indicators[2]
        #expect(late.level1 == "产出指标" && late.level2 == "时效指标" && late.name == "补助资金按时拨付率")
        #expect(late.initialTarget.text == "" && late.adjustedTarget.text == "≥95%" && late.actual.text == "90%")
        #expect(late.deviation == "第四季度资金拨付延迟，下年度按月拨付")
        #expect(form.indicators[4].actual.text == "有所改善" && form.indicators[4].deviation == "部分学校食堂条件有限")
        // 总分 | 100 | 94.00 | 优: the 分值 sum and the total.
        #expect(form.printedWeightTotal == "100" && form.printedTotal == "94.00" && form.printedGrade == "优")
        #expect(form.lines["funds.total.weight"] == 9 && form.lines["funds.sources[0].weight"] == 10)
        #expect(form.lines["totalWeight"] == 23 && form.lines["indicators[2].deviation"] == 18)
    }

    /// A Shanxi form has no 分值 column in its funds table: its rows carry no weight.
    @Test func shanxiFundsRowsHaveNoWeight() throws {
        let result = try Importing.seed(Seeds.selfEvaluations2023)
        for form in result.forms.compactMap(\.form.selfEvaluation) {
            #expect(form.funds.total.weight == nil && form.funds.sources.allSatisfy { $0.weight == nil })
            #expect(form.lines["funds.total.weight"] == nil && form.printedWeightTotal == nil)
        }
    }

    /// The letters after a caption go, a unit in parentheses stays (`PrintedLabel.withoutFormulaLetters`, on
    /// the normalised label), and the vocabulary reads a caption with its letters as the column's.
    @Test func formulaLetters() {
        func stripped(_ printed: String) -> String {
            PrintedLabel.withoutFormulaLetters(PrintedLabel.normalize(printed))
        }
        #expect(stripped("执行率(B/A)") == "执行率")
        #expect(stripped("全年预算数(Ａ)") == "全年预算数")
        #expect(stripped("全年执行数（B）") == "全年执行数")
        #expect(stripped("执行率(B/A×100%)") == "执行率")
        #expect(stripped("项目资金(万元)") == "项目资金(万元)")
        #expect(stripped("执行率(%)") == "执行率(%)")
        #expect(stripped("资金结(转)余") == "资金结(转)余")
        #expect(stripped("金额(100)") == "金额(100)")
        #expect(FieldVocabulary.Funds.fullYearBudget.names("全年预算数 （Ａ）"))
        #expect(FieldVocabulary.Funds.rate.names("执行率（B/A）(%)"))
        #expect(FieldVocabulary.Indicators.adjustedTarget.names("年度指标值(A)"))
        #expect(!FieldVocabulary.Funds.fullYearBudget.names("全年预算数(A)合计"))
    }

    /// A national row with fewer amounts than its header has names (`年初预算数` left blank without a `—`, as
    /// the 永德县 form prints 2 amounts for 3 columns) cannot say which cell is blank: reported with its line,
    /// never read into the wrong columns.
    @Test func fewerAmountsThanNamesAreReported() throws {
        let result = try Self.imported(Self.national) { text in
            text = text.replacingOccurrences(
                of: "\t年度资金总额\t40.00\t42.50", with: "\t年度资金总额\t\t42.50")
        }
        #expect(result.forms.isEmpty)
        let problem = try #require(result.unreadable.first)
        #expect(problem.line == 9)
        #expect(
            problem.reason
                == "资金行只有 5 个金额，表头却有 6 个栏目（年初预算数、全年预算数、全年执行数、分值、执行率、得分），无法确定哪一栏未填，该行未导入；请在未填的栏中填“—”后重新导入"
        )
        #expect(result.unreadable.count == 2 && result.unreadable.last?.reason.contains("缺少资金总额行") == true)
    }

    /// In a table's grid a blank cell is an empty cell under its caption: a national row of fewer amounts is
    /// read by where they sit (the 永德县 form's 年初预算数 left blank, a source row's 分值).
    @Test func blankCellsInAGridAreReadByPosition() throws {
        let grid = try Self.grid(Self.national, spanning: ["项目资金（万元）": 2]) { text in
            text = text.replacingOccurrences(of: "\t年度资金总额\t40.00\t42.50", with: "\t年度资金总额\t\t42.50")
            text = text.replacingOccurrences(of: "\t上年结转资金\t—\t2.50\t2.25\t—", with: "\t上年结转资金\t—\t2.50\t2.25\t")
        }
        let result = try GridImporter.importForms(from: grid, noCells: ("", ""))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        let form = try #require(result.forms.first?.form.selfEvaluation)
        let total = form.funds.total
        #expect(total.declared == "" && total.fullYearBudget == "42.50" && total.executed == "38.25")
        #expect(total.weight == "10" && total.rate == "90.00%" && total.score == "9.00")
        let carried = form.funds.sources[1]
        #expect(carried.declared == "—" && carried.executed == "2.25" && carried.weight == "")
        #expect(carried.rate == "90.00%" && carried.score == "—")
    }

    /// A grid row whose amounts do not sit under the captions (shifted one column left) is reported as in text.
    @Test func shiftedGridRowIsReported() throws {
        let grid = try Self.grid(Self.national, spanning: ["项目资金（万元）": 2]) { text in
            text = text.replacingOccurrences(of: "\t年度资金总额\t40.00\t42.50", with: "年度资金总额\t42.50")
        }
        let result = try GridImporter.importForms(from: grid, noCells: ("", ""))
        #expect(result.forms.isEmpty)
        #expect(result.unreadable.first?.line == 9)
        #expect(result.unreadable.first?.reason.hasPrefix("资金行只有 5 个金额，表头却有 6 个栏目") == true)
    }

    /// The county layout's text export loses the header's merged cell: a row of 7 amounts under 6 names is
    /// reported, line by line, not guessed.
    @Test func moreAmountsThanNamesWithoutSpansAreReported() throws {
        let result = try Self.imported(Self.county)
        #expect(result.forms.isEmpty)
        #expect(result.unreadable.map(\.line) == [8, 9, 10, 3])
        #expect(
            result.unreadable.first?.reason
                == "资金行有 7 个金额，表头只有 6 个栏目（年初预算数、全年预算数、全年执行数、资金结(转)余、执行率、得分），且表头没有跨列的合并单元格说明多出的金额属于哪一栏，无法确定各金额所在的栏目；请直接导入原文档（Word、HTML 或 PDF，表头的合并单元格在其中可以读出），或在表头中补上多出一栏的名称"
        )
    }

    /// The county layout's grid with the header's merged cell: 年初预算数 over two columns holds the
    /// 目标申报数 and the 预算编制数; the fixed tail (结余, 执行率, 得分) the last three.
    @Test func mergedInitialBudgetHoldsBothSubColumns() throws {
        let result = try GridImporter.importForms(
            from: try Self.grid(Self.county, spanning: ["年初预算数": 2]), noCells: ("", ""))
        #expect(result.unreadable.isEmpty, "\(result.unreadable)")
        let form = try #require(result.forms.first?.form.selfEvaluation)
        let total = form.funds.total
        #expect(total.declared == "60.00" && total.compiled == "60.00" && total.fullYearBudget == "58.00")
        #expect(total.executed == "55.10" && total.balance == "2.90" && total.rate == "95.00%")
        #expect(total.score == "9.50" && total.weight == nil)
        #expect(form.funds.sources.map(\.source) == ["财政拨款", "其他资金"])
        #expect(form.funds.sources[0].compiled == "50.00" && form.funds.sources[0].executed == "45.60")
        #expect(form.funds.sources[1].balance == "0.50" && form.funds.sources[1].score == "—")
        #expect(form.printedWeightTotal == "100" && form.printedTotal == "99.50")
    }

    /// Two amounts under a merged 全年执行数: which one is the 全年执行数 no caption says. Reported, naming
    /// the header cell.
    @Test func mergedCellOverAnotherNameIsReported() throws {
        let result = try GridImporter.importForms(
            from: try Self.grid(Self.county, spanning: ["全年执行数": 2]) { text in
                text = text.replacingOccurrences(of: "年初预算数\t\t全年预算数\t全年执行数", with: "年初预算数\t全年预算数\t全年执行数\t")
            }, noCells: ("", ""))
        #expect(result.forms.isEmpty)
        #expect(result.unreadable.first?.line == 8)
        #expect(
            result.unreadable.first?.reason == "表头“全年执行数”是跨 2 列的合并单元格，资金行在其下有 2 个金额，无法确定哪一个是全年执行数；请在表头中为这 2 列分别写上栏目名称")
    }

    /// The fixture's grid as a table reader gives it: the header cells named in `spanning` cover the empty
    /// cells after them.
    static func grid(
        _ name: String, spanning: [String: Int], edit: (inout String) -> Void = { _ in }
    ) throws
        -> DocumentGrid
    {
        var text = try Seeds.text(name)
        edit(&text)
        let rows = text.components(separatedBy: "\n").enumerated().map { index, line in
            let origin = GridOrigin(table: 1, tableRow: index + 1)
            var cells: [GridCell] = []
            var covered = 0
            for (column, text) in line.components(separatedBy: "\t").enumerated() {
                if covered > 0, text.isEmpty {
                    covered -= 1
                    continue
                }
                let span = spanning[text] ?? 1
                covered = span - 1
                cells.append(GridCell(text: text, column: column, columnSpan: span, origin: origin))
            }
            return GridRow(number: index + 1, cells: cells, origin: origin)
        }
        return DocumentGrid(file: name, format: "HTML 页面", rows: rows)
    }
}
