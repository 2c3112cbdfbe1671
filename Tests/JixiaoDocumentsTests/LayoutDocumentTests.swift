import Foundation
import JixiaoCore
import JixiaoFormats
import JixiaoImport
import Testing

@testable import JixiaoDocuments

/// The layout fixtures that are not Shanxi's (scripts/make-layout-fixtures.py from their text exports in
/// Tests/JixiaoImportTests/Fixtures) read from an HTML page and a Word document.
@Suite struct LayoutDocumentTests {
    /// The national template (全年预算数(A), 分值, 执行率(B/A); 年度指标值(A), 全年实际值(B)) gives the text
    /// export's form, field by field, from HTML and Word.
    @Test(arguments: ["national-template.html", "national-template.docx"])
    func nationalTemplate(_ document: String) throws {
        try DocumentImportTests.compare(document, "national-template")
        let read = try DocumentFixtures.importer(for: document).importForms(from: try DocumentFixtures.url(document))
        let form = try Self.selfEvaluation(read)
        #expect(
            form.funds.total.weight == "10" && form.funds.total.rate == "90.00%" && form.funds.total.score == "9.00")
        #expect(form.funds.total.fullYearBudget == "42.50" && form.funds.total.executed == "38.25")
        #expect(form.indicators[4].actual.text == "有所改善" && form.printedWeightTotal == "100")
    }

    /// The county layout's 年初预算数 merged over two columns (`colspan="2"`, `w:gridSpan="2"`): its rows' 7
    /// amounts under 6 names are read by the header's span and the fixed tail (资金结余, 执行率, 得分).
    @Test(arguments: ["county-merged-header.html", "county-merged-header.docx"])
    func mergedHeaderCell(_ document: String) throws {
        let read = try DocumentFixtures.importer(for: document).importForms(from: try DocumentFixtures.url(document))
        #expect(read.unreadable.isEmpty, "\(read.unreadable)")
        let form = try Self.selfEvaluation(read)
        #expect(read.forms.count == 1 && form.project == "村级公益事业建设" && form.year == 2022)
        let total = form.funds.total
        #expect(total.declared == "60.00" && total.compiled == "60.00" && total.fullYearBudget == "58.00")
        #expect(total.executed == "55.10" && total.balance == "2.90" && total.rate == "95.00%" && total.score == "9.50")
        #expect(form.funds.sources.map(\.source) == ["财政拨款", "其他资金"])
        let grant = form.funds.sources[0]
        #expect(grant.declared == "50.00" && grant.compiled == "50.00" && grant.fullYearBudget == "48.00")
        #expect(grant.executed == "45.60" && grant.balance == "2.40" && grant.rate == "95.00%" && grant.score == "—")
        #expect(form.funds.sources[1].executed == "9.50" && form.funds.sources[1].balance == "0.50")
        #expect(form.indicators.map(\.score) == ["20", "20", "10", "20", "10", "10"])
        #expect(form.printedTotal == "99.50" && form.printedWeightTotal == "100" && form.printedGrade == "优")
    }

    /// The national page with blank cells (an empty `<td>` for 年初预算数 on the 资金总额 row, as the 永德县
    /// page prints it, and for 分值 on a source row): a row of fewer amounts than names is read by where its
    /// amounts sit in the table.
    @Test func blankCellsReadByPosition() throws {
        var page = try String(contentsOf: try DocumentFixtures.url("national-template.html"), encoding: .utf8)
        for (printed, blank) in [
            ("<td>年度资金总额</td><td>40.00</td>", "<td>年度资金总额</td><td></td>"),
            ("<td>2.25</td><td>—</td>", "<td>2.25</td><td></td>"),
        ] {
            #expect(page.contains(printed))
            page = page.replacingOccurrences(of: printed, with: blank)
        }
        let read = try HTMLPageImporter().importForms(
            from: try DocumentFixtures.scratch("national-blank-cells.html", Data(page.utf8)))
        #expect(read.unreadable.isEmpty, "\(read.unreadable)")
        let form = try Self.selfEvaluation(read)
        let total = form.funds.total
        #expect(total.declared == "" && total.fullYearBudget == "42.50" && total.executed == "38.25")
        #expect(total.weight == "10" && total.rate == "90.00%" && total.score == "9.00")
        let carried = form.funds.sources[1]
        #expect(carried.source == "上年结转资金" && carried.declared == "—" && carried.executed == "2.25")
        #expect(carried.weight == "" && carried.rate == "90.00%" && carried.score == "—")
    }

    static func selfEvaluation(_ read: ImportResult) throws -> SelfEvaluation {
        guard case .selfEvaluation(let form)? = read.forms.first?.form else {
            Issue.record("no self-evaluation imported: \(read.unreadable)")
            throw CancellationError()
        }
        return form
    }
}
