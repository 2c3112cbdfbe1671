import Foundation
import JixiaoCore
import Testing

@testable import JixiaoXLSX

/// The layout mapper on edited copies of a fixture's sheet: what real workbooks do that the fixtures don't.
@Suite struct LayoutMapperTests {
    static func sheet(_ fixture: String) throws -> Worksheet {
        try #require(try WorkbookReader.read(XLSXTestSupport.fixture(fixture)).sheets.first)
    }

    static func address(_ reference: String) -> CellAddress { CellAddress(reference: reference)! }

    static func selfEvaluation(_ sheet: Worksheet) throws -> SelfEvaluation {
        let outcome = SheetMapper.map(sheet)
        #expect(outcome.failures.isEmpty, "\(outcome.failures)")
        guard case .selfEvaluation(let form) = try #require(outcome.forms.first).form else {
            throw MappingFailure(reason: "not a self-evaluation")
        }
        return form
    }

    @Test func formulaWithoutCachedResultIsNotReadAsBlank() throws {
        var sheet = try Self.sheet("selfeval-000-会议培训费.xlsx")
        sheet.cells[Self.address("I19")] = Cell(.uncomputedFormula("SUM(I12:I18)"), text: "")
        let outcome = SheetMapper.map(sheet)
        #expect(outcome.forms.isEmpty)
        let failure = try #require(outcome.failures.first)
        #expect(failure.anchor == Self.address("A3"))
        #expect(
            failure.reason.contains("项目“会议培训费”") && failure.reason.contains("I19（=SUM(I12:I18)）")
                && failure.reason.contains("没有保存计算结果"), "\(failure.reason)")
    }

    @Test func percentFormattedRateIsReadWithoutPercentSign() throws {
        var sheet = try Self.sheet("selfeval-000-会议培训费.xlsx")
        sheet.cells[Self.address("H7")] = Cell(.number(Decimal(string: "0.5392")!), text: "53.92%")
        #expect(try Self.selfEvaluation(sheet).funds.total.rate.text == "53.92")
    }

    @Test func missingTotalRowLeavesTotalBlank() throws {
        var sheet = try Self.sheet("selfeval-000-会议培训费.xlsx")
        for column in 1...10 { sheet.cells[CellAddress(row: 19, column: column)] = nil }
        let form = try Self.selfEvaluation(sheet)
        #expect(form.indicators.count == 7)
        #expect(form.printedTotal.text == "" && form.printedGrade == "")
        #expect(form.analysis.improvements.hasPrefix("1、加强培训管理意识"))
    }

    @Test func totalCaptionSpanningTheScoreColumn() throws {
        var sheet = try Self.sheet("selfeval-000-会议培训费.xlsx")
        // 总分 over A–I, the total in J, no grade.
        sheet.merges.removeAll { $0.start == Self.address("A19") }
        sheet.merges.append(CellRange(reference: "A19:I19")!)
        sheet.cells[Self.address("I19")] = nil
        sheet.cells[Self.address("J19")] = Cell(.number(Decimal(string: "85.39")!), text: "85.39")
        let form = try Self.selfEvaluation(sheet)
        #expect(form.printedTotal.text == "85.39" && form.printedGrade == "")
    }

    @Test func extraCellBesideAnIndicatorRowIsKept() throws {
        var sheet = try Self.sheet("selfeval-000-会议培训费.xlsx")
        sheet.cells[Self.address("K13")] = Cell(.text, text: "见附件")
        let form = try Self.selfEvaluation(sheet)
        #expect(form.indicators[1].extraCells == ["见附件"])
    }

    @Test func missingYearIsReported() throws {
        var sheet = try Self.sheet("selfeval-000-会议培训费.xlsx")
        sheet.cells[Self.address("A2")] = nil
        sheet.cells[Self.address("A1")] = Cell(.text, text: "会议培训费项目支出绩效自评表")
        let failure = try #require(SheetMapper.map(sheet).failures.first)
        #expect(failure.reason.contains("找不到年度"), "\(failure.reason)")
        sheet.name = "2023年自评表"
        #expect(try Self.selfEvaluation(sheet).year == 2023)
    }

    @Test func dateCellFilledAtIsWrittenAsThePlatformPrintsIt() throws {
        var sheet = try Self.sheet("target-002-维修维护费.xlsx")
        let serial = try #require(Decimal(string: "45486.62913194444"))
        let date = try #require(ExcelDateTime(serial: serial, date1904: false))
        sheet.cells[Self.address("H29")] = Cell(.date(date), text: date.isoText)
        guard case .targetTable(let table) = try #require(SheetMapper.map(sheet).forms.first).form else {
            Issue.record("not a target table")
            return
        }
        #expect(table.footer.filledAt == "20240713150557")
    }

    @Test func formOfUnknownKindIsReported() throws {
        var sheet = Worksheet(name: "Sheet1")
        sheet.cells[Self.address("A1")] = Cell(.text, text: "(2024年度)")
        sheet.cells[Self.address("A2")] = Cell(.text, text: "项目名称")
        sheet.cells[Self.address("B2")] = Cell(.text, text: "某项目")
        let failure = try #require(SheetMapper.map(sheet).failures.first)
        #expect(failure.reason.hasPrefix("项目“某项目”：") && failure.reason.contains("无法识别表单类型"), "\(failure.reason)")
    }
}
